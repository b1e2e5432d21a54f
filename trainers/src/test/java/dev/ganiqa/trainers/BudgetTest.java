package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generator-step budget stops exactly after its N-th generator step, inside an epoch, and extends on resume. */
class BudgetTest {
    @TempDir
    Path dir;

    @Test
    void generatorStepBudgetStopsAfterExactlyNGeneratorSteps() throws Exception {
        ShapesData data = Tiny.data();
        // WGAN: n_critic = 5, 32 batches per epoch: 10 generator steps = 50 critic steps, inside epoch 2.
        TrainConfig config = Tiny.config(GanVariants.WGAN, 1, 3).withBudget(Budget.generatorSteps(10));
        assertThat(config.hyperparameters().nCritic()).isEqualTo(5);
        List<EpochSummary> ends = new ArrayList<>();
        List<EpochSummary> epochs = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochSummary summary, Generator generator) {
                epochs.add(summary);
            }

            @Override
            public void onBudgetEnd(EpochSummary summary, Generator generator) {
                assertThat(generator.sample(4, null, 1).pixels()).isNotEmpty();
                ends.add(summary);
            }
        };
        TrainingRun run = Trainer.train(config, data, dir.resolve("w"), listener);
        assertThat(run.generatorSteps()).isEqualTo(10);
        assertThat(run.criticSteps()).isEqualTo(50);
        assertThat(run.epochsDone()).isEqualTo(1);
        assertThat(run.savedModel()).isNotNull();
        assertThat(epochs).hasSize(1);
        assertThat(ends).singleElement().satisfies(e -> {
            assertThat(e.generatorSteps()).isEqualTo(10);
            assertThat(e.criticSteps()).isEqualTo(50);
            assertThat(e.imagesSeen()).isEqualTo(50L * Tiny.BATCH);
            assertThat(e.grid()).isNull();
        });
        assertThat(Files.readAllLines(run.log())).hasSize(50);

        ends.clear();
        TrainingRun more = Trainer.resume(dir.resolve("w"), data, Budget.generatorSteps(20), listener);
        assertThat(more.generatorSteps()).isEqualTo(20);
        assertThat(more.criticSteps()).isEqualTo(100);
        assertThat(Files.readAllLines(more.log())).hasSize(100);
        assertThat(ends).singleElement().extracting(EpochSummary::criticSteps).isEqualTo(100L);

        // DCGAN (n_critic = 1): the same budget is 10 critic steps.
        TrainingRun d = Trainer.train(Tiny.config(GanVariants.DCGAN, 1, 3).withBudget(Budget.generatorSteps(10)), data,
                dir.resolve("d"), TrainingListener.none());
        assertThat(d.generatorSteps()).isEqualTo(10);
        assertThat(d.criticSteps()).isEqualTo(10);
    }
}
