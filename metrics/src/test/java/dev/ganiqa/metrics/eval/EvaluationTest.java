package dev.ganiqa.metrics.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.metrics.features.ExtractorInfo;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static final ExtractorInfo INFO = new ExtractorInfo("net-x", "2", "e".repeat(64), new ImageShape(8, 8, 1),
            false, "0..255", 6, 3);

    private static FeatureMatrix random(int n, int d, double shift, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian() + shift;
        }
        return new FeatureMatrix(n, d, x);
    }

    private static FeatureMatrix probabilities(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[n * 3];
        for (int i = 0; i < n; i++) {
            double a = r.nextDouble();
            double b = r.nextDouble() * (1 - a);
            p[i * 3] = a;
            p[i * 3 + 1] = b;
            p[i * 3 + 2] = 1 - a - b;
        }
        return new FeatureMatrix(n, 3, p);
    }

    @Test
    void withRealFeaturesEveryMetricIsThereAndLabelled() {
        FeatureMatrix real = random(150, 6, 0, 1);
        FeatureMatrix fake = random(120, 6, 0.4, 2);
        Evaluation.Result r = Evaluation.evaluate(INFO, Reference.of(ExtractedSet.ofFeatures(real)),
                withProbabilities(fake, probabilities(120, 3)));
        assertThat(r.metrics().keySet()).containsExactly("fid", "is", "kid", "precision", "recall", "density", "coverage");
        assertThat(r.unavailable()).isEmpty();
        assertThat(r.metrics().get("fid").label()).isEqualTo("FID (net-x)");
        assertThat(r.metrics().get("fid").value()).isCloseTo(dev.ganiqa.metrics.stats.FrechetDistance.compute(GaussianStats.of(real), GaussianStats.of(fake)), within(1e-9));
        assertThat(r.metrics().get("is").splits()).isEqualTo(10);
        assertThat(r.metrics().get("is").value()).isBetween(1.0, 3.0);
        assertThat(r.metrics().get("kid").subsetSize()).isEqualTo(120);
        assertThat(r.metrics().get("precision").label()).isEqualTo("precision (net-x, k=3)");
    }

    @Test
    void aStatisticsReferenceGivesFidAndIsAndNamesTheRest() {
        FeatureMatrix fake = random(50, 6, 0, 4);
        GaussianStats real = GaussianStats.of(random(80, 6, 0, 5));
        Evaluation.Result r = Evaluation.evaluate(INFO, Reference.ofStats(real), ExtractedSet.ofFeatures(fake));
        assertThat(r.metrics().keySet()).containsExactly("fid");
        assertThat(r.unavailable().keySet()).containsExactly("is", "kid", "precision", "recall", "density", "coverage");
        assertThat(r.unavailable().get("is")).isEqualTo("the extractor net-x has no class head");
        assertThat(r.unavailable().get("kid")).contains("statistics file");
    }

    @Test
    void statisticsDoNotDependOnHowRowsArriveAndAgreeWithTheTwoPassDefinition() {
        FeatureMatrix x = random(345, 6, 1, 6);
        GaussianStats whole = GaussianStats.of(x);
        // The same rows in batches of 7, 100 and 1: one fold route, so the same bits.
        for (int batch : new int[] {1, 7, 100, 345}) {
            dev.ganiqa.metrics.stats.MomentAccumulator acc = new dev.ganiqa.metrics.stats.MomentAccumulator(6);
            for (int from = 0; from < x.rows(); from += batch) {
                int[] rows = java.util.stream.IntStream.range(from, Math.min(x.rows(), from + batch)).toArray();
                acc.add(x.select(rows));
            }
            assertThat(acc.stats().mu()).as("batch %d", batch).isEqualTo(whole.mu());
            assertThat(acc.stats().sigma()).as("batch %d", batch).isEqualTo(whole.sigma());
        }
        // np.cov(x, rowvar=False), two passes: another route, so a tolerance.
        double[] mean = new double[6];
        for (int i = 0; i < 345; i++) {
            for (int j = 0; j < 6; j++) {
                mean[j] += x.get(i, j) / 345;
            }
        }
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                double c = 0;
                for (int i = 0; i < 345; i++) {
                    c += (x.get(i, a) - mean[a]) * (x.get(i, b) - mean[b]);
                }
                assertThat(whole.sigma(a, b)).isCloseTo(c / 344, within(1e-12 * Math.max(1, Math.abs(c / 344))));
            }
        }
    }

    @Test
    void tooFewImagesLeaveMetricsUncomputedWithTheReasonAndWarnAboutFidBias() {
        FeatureMatrix real = random(40, 6, 0, 7);
        Evaluation.Result one = Evaluation.evaluate(INFO, Reference.of(ExtractedSet.ofFeatures(real)),
                ExtractedSet.ofFeatures(random(1, 6, 0, 8)));
        assertThat(one.metrics()).isEmpty();
        assertThat(one.unavailable().get("fid")).contains("at least 2 generated images");
        assertThat(one.unavailable().get("kid")).contains("at least 6 images per set");
        Evaluation.Result four = Evaluation.evaluate(INFO, Reference.of(ExtractedSet.ofFeatures(real)),
                ExtractedSet.ofFeatures(random(4, 6, 0, 9)));
        assertThat(four.metrics()).containsOnlyKeys("fid");
        assertThat(four.warnings()).singleElement().asString().contains("generated set: FID from 4 feature vectors of dimension 6");
    }

    private static ExtractedSet withProbabilities(FeatureMatrix f, FeatureMatrix p) {
        ExtractedSet s = ExtractedSet.ofFeatures(f);
        return new ExtractedSet(s.size(), s.stats(), f, p, s.entries(), null, java.util.List.of(), null);
    }
}
