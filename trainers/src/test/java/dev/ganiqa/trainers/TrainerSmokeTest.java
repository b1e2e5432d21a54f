package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerSmokeTest {
    @Test
    void dcganTrainsAndExports(@TempDir Path dir) throws Exception {
        ShapesData data = new ShapesData(16, 1, 1024, 7);
        Hyperparameters hp = GanVariants.DCGAN.defaults().withSizes(16, 8, 8);
        TrainConfig config = new TrainConfig(GanVariants.DCGAN, hp, Budget.epochs(2), 32, 1, 0);
        long t0 = System.nanoTime();
        TrainingRun run = Trainer.train(config, data, dir.resolve("run"), TrainingListener.none());
        System.out.println("took " + (System.nanoTime() - t0) / 1e9 + " s: " + run);
        assertThat(run.diverged()).isFalse();
        assertThat(Files.readAllLines(run.log())).hasSize(64);
        try (Generator g = Generators.load(run.savedModel())) {
            Samples s = g.sample(5, null, 3);
            assertThat(s.pixels()).hasSize(5 * 256);
        }
    }
}
