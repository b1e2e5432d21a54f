package dev.ganiqa.metrics.stats;

/**
 * Mean Euclidean distance over all unordered pairs of rows, (2 / (n (n - 1))) sum_{i<j} |x_i - x_j|: the spread
 * of a set in feature space, as used for intra-class diversity by the mode-seeking and conditional-collapse
 * literature (Mao et al., CVPR 2019, "Mode Seeking GANs", the LPIPS-style mean pairwise distance; Shahbazi et al.,
 * ICLR 2022). Distances come from {@link PairwiseDistances} (dgemm blocks), summed in row order, so the result
 * is deterministic for a given machine's BLAS.
 */
public final class MeanPairwiseDistance {
    private MeanPairwiseDistance() {
    }

    /** NaN for fewer than 2 rows. */
    public static double of(FeatureMatrix x) {
        int n = x.rows();
        if (n < 2) {
            return Double.NaN;
        }
        double[] sum = new double[1];
        PairwiseDistances.forEachBlock(x, x, (from, to, dist) -> {
            for (int i = from; i < to; i++) {
                int o = (i - from) * n;
                for (int j = i + 1; j < n; j++) {
                    sum[0] += Math.sqrt(dist[o + j]);
                }
            }
        });
        return sum[0] / ((double) n * (n - 1) / 2);
    }
}
