package dev.ganiqa.metrics.stats;

import java.util.SplittableRandom;

/**
 * Kernel Inception Distance (Binkowski et al., "Demystifying MMD GANs", ICLR 2018): the unbiased estimate of
 * MMD^2 with the polynomial kernel k(x, y) = (x.y / d + 1)^3,
 * sum_{i!=j} k(x_i,x_j) / (m(m-1)) + sum_{i!=j} k(y_i,y_j) / (n(n-1)) - 2 sum k(x_i,y_j) / (mn),
 * averaged over random subsets as torch-fidelity's {@code kid_features_to_metric} (mean and population std).
 * A subset size at least as large as both sets gives the exact full-set value (one evaluation, std 0); with
 * unequal set sizes each side uses min(subset size, its size). Kernel values come from BLAS Gram matrices,
 * either per subset into reused buffers ({@link KernelSums}) or, when the tables fit and save flops, looked
 * up in the kernel values of all real-fake and fake-fake pairs ({@link GatheredKernelSums}); both sum in the
 * same order and give the same doubles.
 */
public final class KernelInceptionDistance {
    private KernelInceptionDistance() {
    }

    /** KID mean and standard deviation over subsets. */
    public record Result(double mean, double std, int subsets, int subsetSizeReal, int subsetSizeFake) {
    }

    public static Result compute(FeatureMatrix real, FeatureMatrix fake, KidConfig config) {
        return compute(real, fake, config, null);
    }

    /**
     * {@link #compute(FeatureMatrix, FeatureMatrix, KidConfig)} with the real-real subset sums taken from (and
     * kept in) {@code realTerms}, whose real set must be {@code real}; null computes them here. The result is the same double either way.
     */
    public static Result compute(FeatureMatrix real, FeatureMatrix fake, KidConfig config, KidRealTerms realTerms) {
        if (realTerms != null && realTerms.real().data() != real.data()) {
            throw new IllegalArgumentException("expected the KID real terms of the real set given (" + real.rows()
                    + " samples), found those of another set (" + realTerms.real().rows() + " samples)");
        }
        if (real.cols() != fake.cols()) {
            throw new IllegalArgumentException("expected features of the same dimension, found " + real.cols()
                    + " and " + fake.cols());
        }
        int m = Math.min(config.subsetSize(), real.rows());
        int n = Math.min(config.subsetSize(), fake.rows());
        if (m < 2 || n < 2) {
            throw new IllegalArgumentException("expected at least 2 feature vectors per set for KID, found "
                    + real.rows() + " and " + fake.rows());
        }
        if (m == real.rows() && n == fake.rows()) {
            return new Result(mmd2(real, fake), 0.0, 1, m, n);
        }
        SplittableRandom random = new SplittableRandom(config.seed());
        double[] values = new double[config.subsets()];
        double[] realSums = realTerms == null ? null : realTerms.sums(config, m, fake.rows(), n);
        if (GatheredKernelSums.worthIt(real.rows(), fake.rows(), m, n, values.length)) {
            GatheredKernelSums sums = new GatheredKernelSums(real, fake, m, n);
            for (int s = 0; s < values.length; s++) {
                // Real indices first, then fake: the draw order every earlier result was computed with.
                int[] rx = sample(random, real.rows(), m);
                values[s] = sums.mmd2(rx, sample(random, fake.rows(), n), realSums == null ? Double.NaN : realSums[s]);
            }
        } else {
            KernelSums sums = new KernelSums(m, n, real.cols());
            for (int s = 0; s < values.length; s++) {
                sums.load(real, sample(random, real.rows(), m), fake, sample(random, fake.rows(), n));
                values[s] = sums.mmd2(realSums == null ? Double.NaN : realSums[s]);
            }
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        return new Result(mean, Math.sqrt(var / values.length), values.length, m, n);
    }

    /** Unbiased MMD^2 of all rows of x against all rows of y. */
    public static double mmd2(FeatureMatrix x, FeatureMatrix y) {
        if (x.cols() != y.cols()) {
            throw new IllegalArgumentException("expected features of the same dimension, found " + x.cols()
                    + " and " + y.cols());
        }
        KernelSums sums = new KernelSums(x.rows(), y.rows(), x.cols());
        sums.load(x, null, y, null);
        return sums.mmd2();
    }

    /** k distinct indices of 0..n-1 by a partial Fisher-Yates shuffle. */
    static int[] sample(SplittableRandom random, int n, int k) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, k);
    }
}
