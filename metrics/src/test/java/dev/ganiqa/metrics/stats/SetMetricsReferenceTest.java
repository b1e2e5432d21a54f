package dev.ganiqa.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganiqa.metrics.Resources;
import dev.ganiqa.metrics.io.NpyArray;
import dev.ganiqa.metrics.io.NumpyFiles;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Accumulator, FID, KID, precision/recall, density/coverage and IS against make_references.py's numpy values. */
class SetMetricsReferenceTest {
    private static FeatureMatrix real;
    private static FeatureMatrix fake;
    private static Map<String, NpyArray> ref;

    @BeforeAll
    static void load() throws IOException {
        real = NumpyFiles.readFeatures(Resources.path("stats/real-400x12-f4.npy"));
        fake = NumpyFiles.readFeatures(Resources.path("stats/fake-350x12-f4.npy"));
        ref = NumpyFiles.readArchive(Resources.path("stats/set-references.npz"));
    }

    private static double value(String key) {
        return ref.get(key).data()[0];
    }

    private static void assertRel(double got, String key) {
        double e = value(key);
        assertThat(got).as(key).isCloseTo(e, within(Math.max(1e-9, 1e-6 * Math.abs(e))));
    }

    @Test
    void statisticsEqualNumpyMeanAndCov() {
        GaussianStats s = GaussianStats.of(real);
        double[] mu = ref.get("mu_real").data();
        double[] sigma = ref.get("sigma_real").data();
        assertThat(s.n()).isEqualTo(400);
        for (int i = 0; i < mu.length; i++) {
            assertThat(s.mu()[i]).isCloseTo(mu[i], within(1e-12));
        }
        for (int i = 0; i < sigma.length; i++) {
            assertThat(s.sigma()[i]).isCloseTo(sigma[i], within(1e-12));
        }
    }

    @Test
    void setMetricsEqualReferences() {
        SetMetricPair c = new SetMetricPair(real, fake);
        assertRel(c.fid(), "fid");
        KernelInceptionDistance.Result kid = c.kid(new KidConfig(100, 1000, 1));
        assertThat(kid.subsets()).isEqualTo(1);
        assertThat(kid.std()).isZero();
        assertRel(kid.mean(), "kid_full");
        int[] first = java.util.stream.IntStream.range(0, 100).toArray();
        assertRel(KernelInceptionDistance.mmd2(real.select(first), fake.select(first)), "kid_first100");
        assertRel(c.precisionRecall().precision(), "precision");
        assertRel(c.precisionRecall().recall(), "recall");
        assertRel(c.densityCoverage().density(), "density");
        assertRel(c.densityCoverage().coverage(), "coverage");
    }

    @Test
    void inceptionScoreEqualsReference() throws IOException {
        FeatureMatrix p = NumpyFiles.readFeatures(Resources.path("stats/probs-1000x10-f8.npy"));
        InceptionScore.Result is = InceptionScore.compute(p, InceptionScore.DEFAULT_SPLITS);
        assertRel(is.mean(), "is_mean");
        assertRel(is.std(), "is_std");
    }
}
