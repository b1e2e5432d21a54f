package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported SavedModel, copied away from its run, loads on its own and reproduces the checkpointed
 * generator; samples are quantised as 8-bit PNGs are.
 */
class ExportTest {
    @TempDir
    Path dir;

    @Test
    void savedModelAloneReproducesTheCheckpoint() throws Exception {
        ShapesData data = Tiny.data();
        TrainingRun run = Trainer.train(Tiny.config(GanVariants.CDCGAN, 1, 8), data, dir.resolve("run"),
                TrainingListener.none());
        Path copy = dir.resolve("elsewhere");
        Files.move(run.savedModel(), copy);
        int[] labels = {0, 1, 2, 3, 3, 2};
        float[] z = Noise.latent(labels.length, 32, 77);
        try (Generator exported = Generators.load(copy); Generator fromCheckpoint = Generators.load(run.runDir())) {
            assertThat(exported.classes()).isEqualTo(4);
            assertThat(exported.shape()).isEqualTo(data.shape());
            float[] x = exported.generate(z, labels.length, labels);
            assertThat(fromCheckpoint.generate(z, labels.length, labels)).containsExactly(x,
                    org.assertj.core.data.Offset.offset(1e-6f));
            Samples s = exported.sample(labels.length, labels, 77);
            for (int i = 0; i < x.length; i++) {
                assertThat(s.pixels()[i] & 0xFF).isEqualTo((int) Math.max(0, Math.min(255, Math.round((x[i] + 1.0) * 127.5))));
            }
            assertThat(s.labels()).containsExactly(labels);
        }
    }

    @Test
    void colourImagesOf32PixelsUseTheFourPixelBase() {
        ImageDataset data = Datasets.open("synthetic:shapes?size=32&channels=3&n=128&seed=2").open(Split.TRAIN);
        TrainConfig config = Tiny.config(GanVariants.CWGAN, 1, 8);
        TrainingRun run = Trainer.train(config, data, dir.resolve("rgb"), TrainingListener.none());
        assertThat(run.diverged()).isFalse();
        assertThat(Double.isFinite(run.finalCriticLoss())).isTrue();
        try (Generator g = Generators.load(run.savedModel())) {
            assertThat(g.shape()).isEqualTo(new ImageShape(32, 32, 3));
            assertThat(g.classes()).isEqualTo(data.classNames().size());
            int[] labels = {0, 1, 2};
            Samples s = g.sample(3, labels, 1);
            assertThat(s.pixels()).hasSize(3 * 32 * 32 * 3);
        }
    }

    @Test
    void quantisationRoundsAndClamps() {
        assertThat(Samples.quantise(-1f) & 0xFF).isEqualTo(0);
        assertThat(Samples.quantise(1f) & 0xFF).isEqualTo(255);
        assertThat(Samples.quantise(0f) & 0xFF).isEqualTo(128);
        assertThat(Samples.quantise(-2f) & 0xFF).isEqualTo(0);
        assertThat(Samples.quantise(1.5f) & 0xFF).isEqualTo(255);
        assertThat(Samples.quantise(-0.996f) & 0xFF).isEqualTo(1);
    }
}
