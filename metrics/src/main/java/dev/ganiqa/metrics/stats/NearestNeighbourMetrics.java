package dev.ganiqa.metrics.stats;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/**
 * k-nearest-neighbour manifold metrics, with the definitions of the prdc package (Naeem et al., "Reliable
 * Fidelity and Diversity Metrics for Generative Models", ICML 2020), r_k(x) being the distance from x to its
 * k-th nearest neighbour in its own set (the sample itself not counted) and B(x, r) the open ball:
 * <ul>
 * <li>precision: share of fake samples inside some B(real_i, r_k(real_i)) (Kynkaanniemi et al., "Improved
 * Precision and Recall Metric for Assessing Generative Models", NeurIPS 2019; k = 3);</li>
 * <li>recall: share of real samples inside some B(fake_j, r_k(fake_j)) (same paper, k = 3);</li>
 * <li>density: (1 / kM) sum_j #{i : fake_j in B(real_i, r_k(real_i))} (Naeem et al.; k = 5);</li>
 * <li>coverage: share of real samples whose ball B(real_i, r_k(real_i)) holds some fake sample (k = 5).</li>
 * </ul>
 * Distances are compared squared, blockwise (see {@link PairwiseDistances}).
 */
public final class NearestNeighbourMetrics {
    public static final int PRECISION_RECALL_K = 3;
    public static final int DENSITY_COVERAGE_K = 5;

    private NearestNeighbourMetrics() {
    }

    public record PrecisionRecall(double precision, double recall, int k) {
    }

    public record DensityCoverage(double density, double coverage, int k) {
    }

    /** Precision/recall at k = 3 and density/coverage at k = 5. */
    public record Prdc(PrecisionRecall precisionRecall, DensityCoverage densityCoverage) {
    }

    /**
     * {@link #precisionRecall} at k = 3 and {@link #densityCoverage} at k = 5 from one pass over the real x fake
     * distance blocks instead of two, with the real radii computed beforehand ({@link NeighbourRadii#forPrdc}
     * of {@code real}); each value is identical to its separate call.
     */
    public static Prdc prdc(FeatureMatrix real, NeighbourRadii realRadii, FeatureMatrix fake) {
        return prdc(real, realRadii, fake, new boolean[fake.rows()]);
    }

    /**
     * {@link #prdc(FeatureMatrix, NeighbourRadii, FeatureMatrix)} with the generated samples flagged in
     * {@code outside} (those the extractor itself deems outside the data, by its rejection class) counted as
     * outside every real ball (misses in precision and density, whose denominators stay the whole generated set;
     * they cover no real sample) and contributing no ball to the generated manifold (recall). The generated radii
     * r_k(fake_j) are still measured among all samples: recomputed among the kept few, they would grow as the kept
     * set thins out and inflate recall, the outlier weakness Naeem et al. (2020, Sec. 3) describe. This is ganiqa's
     * rule, not the papers': a feature space maps inputs it was never trained on somewhere, often among real
     * images, and the extractor's own verdict is the only evidence that the place means nothing. With no sample
     * flagged the result is the reference one, bit for bit.
     */
    public static Prdc prdc(FeatureMatrix real, NeighbourRadii realRadii, FeatureMatrix fake, boolean[] outside) {
        int kp = PRECISION_RECALL_K;
        int kd = DENSITY_COVERAGE_K;
        realRadii.check(real, kp);
        realRadii.check(real, kd);
        int m = fake.rows();
        if (outside.length != m) {
            throw new IllegalArgumentException("expected one outside flag per generated sample (" + m + "), found "
                    + outside.length);
        }
        double[] realP = realRadii.squared(kp);
        double[] realD = realRadii.squared(kd);
        double[] fakeP = PairwiseDistances.kthNeighbourSquared(fake, kp);
        AtomicIntegerArray fakeInside = new AtomicIntegerArray(m);
        boolean[] realInside = new boolean[real.rows()];
        long[] inside = new long[real.rows()];
        PairwiseDistances.forEachBlock(real, fake, (from, to, dist) -> IntStream.range(from, to).parallel().forEach(i -> {
            int o = (i - from) * m;
            double rp = realP[i];
            double rd = realD[i];
            boolean covered = false;
            long count = 0;
            for (int j = 0; j < m; j++) {
                if (outside[j]) {
                    continue;
                }
                double v = dist[o + j];
                if (v < rp) {
                    fakeInside.lazySet(j, 1);
                }
                if (v < fakeP[j]) {
                    covered = true;
                }
                if (v < rd) {
                    count++;
                }
            }
            realInside[i] = covered;
            inside[i] = count;
        }));
        int p = 0;
        for (int j = 0; j < m; j++) {
            p += fakeInside.get(j);
        }
        int r = 0;
        long total = 0;
        int c = 0;
        for (int i = 0; i < inside.length; i++) {
            r += realInside[i] ? 1 : 0;
            total += inside[i];
            c += inside[i] > 0 ? 1 : 0;
        }
        return new Prdc(new PrecisionRecall((double) p / m, (double) r / real.rows(), kp),
                new DensityCoverage((double) total / ((double) kd * m), (double) c / real.rows(), kd));
    }

