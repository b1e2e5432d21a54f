package dev.ganiqa.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.metrics.eval.ClassFid;
import dev.ganiqa.metrics.eval.Evaluation;
import dev.ganiqa.metrics.eval.ExtractedSet;
import dev.ganiqa.metrics.eval.MetricDefinitions;
import dev.ganiqa.metrics.eval.Reference;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.Progress;
import dev.ganiqa.metrics.image.DatasetMeasurement;
import dev.ganiqa.metrics.image.Measure;
import dev.ganiqa.metrics.image.PrimaryMeasures;
import dev.ganiqa.reports.model.Distribution;
import dev.ganiqa.reports.model.MetricValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A comparison's evaluation of one set is one call into the metrics module ({@code SetEvaluation}); this pins that
 * its numbers are, to the last bit, those of the metrics module's calls made one by one as the evaluator made them
 * before (the set metrics of {@link Evaluation#evaluate}, the per-image measures and their means, the signed shifts,
 * per-class FID), on real Fashion-MNIST images through the default extractor on one thread.
 */
class UnitEvaluatorTest {
    @Test
    void oneCallGivesTheNumbersOfTheCallsOneByOne() throws Exception {
        ImageDataset test = Datasets.open("fashion-mnist").open(Split.TEST);
        ImageDataset realSet = SubsetDataset.sample(test, 400, 1);
        ImageDataset fakeSet = SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TRAIN), 150, 2);
        try (FeatureExtractor extractor = Extractors.open(Extractors.DEFAULT, Map.of(), 1)) {
            Reference real = Reference.of(ExtractedSet.of(ImageSet.of(realSet), extractor, Progress.NONE));
            PrimaryMeasures primary = UnitEvaluator.primaryMeasures(realSet, 1);
            UnitEvaluation got = new UnitEvaluator(real, extractor, 1, primary).evaluate(fakeSet);

            ExtractedSet fake = ExtractedSet.of(ImageSet.of(fakeSet), extractor, Progress.NONE);
            Evaluation.Result set = Evaluation.evaluate(extractor.info(), real, fake);
            set.metrics().forEach((id, v) -> assertThat(got.metrics().get(id).value()).as(id).isEqualTo(v.value()));
            DatasetMeasurement.Result measures = DatasetMeasurement.run(fakeSet, 1, done -> { });
            PrimaryMeasures.Shifts shifts = primary.of(fakeSet, measures);
            assertThat(got.metrics().get(MetricDefinitions.SHARPNESS_SHIFT).value()).isEqualTo(shifts.sharpness());
            assertThat(got.metrics().get(MetricDefinitions.NOISE_SHIFT).value()).isEqualTo(shifts.noise());
            Distribution sharp = Distribution.of(measures.values(Measure.LAPLACIAN_VAR));
            MetricValue sharpness = got.metrics().get(MetricDefinitions.SHARPNESS);
            assertThat(sharpness.value()).isEqualTo(sharp.mean());
            assertThat(got.imageMeasures().get(Measure.LAPLACIAN_VAR.column())).isEqualTo(sharp);
            assertThat(got.metrics().get(MetricDefinitions.NOISE).value())
                    .isEqualTo(Distribution.of(measures.values(Measure.IMMERKAER_SIGMA)).mean());
            // Gray images have no chroma: no shift is recorded rather than a NaN.
            assertThat(got.metrics()).doesNotContainKey(MetricDefinitions.CHROMA_SHIFT);
            ClassFid perClass = ClassFid.compute(real, fake);
            assertThat(got.perClass().fid()).isEqualTo(perClass.fid());
            // The order results.json has always written: the set metrics, the shifts, then sharpness and noise.
            assertThat(got.metrics().keySet()).containsSubsequence(MetricDefinitions.FID,
                    MetricDefinitions.SHARPNESS_SHIFT, MetricDefinitions.NOISE_SHIFT, MetricDefinitions.SHARPNESS,
                    MetricDefinitions.NOISE);
            assertThat(got.metrics().get(MetricDefinitions.FID).samples()).isEqualTo(150);
            assertThat(got.metrics().get(MetricDefinitions.SHARPNESS).samples()).isEqualTo(150);
        }
    }
}
