package dev.ganiqa.metrics.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reference saved once and read by another process gives the same numbers as the one it was saved from. */
class ReferenceFilesTest {
    @Test
    void theSavedReferenceEvaluatesToTheSameBits(@TempDir Path dir) throws Exception {
        Reference original = Reference.of(ClassMetricsTest.set(400, 1.0, true, new double[] {0.8}, 1));
        ExtractedSet fake = ClassMetricsTest.set(120, 1.5, true, new double[] {0.8, 0.3}, 2);
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
