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

    /**
     * An unconditional generator takes the term too (dcgan-matched): from the same seed, data and weights its first
     * adversarial loss is dcgan's, and from then on the term moves it elsewhere.
     */
    @Test
    void theMatchedUnconditionalVariantTrainsWithTheTerm() throws Exception {
        java.util.List<java.util.List<String>> logs = new java.util.ArrayList<>();
        for (GanVariant v : new GanVariant[] {GanVariants.DCGAN, GanVariants.DCGAN_MATCHED}) {
            TrainingRun run = Trainer.train(Tiny.config(v, 1, 21), Tiny.data(), dir.resolve(v.name()),
                    TrainingListener.none());
            assertThat(run.diverged()).as(run.divergedReason()).isFalse();
            assertThat(run.config().hyperparameters().modeSeeking()).isEqualTo(v == GanVariants.DCGAN ? 0f : 0.5f);
            logs.add(java.nio.file.Files.readAllLines(run.log()).stream()
                    .map(l -> l.replaceAll(".*\"generator_loss\":([-0-9.Ee]+).*", "$1")).toList());
        }
        assertThat(logs.get(1).get(0)).isEqualTo(logs.get(0).get(0));
        assertThat(logs.get(1).get(logs.get(1).size() - 1)).isNotEqualTo(logs.get(0).get(logs.get(0).size() - 1));
    }

    @Test
    void theTermWidensTheSpreadAcrossZWithinAClass() throws Exception {
        double without = spread(0f);
        double with = spread(1f);
        System.out.printf("within-class spread across z: without the term %.4f, with it %.4f%n", without, with);
        assertThat(with).isGreaterThan(1.5 * without);
    }
}
