package dev.ganiqa.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Invariances: merge and batch order, permutations, identical sets, and hand-worked small cases. */
class SetMetricsPropertiesTest {
    private static FeatureMatrix gaussian(int n, int d, double shift, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = gauss(r) + shift + 100.0;
        }
        return new FeatureMatrix(n, d, x);
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void mergedAccumulatorsEqualOnePass() {
        FeatureMatrix x = gaussian(1000, 16, 0, 1);
        GaussianStats whole = GaussianStats.of(x);
        MomentAccumulator a = new MomentAccumulator(16);
        MomentAccumulator b = new MomentAccumulator(16);
        int[] cuts = {0, 1, 8, 300, 301, 700, 1000};
        for (int k = 0; k + 1 < cuts.length; k++) {
            int[] idx = java.util.stream.IntStream.range(cuts[k], cuts[k + 1]).toArray();
            (k % 2 == 0 ? a : b).add(x.select(idx));
        }
        b.merge(a);
        GaussianStats merged = b.stats();
        assertThat(merged.n()).isEqualTo(1000);
        for (int i = 0; i < whole.sigma().length; i++) {
            assertThat(merged.sigma()[i]).isCloseTo(whole.sigma()[i], within(1e-11));
        }
        for (int i = 0; i < 16; i++) {
            assertThat(merged.mu()[i]).isCloseTo(whole.mu()[i], within(1e-11));
        }
    }

    @Test
    void handWorkedCovariance() {
        GaussianStats s = GaussianStats.of(FeatureMatrix.of(new double[][] {{1, 2}, {3, 6}, {5, 10}}));
        assertThat(s.mu()).containsExactly(3, 6);
        assertThat(s.sigma()).containsExactly(4, 8, 8, 16);
        assertThatThrownBy(() -> new MomentAccumulator(2).stats()).hasMessageContaining("at least 2");
    }

    @Test
    void metricsIgnoreTheOrderOfSamples() {
        FeatureMatrix real = gaussian(300, 8, 0, 2);
        FeatureMatrix fake = gaussian(250, 8, 0.4, 3);
        int[] perm = KernelInceptionDistance.sample(new SplittableRandom(9), 300, 300);
        SetMetricPair a = new SetMetricPair(real, fake);
        SetMetricPair b = new SetMetricPair(real.select(perm), fake);
        assertThat(b.fid()).isCloseTo(a.fid(), within(1e-9));
        assertThat(b.precisionRecall()).isEqualTo(a.precisionRecall());
        assertThat(b.densityCoverage()).isEqualTo(a.densityCoverage());
        double kid = a.kid(new KidConfig(1, 1000, 0)).mean();
        // Features sit near 100, so kernel values near 1e12 cancel: compare relative to the kernel scale.
        assertThat(b.kid(new KidConfig(1, 1000, 0)).mean()).isCloseTo(kid, within(1e-9 * Math.abs(kid)));
    }

    @Test
    void identicalSetsScoreAsIdentical() {
        FeatureMatrix x = gaussian(400, 6, 0, 4);
        SetMetricPair c = new SetMetricPair(x, x);
        assertThat(c.fid()).isCloseTo(0, within(1e-9));
        assertThat(c.precisionRecall().precision()).isEqualTo(1.0);
        assertThat(c.precisionRecall().recall()).isEqualTo(1.0);
        assertThat(c.densityCoverage().coverage()).isEqualTo(1.0);
        KernelInceptionDistance.Result kid = c.kid(new KidConfig(20, 100, 7));
        assertThat(kid.subsets()).isEqualTo(20);
        assertThat(Math.abs(kid.mean())).isLessThan(3 * kid.std() + 1e-3);
        assertThat(kid.std()).isPositive();
    }

    @Test
    void distantSetsHaveNoPrecisionNorCoverage() {
        FeatureMatrix real = gaussian(200, 4, 0, 5);
        FeatureMatrix fake = gaussian(200, 4, 50, 6);
        SetMetricPair c = new SetMetricPair(real, fake);
        assertThat(c.precisionRecall().precision()).isZero();
        assertThat(c.precisionRecall().recall()).isZero();
        assertThat(c.densityCoverage().density()).isZero();
        assertThat(c.densityCoverage().coverage()).isZero();
        assertThat(c.kid(KidConfig.defaults()).mean()).isGreaterThan(1.0);
    }

    @Test
    void handWorkedOneDimensionalPrecisionAndDensity() {
        // Real points 0..4 on a line: 3rd neighbour radius of 0 is 3, of 2 is 2 (1,3 then 0/4 at 2).
        FeatureMatrix real = FeatureMatrix.of(new double[][] {{0}, {1}, {2}, {3}, {4}});
        FeatureMatrix fake = FeatureMatrix.of(new double[][] {{2.5}, {10}, {11}, {12}, {-20}});
        NearestNeighbourMetrics.PrecisionRecall pr = NearestNeighbourMetrics.precisionRecall(real, fake, 3);
        assertThat(pr.precision()).isEqualTo(0.2);
        // Fake radii: 2.5 -> 3rd neighbour among fakes is 11 (8.5); real points within 8.5 of 2.5: all 5.
        assertThat(pr.recall()).isEqualTo(1.0);
        // 2.5 lies strictly inside the radius-3 balls of 0 (r=3? |2.5|<3 yes), 1 (r=2), 2 (r=2), 3 (r=2), 4 (r=3).
        NearestNeighbourMetrics.DensityCoverage dc = NearestNeighbourMetrics.densityCoverage(real, fake, 3);
        assertThat(dc.density()).isCloseTo(5.0 / (3 * 5), within(1e-15));
        assertThat(dc.coverage()).isEqualTo(1.0);
    }

    @Test
    void inceptionScoreOfConfidentBalancedPredictionsIsTheClassCount() {
        int c = 4;
        double[] p = new double[40 * c];
        for (int i = 0; i < 40; i++) {
            p[i * c + i % c] = 1.0;
        }
        InceptionScore.Result is = InceptionScore.compute(new FeatureMatrix(40, c, p), 10);
        assertThat(is.mean()).isCloseTo(4.0, within(1e-12));
        assertThat(is.std()).isCloseTo(0.0, within(1e-12));
        double[] uniform = new double[40 * c];
        java.util.Arrays.fill(uniform, 0.25);
        assertThat(InceptionScore.compute(new FeatureMatrix(40, c, uniform), 10).mean()).isCloseTo(1.0, within(1e-12));
    }
}
