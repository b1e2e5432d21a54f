package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mode-seeking term (Mao et al. 2019) is there to make a conditional generator use z: trained for real on the
 * same data with the same seed, cdcgan's spread across z within each class (the trainer's collapse check) must be
 * larger with the term than without it.
 */
class ModeSeekingTest {
    @TempDir
    Path dir;

    private double spread(float weight) throws Exception {
        TrainConfig config = Tiny.config(GanVariants.CDCGAN, 6, 21);
        config = config.withHyperparameters(config.hyperparameters().withModeSeeking(weight));
        TrainingRun run = Trainer.train(config, Tiny.data(), dir.resolve("ms" + weight), TrainingListener.none());
        assertThat(run.diverged()).as(run.divergedReason()).isFalse();
        return run.collapse().finalSpread();
    }

    @Test
    void theTermWidensTheSpreadAcrossZWithinAClass() throws Exception {
        double without = spread(0f);
        double with = spread(1f);
        System.out.printf("within-class spread across z: without the term %.4f, with it %.4f%n", without, with);
        assertThat(with).isGreaterThan(1.5 * without);
    }
}
