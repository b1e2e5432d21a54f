package dev.ganiqa.metrics.stats;

import dev.ludovic.netlib.blas.BLAS;
import java.util.stream.IntStream;

/**
 * The three kernel sums of one unbiased MMD^2 evaluation (see {@link KernelInceptionDistance}) for an m-row x
 * and an n-row y, with every buffer allocated once and reused across KID subsets.
 *
 * <p>The symmetric Gram matrices XX^T and YY^T come from {@code dsyrk} (half the flops of {@code dgemm}) and
 * are mirrored to full squares; XY^T from {@code dgemm}. Each kernel sum then runs over its full matrix in the
 * column-by-column order of the original single loop, so the value is the same double; the three sums are
 * independent, so they run on separate cores without changing any of them.
 */
final class KernelSums {
    private static final int TILE = 64;

    private final int m;
    private final int n;
    private final int d;
    private final double[] x;
    private final double[] y;
    private final double[] gxx;
    private final double[] gyy;
    private final double[] gxy;

    KernelSums(int m, int n, int d) {
        this.m = m;
        this.n = n;
        this.d = d;
        this.x = new double[m * d];
        this.y = new double[n * d];
        this.gxx = new double[m * m];
        this.gyy = new double[n * n];
        this.gxy = new double[m * n];
    }

    /** Copies the rows {@code xRows} of {@code a} and {@code yRows} of {@code b} (null: all, in order). */
    void load(FeatureMatrix a, int[] xRows, FeatureMatrix b, int[] yRows) {
        copyRows(a, xRows, x, m);
        copyRows(b, yRows, y, n);
    }

    private void copyRows(FeatureMatrix from, int[] rows, double[] to, int count) {
        if (from.cols() != d || (rows == null ? from.rows() : rows.length) != count) {
            throw new IllegalArgumentException("expected " + count + " rows of dimension " + d + ", found "
                    + (rows == null ? from.rows() : rows.length) + " of dimension " + from.cols());
        }
        if (rows == null) {
            System.arraycopy(from.data(), 0, to, 0, count * d);
            return;
        }
        for (int i = 0; i < count; i++) {
            System.arraycopy(from.data(), rows[i] * d, to, i * d, d);
        }
    }

    /** Unbiased MMD^2 of the loaded x and y. */
    double mmd2() {
        return mmd2(Double.NaN);
    }

    /** As {@link #mmd2()}, with the real-real kernel sum of the loaded x given ({@link KidRealTerms}); NaN: computed. */
    double mmd2(double realSum) {
        BLAS blas = LinearAlgebra.blas();
        boolean known = !Double.isNaN(realSum);
        if (!known) {
            // Row-major m x d is column-major d x m (lda d); "T" gives X X^T, upper triangle, column-major m x m.
            blas.dsyrk("U", "T", m, d, 1.0, x, 0, d, 0.0, gxx, 0, m);
        }
        blas.dsyrk("U", "T", n, d, 1.0, y, 0, d, 0.0, gyy, 0, n);
        blas.dgemm("T", "N", m, n, d, 1.0, x, 0, d, y, 0, d, 0.0, gxy, 0, m);
        double[] sums = IntStream.range(0, 3).parallel().mapToDouble(t -> switch (t) {
            case 0 -> known ? realSum : kernelSum(mirrorUpper(gxx, m), m, m, d, true);
            case 1 -> kernelSum(mirrorUpper(gyy, n), n, n, d, true);
            default -> kernelSum(gxy, m, n, d, false);
        }).toArray();
        return combine(sums[0], sums[1], sums[2], m, n);
    }

    /**
     * Sum over i != j of k(x_i, x_j) for the rows {@code rows} of {@code set}, through the buffers {@code x}
     * (rows x d) and {@code g} (rows x rows): dsyrk, mirror, then {@link #kernelSum}.
     */
    static double selfSum(FeatureMatrix set, int[] rows, double[] x, double[] g) {
        int m = rows.length;
        int d = set.cols();
        for (int i = 0; i < m; i++) {
            System.arraycopy(set.data(), rows[i] * d, x, i * d, d);
        }
        LinearAlgebra.blas().dsyrk("U", "T", m, d, 1.0, x, 0, d, 0.0, g, 0, m);
        return kernelSum(mirrorUpper(g, m), m, m, d, true);
    }

    /** The unbiased MMD^2 from the three kernel sums of an m-row x and an n-row y. */
    static double combine(double xx, double yy, double xy, int m, int n) {
        return xx / ((double) m * (m - 1)) + yy / ((double) n * (n - 1)) - 2 * xy / ((double) m * n);
    }

    /** The polynomial kernel of KID from an inner product: (g / d + 1)^3, the one expression every route uses. */
    static double kernel(double g, int d) {
        double k = g * (1.0 / d) + 1.0;
        return k * k * k;
    }

    /** Sum of (g_ij / d + 1)^3 over column-major {@code rows} x {@code cols} g, i != j when {@code offDiagonal}. */
    static double kernelSum(double[] g, int rows, int cols, int d, boolean offDiagonal) {
        double sum = 0;
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                if (offDiagonal && i == j) {
                    continue;
                }
                sum += kernel(g[j * rows + i], d);
            }
        }
        return sum;
    }

    /** Copies the upper triangle of column-major k x k {@code c} onto its lower triangle, in cache tiles. */
    static double[] mirrorUpper(double[] c, int k) {
        for (int jb = 0; jb < k; jb += TILE) {
            int je = Math.min(k, jb + TILE);
            for (int ib = 0; ib <= jb; ib += TILE) {
                int ie = Math.min(k, ib + TILE);
                for (int j = jb; j < je; j++) {
                    for (int i = ib; i < Math.min(ie, j); i++) {
                        c[i * k + j] = c[j * k + i];
                    }
                }
            }
        }
        return c;
    }
}
