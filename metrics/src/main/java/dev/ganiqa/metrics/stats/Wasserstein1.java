package dev.ganiqa.metrics.stats;

import java.util.Arrays;

/**
 * The 1-Wasserstein distance between two samples of a real-valued measure, as
 * {@code scipy.stats.wasserstein_distance(u, v)} (unit weights): the area between the two empirical distribution
 * functions, {@code integral |F_u(x) - F_v(x)| dx}, summed exactly over the merged sorted support. It compares whole
 * per-image distributions, so a set that is partly blurred and partly over-sharpened is not read as "as real" the
 * way a difference of means would read it.
 */
public final class Wasserstein1 {
    private Wasserstein1() {
    }

    public static double distance(double[] u, double[] v) {
        check(u, "first");
        check(v, "second");
        double[] a = u.clone();
        double[] b = v.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        double sum = 0;
        int ia = 0;
        int ib = 0;
        for (int k = 0; k < all.length - 1; k++) {
            double x = all[k];
            while (ia < a.length && a[ia] <= x) {
                ia++;
            }
            while (ib < b.length && b[ib] <= x) {
                ib++;
            }
            double fa = (double) ia / a.length;
            double fb = (double) ib / b.length;
            sum += Math.abs(fa - fb) * (all[k + 1] - x);
        }
        return sum;
    }

    /**
     * The distance with the sign of the difference of means (u's minus v's): how far u lies from v, and on which
     * side ({@code -} blurrier or less noisy than v, {@code +} sharper or noisier, for the measures it is used on).
     */
    public static double signed(double[] u, double[] v) {
        double d = distance(u, v);
        double mu = Arrays.stream(u).average().orElseThrow();
        double mv = Arrays.stream(v).average().orElseThrow();
        return mu < mv ? -d : d;
    }

    private static void check(double[] x, String which) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("expected a non-empty " + which + " sample, found none");
        }
        for (double value : x) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("expected finite values in the " + which + " sample, found " + value);
            }
        }
    }
}
