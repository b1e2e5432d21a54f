package dev.ganiqa.metrics.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.GaussianStats;
import dev.ganiqa.metrics.stats.MeanPairwiseDistance;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Class consistency, class balance and within-class diversity on hand-made feature sets with known answers. */
class ClassMetricsTest {
    private static final List<String> CLASSES = List.of("a", "b");

    /** n rows: class c = i % 2, features centred at 10 c with Gaussian spread {@code spread}. */
    static ExtractedSet set(int n, double spread, boolean labelled, double[] probabilityOfOwnClass, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * 3];
        double[] p = new double[n * 2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < 3; j++) {
                x[i * 3 + j] = 10 * labels[i] + spread * r.nextGaussian();
            }
            double own = probabilityOfOwnClass[i % probabilityOfOwnClass.length];
            p[i * 2 + labels[i]] = own;
            p[i * 2 + 1 - labels[i]] = 1 - own;
        }
        FeatureMatrix f = new FeatureMatrix(n, 3, x);
        return new ExtractedSet(n, GaussianStats.of(f), f, new FeatureMatrix(n, 2, p),
                IntStream.range(0, n).toArray(), labelled ? labels : null, labelled ? CLASSES : List.of(), null);
    }

    @Test
    void meanPairwiseDistanceOfPointsOnALine() {
        FeatureMatrix x = FeatureMatrix.of(new double[][] {{0, 0}, {1, 0}, {2, 0}, {2, 0}});
        // pairs: 1, 2, 2, 1, 1, 0 -> 7 / 6
        assertThat(MeanPairwiseDistance.of(x)).isCloseTo(7.0 / 6, within(1e-12));
        assertThat(MeanPairwiseDistance.of(FeatureMatrix.of(new double[][] {{1, 2}}))).isNaN();
    }

    @Test
    void aCollapsedConditionalSetHasNoDiversityAndItsConsistencyCountsAgreement() {
        Reference real = Reference.of(set(400, 1.0, true, new double[] {0.9}, 1));
        // Every sample of a class is the same point: diversity 0. Three in four are classified as their label.
        ExtractedSet collapsed = set(200, 0.0, true, new double[] {0.9, 0.9, 0.1, 0.1, 0.9, 0.9, 0.9, 0.9}, 2);
        ClassMetrics.Result r = ClassMetrics.compute(real, collapsed);
        assertThat(r.meanDiversity()).isCloseTo(0.0, within(1e-9));
        assertThat(r.consistency()).isCloseTo(0.75, within(1e-12));
        assertThat(r.balance()).isNull();
        // As spread as the real images: diversity 1 (up to the sampling error of two pairwise means).
        ClassMetrics.Result same = ClassMetrics.compute(real, set(400, 1.0, true, new double[] {0.9}, 3));
        assertThat(same.meanDiversity()).isCloseTo(1.0, within(0.05));
        assertThat(same.diversity()).containsOnlyKeys("a", "b");
        // Twice the spread: twice the mean distance.
        assertThat(ClassMetrics.compute(real, set(400, 2.0, true, new double[] {0.9}, 4)).meanDiversity())
                .isCloseTo(2.0, within(0.1));
    }

    @Test
    void unlabelledSamplesAreGroupedByPredictedClassAndComparedToTheRealMix() {
        Reference real = Reference.of(set(400, 1.0, true, new double[] {0.9}, 5));
        // The classifier puts every sample in class a: the histogram (1, 0) against the real (0.5, 0.5): TV 0.5.
        ExtractedSet allA = set(100, 1.0, false, new double[] {0.9, 0.1}, 6);
        ClassMetrics.Result r = ClassMetrics.compute(real, allA);
        assertThat(r.consistency()).isNull();
        assertThat(r.balance()).isCloseTo(0.5, within(1e-12));
        assertThat(r.diversity()).containsOnlyKeys("a");
        // A matching mix: TV 0.
        assertThat(ClassMetrics.compute(real, set(100, 1.0, false, new double[] {0.9}, 7)).balance())
                .isCloseTo(0.0, within(1e-12));
    }

    @Test
    void evaluationReportsThemUnderTheirIds() {
        Reference real = Reference.of(set(400, 1.0, true, new double[] {0.9}, 8));
        Evaluation.Result r = Evaluation.evaluate(EvaluationTestInfo.INFO, real, set(200, 0.0, true, new double[] {0.9}, 9));
        assertThat(r.metrics()).containsKeys(MetricDefinitions.CLASS_CONSISTENCY, MetricDefinitions.DIVERSITY);
        assertThat(r.metrics().get(MetricDefinitions.CLASS_CONSISTENCY).value()).isEqualTo(1.0);
        assertThat(r.metrics().get(MetricDefinitions.DIVERSITY).value()).isCloseTo(0.0, within(1e-9));
    }
}
