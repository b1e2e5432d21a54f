package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DivergenceTest {
    @TempDir
    Path dir;

    @Test
    void nonFiniteLossStopsTheRunWithAReason() throws Exception {
        TrainConfig config = Tiny.config(GanVariants.WGAN, 3, 2);
        // A learning rate of 1e12 overflows the critic's weights within a few steps.
        config = config.withHyperparameters(config.hyperparameters().withLearningRates(1e12f, 1e12f));
        TrainingRun run = Trainer.train(config, Tiny.data(), dir.resolve("run"), TrainingListener.none());
        assertThat(run.diverged()).isTrue();
        assertThat(run.divergedReason()).startsWith("non-finite loss at critic step");
        assertThat(run.savedModel()).isNull();
        assertThat(run.epochsDone()).isLessThan(3);
        assertThat(Files.readString(dir.resolve("run/run.json"))).contains("\"diverged\" : true");
    }

    @Test
    void explodingButFiniteLossesStopTheRun() throws Exception {
        // The case: a DCGAN discriminator with learning rate 1e3 drives its losses towards 1e16 while they
        // stay finite; the run must end as diverged, not be recorded as a result.
        TrainConfig config = Tiny.config(GanVariants.DCGAN, 3, 2);
        config = config.withHyperparameters(config.hyperparameters().withLearningRates(2e-4f, 1e3f));
        TrainingRun run = Trainer.train(config, Tiny.data(), dir.resolve("run"), TrainingListener.none());
        assertThat(run.diverged()).isTrue();
        assertThat(run.divergedReason()).startsWith("exploding loss at critic step");
        assertThat(run.epochsDone()).isLessThan(3);
    }

    @Test
    void timeBudgetStopsMidEpochAndResumeFinishesIt() throws Exception {
        ShapesData data = Tiny.data();
        TrainConfig config = Tiny.config(GanVariants.DCGAN, 1, 4).withBudget(Budget.minutes(0.5 / 60));
        long t0 = System.nanoTime();
        TrainingRun timed = Trainer.train(config, data, dir.resolve("timed"), TrainingListener.none());
        assertThat(timed.wallSeconds()).isGreaterThanOrEqualTo(0.5).isLessThanOrEqualTo((System.nanoTime() - t0) / 1e9);
        assertThat(timed.criticSteps()).isPositive();
        assertThat(timed.savedModel()).isNotNull();
        TrainingRun more = Trainer.resume(dir.resolve("timed"), data, Budget.epochs(timed.epochsDone() + 1),
                TrainingListener.none());
        assertThat(more.epochsDone()).isEqualTo(timed.epochsDone() + 1);
        assertThat(more.wallSeconds()).isGreaterThan(timed.wallSeconds());
        assertThat(more.criticSteps()).isEqualTo(32L * more.epochsDone());
        assertThat(Files.readAllLines(more.log())).hasSize((int) more.criticSteps());
    }
}
