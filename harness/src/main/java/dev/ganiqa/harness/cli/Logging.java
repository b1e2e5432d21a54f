package dev.ganiqa.harness.cli;

/** How a ganiqa process (the command line, or a worker of a parallel comparison) sets up java.util.logging. */
public final class Logging {
    /** Held so that the level set below is not lost when the JDK's weakly held logger is collected. */
    private static final java.util.logging.Logger NETLIB_LOG = java.util.logging.Logger.getLogger("dev.ludovic.netlib");

    private Logging() {
    }

    /**
     * java.util.logging's default two-line records (timestamp, class, then the message) break into the progress
     * output on stderr; ganiqa's messages are one line, {@code ganiqa: warning: <what>}, like its other notices.
     */
    public static void oneLine() {
        java.util.logging.Formatter oneLine = new java.util.logging.Formatter() {
            @Override
            public String format(java.util.logging.LogRecord r) {
                return System.lineSeparator() + "ganiqa: " + r.getLevel().getName().toLowerCase(java.util.Locale.ROOT)
                        + ": " + formatMessage(r) + System.lineSeparator();
            }
        };
        for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
            h.setFormatter(oneLine);
        }
    }

    /**
     * netlib logs each backend it tries before it finds the system OpenBLAS; ganiqa's own LinearAlgebra warns
     * (under its own logger) when it ends up on pure Java, which is the only case a user must act on.
     */
    public static void quietLibraries() {
        NETLIB_LOG.setLevel(java.util.logging.Level.SEVERE);
        oneLine();
    }
}
