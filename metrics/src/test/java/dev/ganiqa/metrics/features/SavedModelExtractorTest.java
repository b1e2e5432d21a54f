package dev.ganiqa.metrics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.metrics.features.train.ClassifierTrainer;
import dev.ganiqa.metrics.features.train.TrainingConfig;
import dev.ganiqa.metrics.features.train.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short real training run (1,000 Fashion-MNIST images, one epoch) writes a frozen graph and a SavedModel;
 * both load through the registry and compute the same features.
 */
class SavedModelExtractorTest {
    @TempDir
    static Path dir;
    private static TrainingResult trained;
    private static ImageDataset test;

    @BeforeAll
    static void train() throws Exception {
        DatasetSource fmnist = Datasets.open("fashion-mnist");
        ImageDataset trainSet = SubsetDataset.first(fmnist.open(Split.TRAIN), 1000);
        test = SubsetDataset.first(fmnist.open(Split.TEST), 300);
        List<String> log = new ArrayList<>();
        trained = new ClassifierTrainer(new TrainingConfig(1, 50, 1e-3f, 3L, 2), log::add)
                .train(trainSet, test, "tiny", "fashion-mnist[0:1000]", dir.resolve("out"));
        assertThat(log).anyMatch(l -> l.startsWith("epoch 1/1"));
    }

    private static float[] features(FeatureExtractor e, ImageDataset data) {
        float[] all = new float[data.size() * e.info().featureDim()];
        new FeatureRunner(RunnerOptions.withBatch(64)).run(data, e, b -> System.arraycopy(b.features().features(), 0,
                all, b.indices()[0] * e.info().featureDim(), b.features().features().length));
        return all;
    }

    @Test
    void savedModelAndFrozenGraphComputeTheSameFeatures() {
        try (FeatureExtractor saved = Extractors.open("savedmodel:" + trained.savedModel(), Map.of(), 2);
             FeatureExtractor frozen = Extractors.open("frozen:" + trained.frozenGraph(), Map.of(), 2)) {
            assertThat(saved.info().featureDim()).isEqualTo(256);
            assertThat(saved.info().classes()).isEqualTo(10);
            assertThat(saved.info().input()).isEqualTo(test.shape());
            assertThat(frozen.info().sha256()).isEqualTo(trained.sha256());
            float[] a = features(saved, test);
            float[] b = features(frozen, test);
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).isCloseTo(b[i], org.assertj.core.data.Offset.offset(1e-4f + 1e-5f * Math.abs(b[i])));
            }
            assertThat(a).isNotEqualTo(new float[a.length]);
        }
    }

    @Test
    void aBareFolderOpensAsSavedModelAndLogitsCanBeChosenByName() {
        try (FeatureExtractor bare = Extractors.open(trained.savedModel().toString(), Map.of(), 1);
             FeatureExtractor logits = Extractors.open("savedmodel:" + trained.savedModel()
                     + "#serving_default?features=features&logits=logits", Map.of(), 1)) {
            Features p = bare.extract(test.image(0), 1, test.shape());
            Features q = logits.extract(test.image(0), 1, test.shape());
            double sum = 0;
            for (int c = 0; c < 10; c++) {
                sum += p.probabilities()[c];
                // softmax of the logits output, taken in Java, equals the graph's own softmax
                assertThat(q.probabilities()[c]).isCloseTo(p.probabilities()[c], org.assertj.core.data.Offset.offset(1e-6f));
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(bare.info().sha256()).isEqualTo(logits.info().sha256()).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void wrongSignaturesAndOutputNamesAreOneLineErrors() {
        assertThatThrownBy(() -> Extractors.open("savedmodel:" + trained.savedModel() + "#nope", Map.of(), 1))
                .isInstanceOf(ExtractorException.class).hasMessageContaining("'nope'").hasMessageContaining("serving_default");
        assertThatThrownBy(() -> Extractors.open("savedmodel:" + trained.savedModel() + "?features=pool", Map.of(), 1))
                .isInstanceOf(ExtractorException.class).hasMessageContaining("'pool'");
        assertThatThrownBy(() -> Extractors.open("savedmodel:" + trained.savedModel() + "?colour=red", Map.of(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour=red");
        assertThatThrownBy(() -> Extractors.open("savedmodel:" + dir, Map.of(), 1))
                .isInstanceOf(ExtractorException.class).hasMessageContaining("saved_model.pb");
        assertThatThrownBy(() -> Extractors.open(dir.resolve("missing").toString(), Map.of(), 1))
                .isInstanceOf(ExtractorException.class).hasMessageContaining("no such extractor");
    }

    @Test
    void theTrainerReportsTheFrozenGraphsAccuracy() {
        assertThat(trained.testAccuracy()).isBetween(0.5, 1.0);
        assertThat(trained.testImages()).isEqualTo(300);
        assertThat(trained.sha256()).matches("[0-9a-f]{64}");
    }
}
