package dev.ganiqa.metrics.stats;

import java.util.SplittableRandom;

/**
 * The KID computation as first written (a fresh subset copy and three dgemm Gram matrices per subset, one
 * sequential kernel sum each): the oracle the buffered dsyrk route must reproduce.
 */
final class NaiveKid {
    private NaiveKid() {
    }

    static double[] subsetValues(FeatureMatrix real, FeatureMatrix fake, KidConfig config) {
        int m = Math.min(config.subsetSize(), real.rows());
        int n = Math.min(config.subsetSize(), fake.rows());
        SplittableRandom random = new SplittableRandom(config.seed());
        double[] values = new double[config.subsets()];
        for (int s = 0; s < values.length; s++) {
            FeatureMatrix x = real.select(KernelInceptionDistance.sample(random, real.rows(), m));
            FeatureMatrix y = fake.select(KernelInceptionDistance.sample(random, fake.rows(), n));
            values[s] = mmd2(x, y);
        }
        return values;
    }

    static double mmd2(FeatureMatrix x, FeatureMatrix y) {
        int m = x.rows();
        int n = y.rows();
        double xx = kernelSum(x, x, true);
        double yy = kernelSum(y, y, true);
        double xy = kernelSum(x, y, false);
        return xx / ((double) m * (m - 1)) + yy / ((double) n * (n - 1)) - 2 * xy / ((double) m * n);
    }

    private static double kernelSum(FeatureMatrix a, FeatureMatrix b, boolean offDiagonal) {
        int d = a.cols();
        int m = a.rows();
        int n = b.rows();
        double[] g = new double[m * n];
        LinearAlgebra.blas().dgemm("T", "N", m, n, d, 1.0, a.data(), d, b.data(), d, 0.0, g, m);
        double gamma = 1.0 / d;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                if (offDiagonal && i == j) {
                    continue;
                }
                double k = g[j * m + i] * gamma + 1.0;
                sum += k * k * k;
            }
        }
        return sum;
    }

    /** Mean and population std of the subset values, as KernelInceptionDistance reports them. */
    static double[] meanStd(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(var / values.length)};
    }
}
