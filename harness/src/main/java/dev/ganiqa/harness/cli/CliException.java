package dev.ganiqa.harness.cli;

/** A failure reported as one line, {@code ganiqa: <what>: <why>}, with exit code 1 (or 2 for usage). */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String what;
    private final int exitCode;

    public CliException(String what, String why) {
        this(what, why, 1, null);
    }

    public CliException(String what, String why, int exitCode, Throwable cause) {
        super(why, cause);
        this.what = what;
        this.exitCode = exitCode;
    }

    public static CliException usage(String what, String why) {
        return new CliException(what, why, 2, null);
    }

    public String what() {
        return what;
    }

    public int exitCode() {
        return exitCode;
    }
}
