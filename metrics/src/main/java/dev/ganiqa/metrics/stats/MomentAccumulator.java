package dev.ganiqa.metrics.stats;

/**
 * One-pass, mergeable mean and covariance of feature vectors, so statistics of 50,000+ images never hold all
 * features. Each batch is centred on its own mean and its scatter formed with BLAS {@code dsyrk}; partial
 * results combine with the pairwise update of Chan, Golub and LeVeque ("Updating formulae and a pairwise
 * algorithm for computing sample variances", 1979): M2 = M2a + M2b + (na nb / n) delta delta^T,
 * delta = mean_b - mean_a. The result equals the two-pass {@code np.mean} / {@code np.cov(rowvar=False)}
 * that pytorch-fid uses, to rounding, independent of batch sizes and of the order of merges. Not thread-safe:
 * give each thread its own accumulator and {@link #merge} them.
 */
public final class MomentAccumulator {
    private final int d;
    private long n;
    private final double[] mean;
    /** Scatter matrix; only the row-major lower triangle (BLAS column-major "U") is kept up to date. */
    private final double[] m2;

    public MomentAccumulator(int dimension) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("expected a positive feature dimension, found " + dimension);
        }
        d = dimension;
        mean = new double[d];
        m2 = new double[d * d];
    }

    public int dimension() {
        return d;
    }

    public long count() {
        return n;
    }

    /** Adds every row of {@code batch}. */
    public void add(FeatureMatrix batch) {
        if (batch.cols() != d) {
            throw new IllegalArgumentException("expected " + d + " features per row, found " + batch.cols());
        }
        int b = batch.rows();
        if (b == 0) {
            return;
        }
        double[] bm = new double[d];
        double[] x = batch.data();
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < d; j++) {
                bm[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            bm[j] /= b;
        }
        double[] centred = new double[b * d];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < d; j++) {
                double v = x[i * d + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("expected finite features, found " + v + " at row " + i
                            + ", column " + j);
                }
                centred[i * d + j] = v - bm[j];
            }
        }
        double[] bm2 = new double[d * d];
        // Row-major b x d is column-major d x b (X^T); X^T X = Xf Xf^T is dsyrk with trans "N".
        LinearAlgebra.blas().dsyrk("U", "N", d, b, 1.0, centred, d, 0.0, bm2, d);
        combine(b, bm, bm2);
    }

    /** Adds the vectors in {@code rows}. */
    public void add(double[][] rows) {
        add(FeatureMatrix.of(rows));
    }

    /** Folds {@code other} into this accumulator; {@code other} is unchanged. */
    public void merge(MomentAccumulator other) {
        if (other.d != d) {
            throw new IllegalArgumentException("expected dimension " + d + ", found " + other.d);
        }
        if (other.n > 0) {
            combine(other.n, other.mean.clone(), other.m2.clone());
        }
    }

    private void combine(long nb, double[] meanB, double[] m2b) {
        long total = n + nb;
        double[] delta = new double[d];
        for (int j = 0; j < d; j++) {
            delta[j] = meanB[j] - mean[j];
        }
        for (int k = 0; k < m2.length; k++) {
            m2[k] += m2b[k];
        }
        if (n > 0) {
            LinearAlgebra.blas().dsyr("U", d, (double) n * nb / total, delta, 1, m2, d);
        }
        for (int j = 0; j < d; j++) {
            mean[j] += delta[j] * nb / total;
        }
        n = total;
    }

    /** Mean and unbiased covariance (divided by n - 1); needs at least two vectors. */
    public GaussianStats stats() {
        if (n < 2) {
            throw new IllegalStateException("expected at least 2 feature vectors for a covariance, found " + n);
        }
        double[] sigma = new double[d * d];
        for (int r = 0; r < d; r++) {
            for (int c = 0; c <= r; c++) {
                double v = m2[r * d + c] / (n - 1);
                sigma[r * d + c] = v;
                sigma[c * d + r] = v;
            }
        }
        return new GaussianStats(mean.clone(), sigma, n);
    }
}
