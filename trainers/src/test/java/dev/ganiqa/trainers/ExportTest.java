package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;

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
    void quantisationRoundsAndClamps() {
        assertThat(Samples.quantise(-1f) & 0xFF).isEqualTo(0);
        assertThat(Samples.quantise(1f) & 0xFF).isEqualTo(255);
        assertThat(Samples.quantise(0f) & 0xFF).isEqualTo(128);
        assertThat(Samples.quantise(-2f) & 0xFF).isEqualTo(0);
        assertThat(Samples.quantise(1.5f) & 0xFF).isEqualTo(255);
        assertThat(Samples.quantise(-0.996f) & 0xFF).isEqualTo(1);
    }
}
