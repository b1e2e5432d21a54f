package dev.ganiqa.metrics.features.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real training stopped after its first epoch (as a session's end stops it) continues from that epoch's
 * checkpoint: the second start trains only the second epoch, exports, and leaves no checkpoint behind; a checkpoint
 * of another recipe is refused in one line naming its state file (the CLI exits 1).
 */
class ClassifierCheckpointsTest {
    @TempDir
    Path dir;

    /** Thrown by the log after epoch 1 is saved and logged: the training stops there. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped after epoch 1");
        }
    }

    @Test
    void aStoppedTrainingContinuesFromItsLastEpoch() throws Exception {
        DatasetSource fmnist = Datasets.open("fashion-mnist");
        ImageDataset train = SubsetDataset.sample(fmnist.open(Split.TRAIN), 400, 1);
        ImageDataset test = SubsetDataset.sample(fmnist.open(Split.TEST), 100, 2);
        TrainingConfig config = new TrainingConfig(2, 50, 1e-3f, 3L, 1, 100);
        List<String> first = new ArrayList<>();
        assertThatThrownBy(() -> new ClassifierTrainer(config, line -> {
            first.add(line);
            if (line.startsWith("epoch 1/2")) {
                throw new Stopped();
            }
        }).train(train, test, "tiny", "subset", dir)).isInstanceOf(Stopped.class);
        assertThat(dir.resolve("checkpoints").resolve("epoch-0001").resolve("state.txt")).isRegularFile();
        assertThat(dir.resolve("tiny.pb")).doesNotExist();

        // Another recipe in the same folder is refused: its checkpoint is not this training's.
        TrainingConfig other = new TrainingConfig(2, 50, 1e-3f, 4L, 1, 100);
        assertThatThrownBy(() -> new ClassifierTrainer(other, l -> { }).train(train, test, "tiny", "subset", dir))
                .isInstanceOf(dev.ganiqa.metrics.io.MalformedFileException.class)
                .hasMessageStartingWith(dir.resolve("checkpoints").resolve("epoch-0001").resolve("state.txt") + ": ")
                .hasMessageContaining("seed 4").hasMessageContaining("seed 3");

        List<String> second = new ArrayList<>();
        TrainingResult result = new ClassifierTrainer(config, second::add).train(train, test, "tiny", "subset", dir);
        assertThat(second).contains("continuing from the checkpoint of epoch 1/2");
        assertThat(second).noneMatch(l -> l.startsWith("epoch 1/2")).anyMatch(l -> l.startsWith("epoch 2/2"));
        assertThat(result.frozenGraph()).isRegularFile();
        assertThat(result.testAccuracy()).isGreaterThan(0.3);
        assertThat(dir.resolve("checkpoints")).doesNotExist();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).doesNotContain("checkpoints");
    }

    /**
     * Stopped after the SavedModel and the frozen graph were written but before the checkpoints were removed, the
     * next start does not refuse the non-empty SavedModel folder: it exports again from the last checkpoint, trains
     * nothing, and writes the same graph.
     */
    @Test
    void aTrainingStoppedDuringItsExportFinishesFromItsCheckpoint() throws Exception {
        DatasetSource fmnist = Datasets.open("fashion-mnist");
        ImageDataset train = SubsetDataset.sample(fmnist.open(Split.TRAIN), 300, 1);
        ImageDataset test = SubsetDataset.sample(fmnist.open(Split.TEST), 100, 2);
        TrainingConfig config = new TrainingConfig(1, 50, 1e-3f, 5L, 1, 50);
        assertThatThrownBy(() -> new ClassifierTrainer(config, line -> {
            if (line.startsWith("test accuracy")) {
                throw new Stopped();
            }
        }).train(train, test, "tiny", "subset", dir)).isInstanceOf(Stopped.class);
        assertThat(dir.resolve("savedmodel").resolve("saved_model.pb")).isRegularFile();
        assertThat(dir.resolve("checkpoints").resolve("epoch-0001")).isDirectory();
        byte[] first = Files.readAllBytes(dir.resolve("tiny.pb"));

        List<String> again = new ArrayList<>();
        TrainingResult result = new ClassifierTrainer(config, again::add).train(train, test, "tiny", "subset", dir);
        assertThat(again).contains("continuing from the checkpoint of epoch 1/1").noneMatch(l -> l.startsWith("epoch 1/1"));
        assertThat(Files.readAllBytes(result.frozenGraph())).isEqualTo(first);
        assertThat(dir.resolve("savedmodel").resolve("saved_model.pb")).isRegularFile();
        assertThat(dir.resolve("checkpoints")).doesNotExist();
    }
}
