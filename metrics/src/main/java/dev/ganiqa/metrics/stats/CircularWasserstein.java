package dev.ganiqa.metrics.stats;

/**
 * The 1-Wasserstein (earth mover's) distance between two histograms on a circle of equally spaced bins, with the
 * arc length as the ground distance: for normalised histograms f and g of N bins of width w and their cumulative
 * sums F_k and G_k,
 * {@code W1 = w * min_c sum_k |F_k - G_k - c|}, attained at c = a median of the F_k - G_k (Werman, Peleg and
 * Rosenfeld, CVGIP 1985; Rabin, Delon and Gousseau, "Transportation distances on the circle", J. Math. Imaging
 * Vis. 2011, eq. 9 and Prop. 1). Unlike a distance on the line it does not separate hues either side of red, where
 * the hue circle is cut. Checked against the transport linear programme solved by scipy (HiGHS) in the tests.
 */
public final class CircularWasserstein {
    private CircularWasserstein() {
    }

    /** The distance between the histograms {@code a} and {@code b} (counts, normalised here), in bin widths times {@code width}. */
    public static double distance(long[] a, long[] b, double width) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("expected two histograms of the same number of bins, found " + a.length
                    + " and " + b.length);
        }
        double na = total(a, "first");
        double nb = total(b, "second");
        int n = a.length;
        double[] diff = new double[n];
        double fa = 0;
        double fb = 0;
        for (int k = 0; k < n; k++) {
            fa += a[k] / na;
            fb += b[k] / nb;
            diff[k] = fa - fb;
        }
        double[] sorted = diff.clone();
        java.util.Arrays.sort(sorted);
        double c = sorted[(n - 1) / 2];
        double sum = 0;
        for (double d : diff) {
            sum += Math.abs(d - c);
        }
        return width * sum;
    }

    private static double total(long[] h, String which) {
        long t = 0;
        for (long v : h) {
            if (v < 0) {
                throw new IllegalArgumentException("expected counts of at least 0 in the " + which + " histogram, found " + v);
            }
            t += v;
        }
        if (t == 0) {
            throw new IllegalArgumentException("expected a non-empty " + which + " histogram, found no counts");
        }
        return t;
    }
}
