package dev.ganiqa.metrics.stats;

/**
 * One-pass, mergeable mean and covariance of feature vectors, so statistics of 50,000+ images never hold all
 * features. Each batch is centred on its own mean and its scatter formed with BLAS {@code dsyrk}; partial
 * results combine with the pairwise update of Chan, Golub and LeVeque ("Updating formulae and a pairwise
 * algorithm for computing sample variances", 1979): M2 = M2a + M2b + (na nb / n) delta delta^T,
 * delta = mean_b - mean_a. The result equals the two-pass {@code np.mean} / {@code np.cov(rowvar=False)}
 * that pytorch-fid uses, to rounding.
 *
 * <p>Rows are folded in blocks of exactly {@link #FOLD_ROWS}, whatever the sizes of the batches they arrive in
 * (the last block may be shorter): the same rows in the same order give bit-identical statistics whether they
 * come one by one, in extractor batches, or as one matrix. This is the only way ganiqa computes Gaussian
 * statistics, so {@code fid}, {@code metrics} and {@code compare} agree to the last bit on the same images.
 * Not thread-safe: give each thread its own accumulator and {@link #merge} them.
 */
public final class MomentAccumulator {
    /** Rows per fold (one dsyrk each); part of the statistics-cache key since it fixes the rounding. */
    public static final int FOLD_ROWS = 100;

    private final int d;
    /** Rows not yet folded, row-major; at most FOLD_ROWS. */
    private final double[] pending;
    private int pendingRows;
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
        pending = new double[FOLD_ROWS * d];
    }

    public int dimension() {
        return d;
    }

    public long count() {
        return n + pendingRows;
    }

    /** Adds every row of {@code batch}. */
    public void add(FeatureMatrix batch) {
        if (batch.cols() != d) {
            throw new IllegalArgumentException("expected " + d + " features per row, found " + batch.cols());
        }
        double[] x = batch.data();
        for (int r = 0; r < batch.rows(); r++) {
            System.arraycopy(x, r * d, pending, pendingRows * d, d);
            push();
        }
    }

    /** Adds {@code rows} vectors given as floats, row-major (an extractor's output), widened exactly to double. */
    public void add(float[] x, int rows) {
        if (x.length != (long) rows * d) {
            throw new IllegalArgumentException("expected " + rows + "x" + d + " features, found " + x.length + " values");
        }
        for (int r = 0; r < rows; r++) {
            int base = pendingRows * d;
            for (int j = 0; j < d; j++) {
                pending[base + j] = x[r * d + j];
            }
            push();
        }
    }

    private void push() {
        pendingRows++;
        if (pendingRows == FOLD_ROWS) {
            fold();
        }
    }

    private void fold() {
        if (pendingRows > 0) {
            fold(pendingRows, pending);
            pendingRows = 0;
        }
    }

    /** Folds the first {@code b} rows of {@code x} in one block. */
    private void fold(int b, double[] x) {
        double[] bm = new double[d];
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
                    throw new IllegalArgumentException("expected finite features, found " + v + " at row "
                            + (n + i) + ", column " + j);
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
        fold();
        MomentAccumulator o = other.copy();
        o.fold();
        if (o.n > 0) {
            combine(o.n, o.mean, o.m2);
        }
    }

    private MomentAccumulator copy() {
        MomentAccumulator c = new MomentAccumulator(d);
        c.n = n;
        System.arraycopy(mean, 0, c.mean, 0, d);
        System.arraycopy(m2, 0, c.m2, 0, m2.length);
        System.arraycopy(pending, 0, c.pending, 0, pendingRows * d);
        c.pendingRows = pendingRows;
        return c;
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
        if (count() < 2) {
            throw new IllegalStateException("expected at least 2 feature vectors for a covariance, found " + count());
        }
        if (pendingRows > 0) {
            // Fold the last, short block into a copy: adding more rows later still folds full blocks.
            MomentAccumulator c = copy();
            c.fold();
            return c.stats();
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
