package dev.ganiqa.metrics.features.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.Features;
import dev.ganiqa.metrics.features.GraphTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.proto.GraphDef;

/**
 * A tiny training run with a rejection class: the net has 11 outputs, but the frozen graph exports the 10
 * real classes' logits and probabilities (rows summing to 1) and the rejection probability separately.
 */
class RejectionTrainingTest {
    @TempDir
    Path dir;

    @Test
    void theExportedGraphHasTenClassProbabilitiesAndARejectionOutput() throws Exception {
        DatasetSource fmnist = Datasets.open("fashion-mnist");
        ImageDataset train = SubsetDataset.sample(fmnist.open(Split.TRAIN), 500, 1);
        ImageDataset test = SubsetDataset.sample(fmnist.open(Split.TEST), 100, 2);
        List<String> log = new ArrayList<>();
        TrainingResult result = new ClassifierTrainer(new TrainingConfig(1, 50, 1e-3f, 3L, 2, 100), log::add)
                .train(train, test, "tiny-reject", "fashion-mnist subset", dir);
        assertThat(result.classes()).isEqualTo(10);
        assertThat(log).anyMatch(l -> l.contains("rejection class: 100"));
        byte[] pb = Files.readAllBytes(result.frozenGraph());
        try (Graph g = new Graph()) {
            g.importGraphDef(GraphDef.parseFrom(pb));
            assertThat(g.operation(GraphTensors.LOGITS_OUTPUT).output(0).shape().get(1)).isEqualTo(10);
            assertThat(g.operation(GraphTensors.PROBABILITIES_OUTPUT).output(0).shape().get(1)).isEqualTo(10);
            assertThat(g.operation(GraphTensors.REJECTION_OUTPUT).output(0).shape().numDimensions()).isEqualTo(1);
        }
        try (FeatureExtractor e = Extractors.open("frozen:" + result.frozenGraph(), Map.of(), 1)) {
            assertThat(e.info().classes()).isEqualTo(10);
            assertThat(e.info().featureDim()).isEqualTo(ClassifierNet.FEATURES);
            byte[] images = new byte[4 * 784];
            for (int i = 0; i < 4; i++) {
                System.arraycopy(test.image(i), 0, images, i * 784, 784);
            }
            Features f = e.extract(images, 4, test.shape());
            for (int i = 0; i < 4; i++) {
                double sum = 0;
                for (int c = 0; c < 10; c++) {
                    sum += f.probabilities()[i * 10 + c];
                }
                assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            }
        }
        // The SavedModel signature exposes the same 10-class probabilities.
        try (FeatureExtractor e = Extractors.open(result.savedModel().toString(), Map.of(), 1)) {
            assertThat(e.info().classes()).isEqualTo(10);
        }
    }
}
