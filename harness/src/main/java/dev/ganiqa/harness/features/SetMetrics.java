package dev.ganiqa.harness.features;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ganiqa.datasets.Batches;
import dev.ganiqa.metrics.features.ExtractorInfo;
import dev.ganiqa.metrics.stats.FeatureComparison;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.FrechetDistance;
import dev.ganiqa.metrics.stats.GaussianStats;
import dev.ganiqa.metrics.stats.InceptionScore;
import dev.ganiqa.metrics.stats.KernelInceptionDistance;
import dev.ganiqa.metrics.stats.KidConfig;
import dev.ganiqa.metrics.stats.KidRealTerms;
import dev.ganiqa.metrics.stats.NeighbourRadii;
import dev.ganiqa.metrics.stats.NearestNeighbourMetrics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The set metrics of one generated set against a real reference, labelled with the extractor that produced the
 * features ("FID (ganiqa-fmnist-v1)"), as {@code ganiqa metrics --real} prints and writes them. FID needs only
 * the real statistics; IS only the generated probabilities (torch-fidelity: 10 splits after a seeded shuffle);
 * KID, precision/recall and density/coverage need the real feature vectors, so with a statistics file as the
 * reference they are listed as unavailable with the reason.
 */
public final class SetMetrics {
    /** torch-fidelity's default seed, used to shuffle rows before cutting the IS splits. */
    static final long IS_SHUFFLE_SEED = 2020;

    private SetMetrics() {
    }

    /** One number with its human label and, for IS and KID, its spread and how it was estimated. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Value(String label, double value, Double std, Integer samples, Integer real, Integer splits,
                        Integer subsets, Integer subsetSize) {
        static Value of(String label, double value, int samples, int real) {
            return new Value(label, value, null, samples, real, null, null, null);
        }
    }

    /** Metric id (fid, is, kid, precision, recall, density, coverage) to value; unavailable ids with the reason. */
    public record Result(Map<String, Value> metrics, Map<String, String> unavailable) {
    }

    /**
     * @param fakeProbabilities null when the extractor has no class head
     * @param realFeatures      null when only {@code realStats} are known (a statistics file)
     * @param realStats         statistics of the real set (from {@code realFeatures} when given)
     */
    public static Result compute(ExtractorInfo extractor, FeatureMatrix fake, FeatureMatrix fakeProbabilities,
            FeatureMatrix realFeatures, GaussianStats realStats) {
        return compute(extractor, fake, fakeProbabilities, realFeatures, realStats, null, null);
    }

    /**
     * As above, with the work that depends on the real set alone done once by the caller and shared by every
     * generated set measured against it (a comparison's units): the real k-NN radii and KID's real-real terms.
     *
     * @param realRadii null to compute them here
     * @param kidTerms  null to compute them here
     */
    public static Result compute(ExtractorInfo extractor, FeatureMatrix fake, FeatureMatrix fakeProbabilities,
            FeatureMatrix realFeatures, GaussianStats realStats, NeighbourRadii realRadii, KidRealTerms kidTerms) {
        if (fake.cols() != realStats.dimension()) {
            throw new IllegalArgumentException("expected real features of dimension " + fake.cols() + " (the "
                    + extractor.name() + " features), found " + realStats.dimension());
        }
        String name = extractor.name();
        int n = fake.rows();
        int r = realFeatures != null ? realFeatures.rows() : (int) realStats.n();
        Map<String, Value> out = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        out.put("fid", Value.of("FID (" + name + ")", FrechetDistance.compute(realStats, StreamingStats.of(fake)), n, r));
        if (fakeProbabilities == null) {
            unavailable.put("is", "the extractor " + name + " has no class head");
        } else if (n < InceptionScore.DEFAULT_SPLITS) {
            unavailable.put("is", "needs at least " + InceptionScore.DEFAULT_SPLITS + " generated images, found " + n);
        } else {
            InceptionScore.Result is = InceptionScore.compute(
                    fakeProbabilities.select(Batches.permutation(n, IS_SHUFFLE_SEED)), InceptionScore.DEFAULT_SPLITS);
            out.put("is", new Value("IS (" + name + ")", is.mean(), is.std(), n, null, is.splits(), null, null));
        }
        int minRows = NearestNeighbourMetrics.DENSITY_COVERAGE_K + 1;
        if (realFeatures == null) {
            String why = "needs the real feature vectors; the reference is a statistics file (give a folder, a "
                    + "dataset spec or an .npy feature matrix)";
            for (String id : new String[] {"kid", "precision", "recall", "density", "coverage"}) {
                unavailable.put(id, why);
            }
            return new Result(out, unavailable);
        }
        if (n < minRows || r < minRows) {
            String why = "needs at least " + minRows + " images per set, found " + n + " generated and " + r + " real";
            for (String id : new String[] {"kid", "precision", "recall", "density", "coverage"}) {
                unavailable.put(id, why);
            }
            return new Result(out, unavailable);
        }
        FeatureComparison comparison = new FeatureComparison(realFeatures, fake);
        KidConfig defaults = KidConfig.defaults();
        // torch-fidelity refuses subsets larger than a set; a smaller set is measured whole, exactly.
        KidConfig kidConfig = new KidConfig(defaults.subsets(), Math.min(defaults.subsetSize(), Math.min(n, r)),
                defaults.seed());
        KernelInceptionDistance.Result kid = kidTerms != null
                ? KernelInceptionDistance.compute(realFeatures, fake, kidConfig, kidTerms) : comparison.kid(kidConfig);
        out.put("kid", new Value("KID (" + name + ")", kid.mean(), kid.std(), n, r, null, kid.subsets(),
                kidConfig.subsetSize()));
        // Both pairs of metrics from one pass over the real x fake distances.
        NearestNeighbourMetrics.Prdc prdc = NearestNeighbourMetrics.prdc(realFeatures,
                realRadii != null ? realRadii : NeighbourRadii.forPrdc(realFeatures), fake);
        NearestNeighbourMetrics.PrecisionRecall pr = prdc.precisionRecall();
        out.put("precision", Value.of("precision (" + name + ", k=" + NearestNeighbourMetrics.PRECISION_RECALL_K + ")",
                pr.precision(), n, r));
        out.put("recall", Value.of("recall (" + name + ", k=" + NearestNeighbourMetrics.PRECISION_RECALL_K + ")",
                pr.recall(), n, r));
        NearestNeighbourMetrics.DensityCoverage dc = prdc.densityCoverage();
        out.put("density", Value.of("density (" + name + ", k=" + NearestNeighbourMetrics.DENSITY_COVERAGE_K + ")",
                dc.density(), n, r));
        out.put("coverage", Value.of("coverage (" + name + ", k=" + NearestNeighbourMetrics.DENSITY_COVERAGE_K + ")",
                dc.coverage(), n, r));
        return new Result(out, unavailable);
    }
}