    public static PrecisionRecall precisionRecall(FeatureMatrix real, FeatureMatrix fake, int k) {
        return precisionRecall(real, PairwiseDistances.kthNeighbourSquared(real, k), fake, k);
    }

    /**
     * {@link #precisionRecall(FeatureMatrix, FeatureMatrix, int)} with the real radii computed beforehand
     * ({@link NeighbourRadii#of} on {@code real} itself); the result is identical.
     */
    public static PrecisionRecall precisionRecall(FeatureMatrix real, NeighbourRadii realRadii, FeatureMatrix fake, int k) {
        realRadii.check(real, k);
        return precisionRecall(real, realRadii.squared(k), fake, k);
    }

    private static PrecisionRecall precisionRecall(FeatureMatrix real, double[] realRadii, FeatureMatrix fake, int k) {
        double[] fakeRadii = PairwiseDistances.kthNeighbourSquared(fake, k);
        int m = fake.rows();
        AtomicIntegerArray fakeInside = new AtomicIntegerArray(m);
        boolean[] realInside = new boolean[real.rows()];
        PairwiseDistances.forEachBlock(real, fake, (from, to, dist) -> IntStream.range(from, to).parallel().forEach(i -> {
            int o = (i - from) * m;
            boolean covered = false;
            for (int j = 0; j < m; j++) {
                double v = dist[o + j];
                if (v < realRadii[i]) {
                    fakeInside.lazySet(j, 1);
                }
                if (v < fakeRadii[j]) {
                    covered = true;
                }
            }
            realInside[i] = covered;
        }));
        int p = 0;
        for (int j = 0; j < m; j++) {
            p += fakeInside.get(j);
        }
        int r = 0;
        for (boolean b : realInside) {
            r += b ? 1 : 0;
        }
        return new PrecisionRecall((double) p / m, (double) r / real.rows(), k);
    }

    public static DensityCoverage densityCoverage(FeatureMatrix real, FeatureMatrix fake, int k) {
        return densityCoverage(real, PairwiseDistances.kthNeighbourSquared(real, k), fake, k);
    }

    /**
     * {@link #densityCoverage(FeatureMatrix, FeatureMatrix, int)} with the real radii computed beforehand
     * ({@link NeighbourRadii#of} on {@code real} itself); the result is identical.
     */
    public static DensityCoverage densityCoverage(FeatureMatrix real, NeighbourRadii realRadii, FeatureMatrix fake, int k) {
        realRadii.check(real, k);
        return densityCoverage(real, realRadii.squared(k), fake, k);
    }

    private static DensityCoverage densityCoverage(FeatureMatrix real, double[] realRadii, FeatureMatrix fake, int k) {
        int m = fake.rows();
        long[] inside = new long[real.rows()];
        boolean[] covered = new boolean[real.rows()];
        PairwiseDistances.forEachBlock(real, fake, (from, to, dist) -> IntStream.range(from, to).parallel().forEach(i -> {
            int o = (i - from) * m;
            long count = 0;
            for (int j = 0; j < m; j++) {
                if (dist[o + j] < realRadii[i]) {
                    count++;
                }
            }
            inside[i] = count;
            covered[i] = count > 0;
        }));
        long total = 0;
        int c = 0;
        for (int i = 0; i < inside.length; i++) {
            total += inside[i];
            c += covered[i] ? 1 : 0;
        }
        return new DensityCoverage((double) total / ((double) k * m), (double) c / real.rows(), k);
    }
}
