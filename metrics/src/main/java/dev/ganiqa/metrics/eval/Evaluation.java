package dev.ganiqa.metrics.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ganiqa.datasets.Batches;
import dev.ganiqa.metrics.features.ExtractorInfo;
import dev.ganiqa.metrics.stats.FrechetDistance;
import dev.ganiqa.metrics.stats.InceptionScore;
import dev.ganiqa.metrics.stats.KernelInceptionDistance;
import dev.ganiqa.metrics.stats.KidConfig;
import dev.ganiqa.metrics.stats.NearestNeighbourMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one evaluation of a generated set against a real {@link Reference}, called by {@code ganiqa fid},
 * {@code ganiqa metrics --real} and {@code ganiqa compare} alike, so the three agree to the last bit on the same
 * images. Each number is labelled with the extractor ("FID (ganiqa-fmnist-v17)"). FID needs only the two sets'
 * statistics; IS only the generated probabilities (torch-fidelity: {@link InceptionScore#DEFAULT_SPLITS} splits
 * after a seeded shuffle); KID, precision/recall and density/coverage need both sets' feature vectors. A metric
 * that cannot be computed is listed in {@code unavailable} with the reason and the others are still computed.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** One number with its label and, for IS and KID, its spread and how it was estimated. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Value(String label, double value, Double std, Integer samples, Integer real, Integer splits,
                        Integer subsets, Integer subsetSize) {
        static Value of(String label, double value, int samples, int real) {
            return new Value(label, value, null, samples, real, null, null, null);
        }
    }

    /**
     * Metric id ({@link MetricDefinitions}) to value; ids not computed with the reason; warnings about what the
     * numbers mean (e.g. FID from fewer images than feature dimensions is biased).
     */
    public record Result(Map<String, Value> metrics, Map<String, String> unavailable, List<String> warnings) {
    }

    /** FID alone: the cheap number of a learning curve. */
    public static double fid(Reference real, ExtractedSet fake) {
        if (fake.stats() == null) {
            throw new IllegalArgumentException("expected at least 2 generated images for FID, found " + fake.size());
        }
        // In the order of `ganiqa fid FAKE REAL` (pytorch-fid: the first path is m1, s1), so both print the same bits.
        return FrechetDistance.compute(fake.stats(), real.stats());
    }

    /**
     * The sampling spread of a FID of {@code fake}'s size: the standard deviation of the FID of {@code resamples}
     * bootstrap resamples of the generated feature vectors (rows drawn with replacement, seeded), against the same
     * real statistics. The bootstrap of a set statistic, Efron &amp; Tibshirani (1993), ch. 6; it measures how much
     * the number would move with another draw of as many samples from the same generator (the real side is fixed,
     * as in a learning curve, where every point uses the same reference). Needs the generated vectors.
     */
    public static double fidSpread(Reference real, ExtractedSet fake, int resamples, long seed) {
        if (!fake.hasVectors() || fake.size() < 2) {
            throw new IllegalArgumentException("expected at least 2 generated feature vectors, found " + fake.size());
        }
        if (resamples < 2) {
            throw new IllegalArgumentException("expected at least 2 resamples, found " + resamples);
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int n = fake.size();
        double[] values = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = random.nextInt(n);
            }
            values[b] = FrechetDistance.compute(dev.ganiqa.metrics.stats.GaussianStats.of(fake.features().select(rows)),
                    real.stats());
        }
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (resamples - 1));
    }

    public static Result evaluate(ExtractorInfo extractor, Reference real, ExtractedSet fake) {
        return evaluate(extractor, real, fake, KidConfig.defaults());
    }

    /**
     * Every set metric of {@code fake} against {@code real}, KID with the subsets {@code kid} asks for (cut to the
     * sets' sizes as {@link #kidConfig(KidConfig, int, int)} says, with a warning): the one evaluation behind
     * {@code ganiqa metrics}, {@code compare-features}, {@code compare} and the Java API.
     */
    public static Result evaluate(ExtractorInfo extractor, Reference real, ExtractedSet fake, KidConfig kid) {
        if (fake.hasVectors() && fake.features().cols() != real.stats().dimension()
                || fake.stats() != null && fake.stats().dimension() != real.stats().dimension()) {
            throw new IllegalArgumentException("expected real features of dimension " + extractor.featureDim()
                    + " (the " + extractor.name() + " features), found " + real.stats().dimension());
        }
        String name = extractor.name();
        int n = fake.size();
        int r = (int) real.size();
        Map<String, Value> out = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        if (fake.stats() == null) {
            unavailable.put(MetricDefinitions.FID, "needs at least 2 generated images for a covariance, found " + n);
        } else {
            out.put(MetricDefinitions.FID, Value.of("FID (" + name + ")", fid(real, fake), n, r));
            warnings.addAll(fidWarnings(n, r, real.stats().dimension()));
        }
        if (fake.rejection() != null) {
            double share = oodShare(fake.rejection());
            out.put(MetricDefinitions.OOD_SHARE, Value.of("out-of-distribution share (" + name + ", score > "
                    + MetricDefinitions.OOD_THRESHOLD + ")", share, n, 0));
            if (share > MetricDefinitions.OOD_WARNING) {
                warnings.add(String.format(java.util.Locale.ROOT, "generated set: %.0f%% of the images are outside the "
                        + "data by the extractor's own out-of-distribution score: the extractor does not recognise them as "
                        + "images of the data, so they count as unrealistic in precision and density (whatever their "
                        + "features) and FID, KID and IS describe inputs the extractor cannot represent", 100 * share));
            }
        }
        inceptionScore(name, fake, out, unavailable);
        vectorMetrics(name, real, fake, kid, out, unavailable, warnings);
        classMetrics(name, real, fake, out, unavailable);
        return new Result(out, unavailable, warnings);
    }

    /** The share of rejection probabilities above {@link MetricDefinitions#OOD_THRESHOLD} ({@link #outside}). */
    public static double oodShare(double[] rejection) {
        long out = java.util.Arrays.stream(rejection).filter(Evaluation::isOutside).count();
        return (double) out / rejection.length;
    }

    /** KID, precision/recall and density/coverage: both sets' feature vectors. */
    private static void vectorMetrics(String name, Reference real, ExtractedSet fake, KidConfig asked,
            Map<String, Value> out, Map<String, String> unavailable, List<String> warnings) {
        int n = fake.size();
        int r = (int) real.size();
        if (!fake.hasVectors() || real.features() == null) {
            String why = real.features() == null
                    ? "needs the real feature vectors; the reference is a statistics file (give a folder, a dataset "
                            + "spec or an .npy feature matrix)"
                    : "needs the generated feature vectors";
            MetricDefinitions.needingVectors().forEach(id -> unavailable.put(id, why));
            return;
        }
        int minRows = NearestNeighbourMetrics.DENSITY_COVERAGE_K + 1;
        if (n < minRows || r < minRows) {
            String why = "needs at least " + minRows + " images per set, found " + n + " generated and " + r + " real";
            MetricDefinitions.needingVectors().forEach(id -> unavailable.put(id, why));
            return;
        }
        KidConfig kidConfig = kidConfig(asked, n, r);
        String cut = kidWarning(asked, n, r);
        if (cut != null) {
            warnings.add(cut);
        }
        KernelInceptionDistance.Result kid = real.kidTerms() != null
                ? KernelInceptionDistance.compute(real.features(), fake.features(), kidConfig, real.kidTerms())
                : KernelInceptionDistance.compute(real.features(), fake.features(), kidConfig);
        out.put(MetricDefinitions.KID, new Value("KID (" + name + ")", kid.mean(), kid.std(), n, r, null,
                kid.subsets(), kidConfig.subsetSize()));
        // Both pairs of metrics from one pass over the real x fake distances; samples the extractor rejects are
        // points at infinity (NearestNeighbourMetrics.prdc with outside flags), so an input the feature space
        // cannot represent never counts as realistic wherever its features land.
        boolean[] outside = outside(fake);
        NearestNeighbourMetrics.Gated gated = NearestNeighbourMetrics.gated(real.features(), real.radii(),
                fake.features(), outside);
        NearestNeighbourMetrics.Prdc prdc = gated.prdc();
        int kpr = NearestNeighbourMetrics.PRECISION_RECALL_K;
        int kdc = NearestNeighbourMetrics.DENSITY_COVERAGE_K;
        String gate = fake.rejection() == null ? "" : ", rejected samples outside";
        out.put(MetricDefinitions.PRECISION, Value.of("precision (" + name + ", k=" + kpr + gate + ")",
                prdc.precisionRecall().precision(), n, r));
        out.put(MetricDefinitions.RECALL, Value.of("recall (" + name + ", k=" + kpr + gate + ")",
                prdc.precisionRecall().recall(), n, r));
        out.put(MetricDefinitions.DENSITY, Value.of("density (" + name + ", k=" + kdc + gate + ")",
                prdc.densityCoverage().density(), n, r));
        out.put(MetricDefinitions.COVERAGE, Value.of("coverage (" + name + ", k=" + kdc + gate + ")",
                prdc.densityCoverage().coverage(), n, r));
        int rejected = 0;
        for (boolean b : outside) {
            rejected += b ? 1 : 0;
        }
        // Said when it can move the numbers by more than their usual spread (a percent); always in the definition.
        if (rejected > 0.01 * n) {
            warnings.add(String.format(java.util.Locale.ROOT, "generated set: %d of %d images rejected by %s count as "
                    + "outside the real manifold; counted where their features land (as the reference packages "
                    + "would), precision would be %.4f and density %.4f", rejected, n, name, gated.precisionAll(),
                    gated.densityAll()));
        }
    }

    /**
     * The one rule: a sample is outside the data when the extractor's out-of-distribution score (its {@code rejection}
     * output: a rejection-class probability, with a rotation head also the scaled rotation surprise) exceeds the
     * threshold.
     */
    private static boolean isOutside(double rejection) {
        return rejection > MetricDefinitions.OOD_THRESHOLD;
    }

    /** The generated samples whose rejection probability exceeds {@link MetricDefinitions#OOD_THRESHOLD}. */
    static boolean[] outside(ExtractedSet fake) {
        boolean[] outside = new boolean[fake.size()];
        double[] rejection = fake.rejection();
        if (rejection != null) {
            for (int j = 0; j < outside.length; j++) {
                outside[j] = isOutside(rejection[j]);
            }
        }
        return outside;
    }

    /**
     * The KID settings for {@code generated} against {@code real} images: torch-fidelity's defaults, with subsets
     * no larger than either set (torch-fidelity refuses larger ones; a smaller set is measured whole, exactly).
     */
    public static KidConfig kidConfig(int generated, int real) {
        return kidConfig(KidConfig.defaults(), generated, real);
    }

    /** {@code asked} with its subsets no larger than either set, the rule of {@link #kidConfig(int, int)}. */
    public static KidConfig kidConfig(KidConfig asked, int generated, int real) {
        return new KidConfig(asked.subsets(), Math.min(asked.subsetSize(), Math.min(generated, real)), asked.seed());
    }

    /**
     * FID's small-sample warnings ({@link FrechetDistance#smallSampleWarning}), generated set first: the words
     * of every command that prints a FID of feature vectors ({@code metrics}, {@code compare-features}).
     */
    public static List<String> fidWarnings(int generated, int real, int dimension) {
        List<String> out = new ArrayList<>();
        for (String side : new String[] {"generated", "real"}) {
            String bias = FrechetDistance.smallSampleWarning(side.equals("real") ? real : generated, dimension);
            if (bias != null) {
                out.add(side + " set: " + bias);
            }
        }
        return out;
    }

    /**
     * A note when {@link #kidConfig(KidConfig, int, int)} cut the subset size {@code asked} for, or null: the
     * KID is then of smaller subsets than its label's default says, and when the cut leaves both sets whole it
     * is one exact evaluation, whose std of 0 is no measure of spread.
     */
    public static String kidWarning(KidConfig asked, int generated, int real) {
        int used = kidConfig(asked, generated, real).subsetSize();
        if (used == asked.subsetSize()) {
            return null;
        }
        String smaller = generated <= real ? "generated" : "real";
        return "KID subset size cut from " + asked.subsetSize() + " to " + used + ", the size of the " + smaller
                + " set (a subset cannot be larger than its set)" + (used == generated && used == real
                ? "; both sets are measured whole, once, so its std of 0 says nothing about its spread" : "");
    }

    private static void classMetrics(String name, Reference real, ExtractedSet fake, Map<String, Value> out,
            Map<String, String> unavailable) {
        ClassMetrics.Result c = fake.hasVectors() && real.features() != null ? ClassMetrics.compute(real, fake) : null;
        int n = fake.size();
        int r = (int) real.size();
        if (c == null) {
            // Without classes in the reference the class metrics do not apply (an unlabelled folder): say nothing.
            if (!real.classNames().isEmpty()) {
                unavailable.put(MetricDefinitions.DIVERSITY, real.features() == null
                        ? "needs the real feature vectors; the reference is a statistics file"
                        : "needs labelled samples or an extractor with a class head");
            }
            return;
        }
        if (c.consistency() != null) {
            out.put(MetricDefinitions.CLASS_CONSISTENCY, Value.of("class consistency (" + name + ")", c.consistency(),
                    n, r));
        }
        if (c.balance() != null) {
            out.put(MetricDefinitions.CLASS_BALANCE, Value.of("class balance, TV distance (" + name + ")", c.balance(),
                    n, r));
        }
        if (c.meanDiversity() != null) {
            out.put(MetricDefinitions.DIVERSITY, Value.of("within-class diversity vs real (" + name + ")",
                    c.meanDiversity(), n, r));
        } else {
            unavailable.put(MetricDefinitions.DIVERSITY, "needs at least " + ClassMetrics.MIN_PER_CLASS
                    + " images of a class in both sets");
        }
    }

    private static void inceptionScore(String name, ExtractedSet fake, Map<String, Value> out,
            Map<String, String> unavailable) {
        int n = fake.size();
        if (fake.probabilities() == null) {
            unavailable.put(MetricDefinitions.IS, fake.hasVectors() ? "the extractor " + name + " has no class head"
                    : "needs the generated class probabilities");
        } else if (n < InceptionScore.DEFAULT_SPLITS) {
            unavailable.put(MetricDefinitions.IS, "needs at least " + InceptionScore.DEFAULT_SPLITS
                    + " generated images, found " + n);
        } else {
            InceptionScore.Result is = InceptionScore.compute(fake.probabilities().select(
                    Batches.permutation(n, MetricDefinitions.IS_SHUFFLE_SEED)), InceptionScore.DEFAULT_SPLITS);
            out.put(MetricDefinitions.IS, new Value("IS (" + name + ")", is.mean(), is.std(), n, null, is.splits(),
                    null, null));
        }
    }
}
