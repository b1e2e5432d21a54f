package dev.ganiqa.metrics.stats;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;

/**
 * The BLAS and LAPACK instances dev.ludovic.netlib loaded, and whether they are native. netlib silently falls
 * back to pure Java (about 12x slower for a 2048x2048 eigenproblem) when the system library is missing, so
 * the first use logs a warning naming the Debian package; {@link #backend()} says what is in use.
 */
public final class LinearAlgebra {
    private static final System.Logger LOG = System.getLogger(LinearAlgebra.class.getName());
    /**
     * netlib logs a WARNING on every start that its Vector API implementation (needs jdk.incubator.vector) is
     * unavailable, although only the native one is used; the native/fallback check below replaces that noise.
     * Held in a field because java.util.logging keeps loggers weakly.
     */
    private static final java.util.logging.Logger NETLIB_BUILDER = quiet("dev.ludovic.netlib.blas.InstanceBuilder");
    private static final BLAS BLAS_INSTANCE = BLAS.getInstance();
    private static final LAPACK LAPACK_INSTANCE = LAPACK.getInstance();

    static {
        if (!isNative()) {
            LOG.log(System.Logger.Level.WARNING, "netlib fell back to pure Java (" + backend() + "); the Frechet "
                    + "distance at d=2048 will take seconds. Install the system OpenBLAS (Debian libopenblas0, "
                    + "scripts/install-deps.sh).");
        } else {
            LOG.log(System.Logger.Level.DEBUG, "netlib backend: " + backend());
        }
    }

    private LinearAlgebra() {
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    static BLAS blas() {
        return BLAS_INSTANCE;
    }

    static LAPACK lapack() {
        return LAPACK_INSTANCE;
    }

    /** True when both BLAS and LAPACK go through JNI to the system library. */
    public static boolean isNative() {
        return BLAS_INSTANCE.getClass().getSimpleName().startsWith("JNI")
                && LAPACK_INSTANCE.getClass().getSimpleName().startsWith("JNI");
    }

    /** E.g. {@code "BLAS JNIBLAS, LAPACK JNILAPACK (native)"}. */
    public static String backend() {
        return "BLAS " + BLAS_INSTANCE.getClass().getSimpleName() + ", LAPACK " + LAPACK_INSTANCE.getClass().getSimpleName()
                + (isNative() ? " (native)" : " (pure Java fallback)");
    }

    /** Throws when netlib is not native, for benchmarks and commands that must not silently run 12x slower. */
    public static void requireNative() {
        if (!isNative()) {
            throw new IllegalStateException("expected native BLAS/LAPACK through the system OpenBLAS, found " + backend()
                    + "; install Debian libopenblas0");
        }
    }
}
