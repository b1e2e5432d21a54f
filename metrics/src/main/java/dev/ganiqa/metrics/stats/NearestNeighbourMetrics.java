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
        return gated(real, realRadii, fake, outside).prdc();
    }

    /**
     * {@link #prdc(FeatureMatrix, NeighbourRadii, FeatureMatrix, boolean[])}, plus precision and density with every
     * sample counted where its features land (the reference packages' values), from the same pass.
     */
    public record Gated(Prdc prdc, double precisionAll, double densityAll) {
    }

    /** Both readings of one pass over the distances: with {@code outside} samples as misses, and as they land. */
    public static Gated gated(FeatureMatrix real, NeighbourRadii realRadii, FeatureMatrix fake, boolean[] outside) {
        int kp = PRECISION_RECALL_K;
        int kd = DENSITY_COVERAGE_K;
        realRadii.check(real, kp);
        realRadii.check(real, kd);
        if (outside.length != fake.rows()) {
            throw new IllegalArgumentException("expected one outside flag per generated sample (" + fake.rows()
                    + "), found " + outside.length);
        }
        Counts c = count(real, realRadii.squared(kp), realRadii.squared(kd), fake,
                PairwiseDistances.kthNeighbourSquared(fake, kp), outside);
        return new Gated(new Prdc(c.precisionRecall(kp), c.densityCoverage(kd)),
                (double) c.fakesInsideAll() / c.fakes(), (double) c.insideTotalAll() / ((double) kd * c.fakes()));
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
        return count(real, realRadii, null, fake, PairwiseDistances.kthNeighbourSquared(fake, k),
                new boolean[fake.rows()]).precisionRecall(k);
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
        return count(real, null, realRadii, fake, null, new boolean[fake.rows()]).densityCoverage(k);
    }

    /** What one pass over the real x fake distances counts; each metric is a ratio of two of these. */
    private record Counts(int fakes, int reals, int fakesInside, int realsRecalled, long insideTotal, int realsCovered,
                          int fakesInsideAll, long insideTotalAll) {
        PrecisionRecall precisionRecall(int k) {
            return new PrecisionRecall((double) fakesInside / fakes, (double) realsRecalled / reals, k);
        }

        DensityCoverage densityCoverage(int k) {
            return new DensityCoverage((double) insideTotal / ((double) k * fakes), (double) realsCovered / reals, k);
        }
    }

    /**
     * The one k-NN ball loop, over the squared real x fake distances block by block: which fake samples lie in some
     * real ball of radius {@code precisionRadii} (precision), which real samples lie in some fake ball of radius
     * {@code fakeRadii} (recall), and how many fake samples lie in each real ball of radius {@code densityRadii}
     * (density; coverage where the count is positive). A null radius array skips its count; samples flagged in
     * {@code outside} take part in none, except the "All" counts of precision and density, which count every sample
     * where it lands.
     */
    private static Counts count(FeatureMatrix real, double[] precisionRadii, double[] densityRadii, FeatureMatrix fake,
                                double[] fakeRadii, boolean[] outside) {
        int m = fake.rows();
        AtomicIntegerArray fakeInside = new AtomicIntegerArray(m);
        boolean[] recalled = new boolean[real.rows()];
        long[] inside = new long[real.rows()];
        long[] insideAll = new long[real.rows()];
        PairwiseDistances.forEachBlock(real, fake, (from, to, dist) -> IntStream.range(from, to).parallel().forEach(i -> {
            int o = (i - from) * m;
            double rp = precisionRadii == null ? Double.NEGATIVE_INFINITY : precisionRadii[i];
            double rd = densityRadii == null ? Double.NEGATIVE_INFINITY : densityRadii[i];
            boolean covered = false;
            long n = 0;
            long all = 0;
            for (int j = 0; j < m; j++) {
                double v = dist[o + j];
                if (v < rp) {
                    fakeInside.lazySet(j, 1);
                }
                if (v < rd) {
                    all++;
                }
                if (outside[j]) {
                    continue;
                }
                if (fakeRadii != null && v < fakeRadii[j]) {
                    covered = true;
                }
                if (v < rd) {
                    n++;
                }
            }
            recalled[i] = covered;
            inside[i] = n;
            insideAll[i] = all;
        }));
        int p = 0;
        int pAll = 0;
        for (int j = 0; j < m; j++) {
            int in = fakeInside.get(j);
            pAll += in;
            p += outside[j] ? 0 : in;
        }
        int r = 0;
        long total = 0;
        long totalAll = 0;
        int c = 0;
        for (int i = 0; i < inside.length; i++) {
            r += recalled[i] ? 1 : 0;
            total += inside[i];
            totalAll += insideAll[i];
            c += inside[i] > 0 ? 1 : 0;
        }
        return new Counts(m, real.rows(), p, r, total, c, pAll, totalAll);
    }
}
