package dev.ganiqa.metrics.stats;

import java.util.stream.IntStream;

/**
 * Squared Euclidean distances in row blocks, |x|^2 + |y|^2 - 2 x.y with the inner products from BLAS dgemm
 * (multi-threaded by OpenBLAS) and the per-row work spread over the cores, so N x M distance matrices of
 * 50,000-image sets never exist at once. Negative rounding residues are clamped to 0.
 */
final class PairwiseDistances {
    /** Rows per block: a block against 50,000 columns is 1024 x 50,000 doubles, about 400 MB at most. */
    static final int BLOCK = 1024;

    /** Receives one block: {@code dist[(i - from) * cols + j]} is the squared distance of x_i and y_j. */
    interface BlockConsumer {
        void accept(int from, int to, double[] dist);
    }

    private PairwiseDistances() {
    }

    static void forEachBlock(FeatureMatrix x, FeatureMatrix y, BlockConsumer consumer) {
        int d = x.cols();
        int m = y.rows();
        double[] ny = squaredNorms(y);
        double[] nx = squaredNorms(x);
        int block = Math.max(1, Math.min(BLOCK, (int) Math.min(x.rows(), 50_000_000L / Math.max(1, m))));
        for (int from = 0; from < x.rows(); from += block) {
            int to = Math.min(x.rows(), from + block);
            int b = to - from;
            double[] g = new double[b * m];
            // Column-major view: rows of y (d x m) transposed times the block of x (d x b) gives m x b,
            // i.e. row-major b x m with g[i * m + j] = x_i . y_j.
            LinearAlgebra.blas().dgemm("T", "N", m, b, d, 1.0, y.data(), 0, d, x.data(), from * d, d, 0.0, g, 0, m);
            int f = from;
            IntStream.range(0, b).parallel().forEach(i -> {
                double xi = nx[f + i];
                int o = i * m;
                for (int j = 0; j < m; j++) {
                    g[o + j] = Math.max(0.0, xi + ny[j] - 2 * g[o + j]);
                }
            });
            consumer.accept(from, to, g);
        }
    }

    static double[] squaredNorms(FeatureMatrix x) {
        int d = x.cols();
        double[] out = new double[x.rows()];
        double[] v = x.data();
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += v[i * d + j] * v[i * d + j];
            }
            out[i] = s;
        }
        return out;
    }

    /**
     * Squared distance from each row of x to its k-th nearest row of x, counting the row itself as neighbour 0
     * (prdc's {@code get_kth_value(distances, k + 1)}).
     */
    static double[] kthNeighbourSquared(FeatureMatrix x, int k) {
        return kthNeighboursSquared(x, new int[] {k})[0];
    }

    /**
     * {@link #kthNeighbourSquared} for every k of {@code ks} in one pass over the distance blocks: each row keeps
     * its max(k) + 1 smallest distances in order, so {@code out[t][i]} is the (ks[t] + 1)-th smallest of row i,
     * the same double the single-k pass picks.
     */
    static double[][] kthNeighboursSquared(FeatureMatrix x, int[] ks) {
        int n = x.rows();
        int max = 0;
        for (int k : ks) {
            if (k < 1 || k >= n) {
                throw new IllegalArgumentException("expected 1 <= k < " + n + " samples, found k = " + k);
            }
            max = Math.max(max, k);
        }
        double[][] out = new double[ks.length][n];
        int top = max;
        forEachBlock(x, x, (from, to, dist) -> IntStream.range(from, to).parallel().forEach(i -> {
            double[] best = new double[top + 1];
            java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
            int o = (i - from) * n;
            for (int j = 0; j < n; j++) {
                double v = j == i ? 0.0 : dist[o + j];
                if (v < best[top]) {
                    int p = top;
                    while (p > 0 && best[p - 1] > v) {
                        best[p] = best[p - 1];
                        p--;
                    }
                    best[p] = v;
                }
            }
            for (int t = 0; t < ks.length; t++) {
                out[t][i] = best[ks[t]];
            }
        }));
        return out;
    }
}
