package dev.ganiqa.metrics.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.Progress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The out-of-distribution share: the extractor's own rejection class read per image, in every evaluation of an
 * extractor that has one; none for one that has not.
 */
class OodShareTest {
    @Test
    void noiseIsOutsideTheDataRealImagesAreNotAndTheEvaluationWarns() {
        DatasetSource fm = Datasets.open("fashion-mnist");
        var test = SubsetDataset.sample(fm.open(Split.TEST), 500, 1);
        var held = SubsetDataset.sample(fm.open(Split.TRAIN), 300, 2);
        try (FeatureExtractor e = Extractors.open(Extractors.DEFAULT, Map.of(), 2)) {
            Reference real = Reference.of(ExtractedSet.of(ImageSet.of(test), e, Progress.NONE));
            ExtractedSet realSet = ExtractedSet.of(ImageSet.of(held), e, Progress.NONE);
            assertThat(realSet.rejection()).hasSize(300);
            Evaluation.Result r = Evaluation.evaluate(e.info(), real, realSet);
            // The default's rotation threshold is the 95th percentile of real images held out of its training, so
            // about 5% of real images count out (3.7% of these 300).
            assertThat(r.metrics().get(MetricDefinitions.OOD_SHARE).value()).isLessThan(0.10);
            assertThat(r.warnings()).noneMatch(w -> w.contains("out-of-distribution score"));
            ExtractedSet noise = ExtractedSet.of(ImageSet.of(Degradations.uniformNoise(held, 3)), e, Progress.NONE);
            Evaluation.Result n = Evaluation.evaluate(e.info(), real, noise);
            assertThat(n.metrics().get(MetricDefinitions.OOD_SHARE).value()).isGreaterThan(0.95);
            assertThat(n.warnings()).anyMatch(w -> w.contains("outside the data by the extractor's own out-of-distribution score"));
            // Rejected samples count as outside the real manifold wherever their features land; the warning gives
            // the values the reference packages would report.
            assertThat(n.metrics().get(MetricDefinitions.PRECISION).value()).isZero();
            assertThat(n.metrics().get(MetricDefinitions.DENSITY).value()).isZero();
            assertThat(n.metrics().get(MetricDefinitions.PRECISION).label()).contains("rejected samples outside");
            assertThat(n.warnings()).anyMatch(w -> w.contains("count as outside the real manifold")
                    && w.contains("precision would be"));
            // A subset keeps its rows' rejection probabilities.
            assertThat(noise.select(new int[] {4, 2}).rejection()).containsExactly(noise.rejection()[4],
                    noise.rejection()[2]);
        }
        try (FeatureExtractor v1 = Extractors.open("ganiqa-fmnist-v1", Map.of(), 2)) {
            ExtractedSet set = ExtractedSet.of(ImageSet.of(held), v1, Progress.NONE);
            assertThat(set.rejection()).as("v1 has no rejection class").isNull();
            Reference real = Reference.of(ExtractedSet.of(ImageSet.of(test), v1, Progress.NONE));
            assertThat(Evaluation.evaluate(v1.info(), real, set).metrics()).doesNotContainKey(MetricDefinitions.OOD_SHARE);
        }
    }
}
