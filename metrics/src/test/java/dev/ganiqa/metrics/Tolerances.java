package dev.ganiqa.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;

/**
 * How tests compare numbers that two different numerical routes computed. OpenBLAS picks its kernels by CPU
 * (and by {@code OPENBLAS_CORETYPE}, which machines of this kind may set), netlib may fall back to pure Java,
 * and TensorFlow's multi-threaded kernels may sum in another order: the last bits of two routes differ from
 * machine to machine. Bit equality is demanded only of repeats of one route in one process.
 */
public final class Tolerances {
    /** Relative tolerance for float64 results of two routes: reordered sums of a few thousand terms stay near 1e-14. */
    public static final double FLOAT64 = 1e-12;
    /**
     * Relative tolerance, to the largest magnitude of the array, for float32 network outputs of two TensorFlow
     * sessions (and statistics accumulated from them): float32 carries about 7 digits.
     */
    public static final double FLOAT32 = 1e-5;

    private Tolerances() {
    }

    /** An offset of {@link #FLOAT64} relative to {@code expected}. */
    public static Offset<Double> relative(double expected) {
        return Offset.offset(FLOAT64 * Math.abs(expected));
    }

    /** Same length, and every element within {@code tolerance} times the largest magnitude of {@code expected}. */
    public static void assertClose(double[] actual, double[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double allowed = tolerance * scale;
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d (scale %s)", i, scale).isCloseTo(expected[i], Offset.offset(allowed));
        }
    }

    /** {@link #assertClose(double[], double[], double)} for float arrays. */
    public static void assertClose(float[] actual, float[] expected, double tolerance) {
        double[] a = new double[actual.length];
        double[] e = new double[expected.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = actual[i];
        }
        for (int i = 0; i < e.length; i++) {
            e[i] = expected[i];
        }
        assertClose(a, e, tolerance);
    }
}
