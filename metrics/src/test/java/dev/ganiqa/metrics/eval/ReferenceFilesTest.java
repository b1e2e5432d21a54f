package dev.ganiqa.metrics.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reference saved once and read by another process gives the same numbers as the one it was saved from. */
class ReferenceFilesTest {
    private static ExtractedSet set(int n, double shift, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * 3];
        double[] p = new double[n * 2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < 3; j++) {
                // Features as an extractor gives them: float32 values.
                x[i * 3 + j] = (float) (10 * labels[i] + shift + r.nextGaussian());
            }
            p[i * 2 + labels[i]] = 0.8;
            p[i * 2 + 1 - labels[i]] = 0.2;
        }
        FeatureMatrix f = new FeatureMatrix(n, 3, x);
        return new ExtractedSet(n, GaussianStats.of(f), f, new FeatureMatrix(n, 2, p), IntStream.range(0, n).toArray(),
                labels, List.of("a", "b"), null);
    }

    @Test
    void theSavedReferenceEvaluatesToTheSameBits(@TempDir Path dir) throws Exception {
        Reference original = Reference.of(set(400, 0, 1));
        ExtractedSet fake = set(120, 0.5, 2);
        Evaluation.Result before = Evaluation.evaluate(EvaluationTestInfo.INFO, original, fake);
        ReferenceFiles.write(original, fake.size(), dir);
        Reference read = ReferenceFiles.read(dir);
        assertThat(read.stats().mu()).isEqualTo(original.stats().mu());
        assertThat(read.stats().sigma()).isEqualTo(original.stats().sigma());
        assertThat(read.classNames()).containsExactly("a", "b");
        Evaluation.Result after = Evaluation.evaluate(EvaluationTestInfo.INFO, read, fake);
        assertThat(after.metrics().keySet()).isEqualTo(before.metrics().keySet()).contains("kid", "precision");
        before.metrics().forEach((id, v) -> assertThat(after.metrics().get(id).value()).as(id).isEqualTo(v.value()));
        assertThat(ClassFid.compute(read, fake)).isEqualTo(ClassFid.compute(original, fake));
    }
}
