package dev.ganiqa.metrics.stats;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real-real kernel sums of KID's subsets for one real feature set, kept for every generated set measured
 * against it. Subset s draws its real indices, then its fake indices, from one {@code SplittableRandom(seed)},
 * so the real subsets depend only on the real set, the {@link KidConfig}, the subset sizes and the number of
 * generated rows: every unit of a comparison with the same sample count shares them, and with them the
 * m x m Gram matrix and kernel sum of each subset (a quarter of the per-subset flops).
 */
public final class KidRealTerms {
    private record Key(KidConfig config, int m, int fakeRows, int n) {
    }

    private final FeatureMatrix real;
    private final Map<Key, double[]> sums = new ConcurrentHashMap<>();

    public KidRealTerms(FeatureMatrix real) {
        this.real = real;
    }

    public FeatureMatrix real() {
        return real;
    }

    /**
     * The real-real sums for one (config, subset size m, generated rows, generated subset size n), computed now if
     * they are not known yet: what a comparison's coordinator computes once and saves for its units.
     */
    public double[] sumsFor(KidConfig config, int m, int fakeRows, int n) {
        return sums(config, m, fakeRows, n).clone();
    }

    /** Sums computed earlier (by {@link #sumsFor}) for the same real set, so they are not computed again. */
    public void preload(KidConfig config, int m, int fakeRows, int n, double[] values) {
        if (values.length != config.subsets()) {
            throw new IllegalArgumentException("expected " + config.subsets() + " KID subset sums, found "
                    + values.length);
        }
        sums.put(new Key(config, m, fakeRows, n), values.clone());
    }

    /** Sum over i != j of k(x_i, x_j) for the real subset of each of {@code config.subsets()} draws. */
    double[] sums(KidConfig config, int m, int fakeRows, int n) {
        return sums.computeIfAbsent(new Key(config, m, fakeRows, n), k -> compute(config, m, fakeRows, n));
    }

    private double[] compute(KidConfig config, int m, int fakeRows, int n) {
        SplittableRandom random = new SplittableRandom(config.seed());
        int d = real.cols();
        double[] x = new double[m * d];
        double[] g = new double[m * m];
        double[] out = new double[config.subsets()];
        for (int s = 0; s < out.length; s++) {
            int[] rx = KernelInceptionDistance.sample(random, real.rows(), m);
            KernelInceptionDistance.sample(random, fakeRows, n);
            out[s] = KernelSums.selfSum(real, rx, x, g);
        }
        return out;
    }
}
