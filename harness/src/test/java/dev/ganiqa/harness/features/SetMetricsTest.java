package dev.ganiqa.harness.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.metrics.features.ExtractorInfo;
import dev.ganiqa.metrics.stats.FeatureComparison;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SetMetricsTest {
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
        SetMetrics.Result r = SetMetrics.compute(INFO, fake, probabilities(120, 3), real, StreamingStats.of(real));
        assertThat(r.metrics().keySet()).containsExactly("fid", "is", "kid", "precision", "recall", "density", "coverage");
        assertThat(r.unavailable()).isEmpty();
        assertThat(r.metrics().get("fid").label()).isEqualTo("FID (net-x)");
        assertThat(r.metrics().get("fid").value()).isCloseTo(new FeatureComparison(real, fake).fid(), within(1e-9));
        assertThat(r.metrics().get("is").splits()).isEqualTo(10);
        assertThat(r.metrics().get("is").value()).isBetween(1.0, 3.0);
        assertThat(r.metrics().get("kid").subsetSize()).isEqualTo(120);
        assertThat(r.metrics().get("precision").label()).isEqualTo("precision (net-x, k=3)");
    }

    @Test
    void aStatisticsReferenceGivesFidAndIsAndNamesTheRest() {
        FeatureMatrix fake = random(50, 6, 0, 4);
        GaussianStats real = StreamingStats.of(random(80, 6, 0, 5));
        SetMetrics.Result r = SetMetrics.compute(INFO, fake, null, null, real);
        assertThat(r.metrics().keySet()).containsExactly("fid");
        assertThat(r.unavailable().keySet()).containsExactly("is", "kid", "precision", "recall", "density", "coverage");
        assertThat(r.unavailable().get("is")).isEqualTo("the extractor net-x has no class head");
        assertThat(r.unavailable().get("kid")).contains("statistics file");
    }

    @Test
    void streamedStatisticsOfAMatrixEqualTheOneBatchStatisticsToRounding() {
        FeatureMatrix x = random(345, 6, 1, 6);
        GaussianStats streamed = StreamingStats.of(x);
        GaussianStats whole = GaussianStats.of(x);
        assertThat(streamed.n()).isEqualTo(345);
        for (int i = 0; i < whole.sigma().length; i++) {
            assertThat(streamed.sigma()[i]).isCloseTo(whole.sigma()[i], within(1e-12));
        }
    }
}
