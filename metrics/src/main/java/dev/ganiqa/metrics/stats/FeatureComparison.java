package dev.ganiqa.metrics.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared context of the set metrics for one real and one generated feature set (the Tribuo
 * "context + cheap metric" split): Gaussian statistics and the real set's k-NN radii (one pass for both k)
 * are computed once and cached; each metric method is one call. Two feature matrices, nothing else: {@code ganiqa
 * compare-features} and the reference tests call it; image sets go through {@code dev.ganiqa.metrics.eval.Evaluation},
 * the pipeline's one evaluation, which calls the same functions:
 * <pre>{@code
 * FeatureComparison c = new FeatureComparison(realFeatures, fakeFeatures);
 * double fid = c.fid();
 * KernelInceptionDistance.Result kid = c.kid(KidConfig.defaults());
 * Map<String, Double> all = c.all(KidConfig.defaults());   // fid, kid_mean, kid_std, precision, ...
 * }</pre>
 * When the real statistics come precomputed (a cached .npz), use {@link FrechetDistance#compute} directly.
 */
public final class FeatureComparison {
    private final FeatureMatrix real;
    private final FeatureMatrix fake;
    private GaussianStats realStats;
    private GaussianStats fakeStats;
    private NeighbourRadii realRadii;

    public FeatureComparison(FeatureMatrix real, FeatureMatrix fake) {
        this(real, fake, null);
    }

    /**
     * With the real set's k-NN radii computed beforehand ({@link NeighbourRadii#forPrdc} of {@code real}), for
     * a real reference compared with many generated sets; null computes them on first use.
     */
    public FeatureComparison(FeatureMatrix real, FeatureMatrix fake, NeighbourRadii realRadii) {
        if (real.cols() != fake.cols()) {
            throw new IllegalArgumentException("expected real and generated features of the same dimension, found "
                    + real.cols() + " and " + fake.cols());
        }
        this.real = real;
        this.fake = fake;
        this.realRadii = realRadii;
    }

    public FeatureMatrix real() {
        return real;
    }

    public FeatureMatrix fake() {
        return fake;
    }

    public synchronized GaussianStats realStats() {
        if (realStats == null) {
            realStats = GaussianStats.of(real);
        }
        return realStats;
    }

    public synchronized GaussianStats fakeStats() {
        if (fakeStats == null) {
            fakeStats = GaussianStats.of(fake);
        }
        return fakeStats;
    }

    /** The real radii for k = 3 and 5, from one pass over the real distances, computed once. */
    public synchronized NeighbourRadii realRadii() {
        if (realRadii == null) {
            realRadii = NeighbourRadii.forPrdc(real);
        }
        return realRadii;
    }

    public double fid() {
        return FrechetDistance.compute(realStats(), fakeStats());
    }

    public KernelInceptionDistance.Result kid(KidConfig config) {
        return KernelInceptionDistance.compute(real, fake, config);
    }

    public NearestNeighbourMetrics.PrecisionRecall precisionRecall() {
        return NearestNeighbourMetrics.precisionRecall(real, realRadii(), fake, NearestNeighbourMetrics.PRECISION_RECALL_K);
    }

    public NearestNeighbourMetrics.DensityCoverage densityCoverage() {
        return NearestNeighbourMetrics.densityCoverage(real, realRadii(), fake, NearestNeighbourMetrics.DENSITY_COVERAGE_K);
    }

    /** Precision/recall (k = 3) and density/coverage (k = 5) from one pass over the real x fake distances. */
    public NearestNeighbourMetrics.Prdc prdc() {
        return NearestNeighbourMetrics.prdc(real, realRadii(), fake);
    }

    /**
     * Every set metric, keyed fid, kid_mean, kid_std, precision, recall, density, coverage (the keys of
     * {@code compare-features --json} and of results.json).
     */
    public Map<String, Double> all(KidConfig kidConfig) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("fid", fid());
        KernelInceptionDistance.Result kid = kid(kidConfig);
        out.put("kid_mean", kid.mean());
        out.put("kid_std", kid.std());
        NearestNeighbourMetrics.Prdc prdc = prdc();
        NearestNeighbourMetrics.PrecisionRecall pr = prdc.precisionRecall();
        out.put("precision", pr.precision());
        out.put("recall", pr.recall());
        NearestNeighbourMetrics.DensityCoverage dc = prdc.densityCoverage();
        out.put("density", dc.density());
        out.put("coverage", dc.coverage());
        return out;
    }
}
