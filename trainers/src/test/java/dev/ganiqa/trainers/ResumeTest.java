package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed in epoch 2 and resumed ends with the same checkpoint, log and samples as an uninterrupted
 * run; the same seed twice gives the same samples, another seed different ones.
 */
class ResumeTest {
    @TempDir
    Path dir;

    @Test
    void resumedRunEqualsUninterruptedRun() throws Exception {
        ShapesData data = Tiny.data();
        TrainConfig config = Tiny.config(GanVariants.CWGAN, 2, 21);
        TrainingRun straight = Trainer.train(config, data, dir.resolve("straight"), TrainingListener.none());

        Path killed = dir.resolve("killed");
        TrainingListener killer = new TrainingListener() {
            @Override
            public void onStep(StepStats stats) {
                if (stats.epoch() == 1 && stats.batch() == 9) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        assertThatThrownBy(() -> Trainer.train(config, data, killed, killer)).hasMessage("killed");
        assertThat(Files.readAllLines(killed.resolve("log.jsonl"))).hasSize(32 + 10);
        assertThatThrownBy(() -> Trainer.train(config, data, killed, TrainingListener.none()))
                .hasMessageContaining("expected an empty run folder");
        assertThatThrownBy(() -> Trainer.resume(killed, new ShapesData(16, 1, 512, 7), null, TrainingListener.none()))
                .hasMessageContaining("expected the data the run was trained on (test shapes 16x16x1, 1024 images");
        TrainingRun resumed = Trainer.resume(killed, data, null, TrainingListener.none());

        assertThat(resumed.epochsDone()).isEqualTo(2);
        assertThat(resumed.criticSteps()).isEqualTo(straight.criticSteps());
        assertThat(resumed.generatorSteps()).isEqualTo(straight.generatorSteps());
        assertThat(resumed.imagesSeen()).isEqualTo(straight.imagesSeen());
        assertThat(withoutTimes(Files.readAllLines(resumed.log()))).isEqualTo(withoutTimes(Files.readAllLines(straight.log())));
        assertThat(Files.readAllBytes(resumed.checkpoint().resolve("ckpt.data-00000-of-00001")))
                .isEqualTo(Files.readAllBytes(straight.checkpoint().resolve("ckpt.data-00000-of-00001")));
        assertThat(Files.readAllBytes(resumed.grids().get(1))).isEqualTo(Files.readAllBytes(straight.grids().get(1)));
        int[] labels = Noise.gridLabels(20, 4);
        try (Generator a = Generators.load(straight.savedModel()); Generator b = Generators.load(resumed.savedModel())) {
            assertThat(b.sample(20, labels, 4).pixels()).isEqualTo(a.sample(20, labels, 4).pixels());
        }
    }

    @Test
    void sameSeedSameSamplesOtherSeedOtherSamples() {
        ImageDataset data = Datasets.open("synthetic:shapes?size=16&channels=1&n=512&seed=3").open(Split.TRAIN);
        TrainConfig config = Tiny.config(GanVariants.DCGAN, 1, 5);
        TrainingRun a = Trainer.train(config, data, dir.resolve("a"), TrainingListener.none());
        TrainingRun b = Trainer.train(config, data, dir.resolve("b"), TrainingListener.none());
        TrainingRun c = Trainer.train(config.withSeed(6), data, dir.resolve("c"), TrainingListener.none());
        try (Generator ga = Generators.load(a.runDir()); Generator gb = Generators.load(b.runDir());
             Generator gc = Generators.load(c.runDir())) {
            byte[] sa = ga.sample(50, null, 1).pixels();
            assertThat(gb.sample(50, null, 1).pixels()).isEqualTo(sa);
            assertThat(gc.sample(50, null, 1).pixels()).isNotEqualTo(sa);
            assertThat(ga.sample(50, null, 2).pixels()).isNotEqualTo(sa);
        }
    }

    private static List<String> withoutTimes(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll(",\"step_ms\".*", "")).toList();
    }
}
