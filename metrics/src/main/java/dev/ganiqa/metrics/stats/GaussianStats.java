package dev.ganiqa.metrics.stats;

/**
 * Mean {@code mu} (d) and covariance {@code sigma} (d x d row-major, unbiased: divided by n - 1 like
 * {@code np.cov(features, rowvar=False)} in pytorch-fid) of {@code n} feature vectors; {@code n} is 0 when
 * unknown (statistics files from pytorch-fid or TTUR do not record it).
 */
public record GaussianStats(double[] mu, double[] sigma, long n) {
    public GaussianStats {
        if (mu.length == 0 || (long) mu.length * mu.length != sigma.length) {
            throw new IllegalArgumentException("expected sigma of " + mu.length + "x" + mu.length + " for mu of length "
                    + mu.length + ", found " + sigma.length + " values");
        }
        if (n < 0) {
            throw new IllegalArgumentException("expected a sample count >= 0, found " + n);
        }
    }

    public int dimension() {
        return mu.length;
    }

    public double sigma(int row, int col) {
        return sigma[row * mu.length + col];
    }

    /** Statistics of all rows at once (the accumulator, fed in one batch). */
    public static GaussianStats of(FeatureMatrix features) {
        MomentAccumulator acc = new MomentAccumulator(features.cols());
        acc.add(features);
        return acc.stats();
    }
}
