package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins what tiny runs do, as they did before the loop's side effects became listeners (issue 24): the callbacks in
 * order and the files that exist during them, the files each run leaves, the first losses, the stop reasons. Losses
 * are compared with a tolerance (two test runs are two TF sessions, shared/notes/tfjava.md), counters, paths and
 * event order exactly; one TF thread each.
 */
class PinnedRunTest {
    @TempDir
    Path dir;

    /** One epoch of a conditional WGAN-GP: steps, the epoch end with its grid and collapse point, export. */
    @Test
    void oneEpochOfAConditionalWgan() throws IOException {
        Path runDir = dir.resolve("run");
        Recorder events = new Recorder(runDir);
        TrainingRun run = Trainer.train(config(GanVariants.CWGAN, Budget.epochs(1), 5), Tiny.data(), runDir, events);

        assertThat(events.kinds()).containsExactly("start 32/1 from 0/0", "step x32", "epochEnd 1 grid "
                + "[grids/epoch-0001.png, collapse.json] without [checkpoints/ckpt-000000000032]", "end");
        StepStats first = events.steps.get(0);
        assertThat(first.criticLoss()).isCloseTo(0.0020257567521184683, close(0.0020257567521184683));
        assertThat(first.wasserstein()).isCloseTo(-0.0020257567521184683, close(-0.0020257567521184683));
        assertThat(first.gradientPenalty()).isCloseTo(9.855548858642578, close(9.855548858642578));
        assertThat(first.generatorLoss()).isNaN();
        StepStats fifth = events.steps.get(4);
        assertThat(fifth.generatorSteps()).isEqualTo(1);
        assertThat(fifth.criticLoss()).isCloseTo(-0.018479101359844208, close(-0.018479101359844208));
        assertThat(fifth.generatorLoss()).isCloseTo(0.004259855020791292, close(0.004259855020791292));
        assertThat(masked(Files.readAllLines(run.log()).get(4))).isEqualTo("{\"epoch\":0,\"batch\":4,"
                + "\"critic_steps\":5,\"generator_steps\":1,\"images_seen\":160,\"critic_loss\":#,\"generator_loss\":#,"
                + "\"wasserstein\":#,\"gradient_penalty\":#,\"step_ms\":#,\"elapsed_s\":#}");

        assertThat(files(runDir)).containsExactly("checkpoints/ckpt-000000000032/ckpt.data-00000-of-00001",
                "checkpoints/ckpt-000000000032/ckpt.index", "checkpoints/ckpt-000000000032/state.json",
                "collapse.json", "config.json", "grids/epoch-0001.png", "log.jsonl", "model.json", "run.json",
                "savedmodel/model.json", "savedmodel/saved_model.pb",
                "savedmodel/variables/variables.data-00000-of-00001", "savedmodel/variables/variables.index");
        TrainState state = RunFiles.readJson(run.checkpoint().resolve("state.json"), TrainState.class);
        assertThat(List.of(state.epoch(), state.batch(), state.criticSteps(), state.generatorSteps(),
                state.imagesSeen(), state.logBytes())).containsExactly(1, 0, 32L, 6L, 1024L, Files.size(run.log()));
        assertThat(List.of(run.epochsDone(), run.criticSteps(), run.generatorSteps(), run.imagesSeen()))
                .containsExactly(1, 32L, 6L, 1024L);
        // After 32 steps two sessions may part by more than rounding (ResumeTest): a looser tolerance.
        assertThat(run.finalCriticLoss()).isCloseTo(-2.951493263244629, within(0.05));
        assertThat(run.finalGeneratorLoss()).isCloseTo(0.23970060050487518, within(0.05));
        assertThat(run.diverged()).isFalse();
        assertThat(run.grids()).containsExactly(runDir.resolve("grids/epoch-0001.png"));
        assertThat(run.collapse().epochs()).singleElement().satisfies(p -> {
            assertThat(p.epoch()).isEqualTo(1);
            assertThat(p.spread()).isCloseTo(0.002688782672227317, within(1e-3));
        });
        assertThat(run.collapse().realSpread()).isCloseTo(0.3429070482873412, within(1e-12));
        assertThat(run.collapse().reason()).startsWith("within-class spread across z 0.00");
        assertThat(events.ended).isEqualTo(run);
        assertThat(RunFiles.readJson(runDir.resolve("run.json"), TrainingRun.class)).isEqualTo(run);

        // Resumed with a time budget its first session already spent: no step, exported again.
        Recorder again = new Recorder(runDir);
        TrainingRun spent = Trainer.resume(runDir, Tiny.data(), Budget.minutes(1e-6), again);
        assertThat(again.kinds()).containsExactly("start 32/0 from 1/0", "end");
        assertThat(List.of(spent.epochsDone(), spent.criticSteps(), spent.diverged(), spent.checkpoint()))
                .containsExactly(1, 32L, false, run.checkpoint());
        assertThat(Files.readAllLines(run.log())).hasSize(32);
    }

    /** A generator-step budget inside an epoch: the budget end before its checkpoint, no grid; then the epoch. */
    @Test
    void budgetEndInsideAnEpochThenTheRest() throws IOException {
        Path runDir = dir.resolve("run");
        Recorder events = new Recorder(runDir);
        TrainingRun run = Trainer.train(config(GanVariants.DCGAN, Budget.generatorSteps(5), 6), Tiny.data(), runDir,
                events);
        assertThat(events.kinds()).containsExactly("start 32/0 from 0/0", "step x5", "budgetEnd 0 no grid [] "
                + "without [grids/epoch-0000.png, collapse.json, checkpoints/ckpt-000000000005]", "end");
        assertThat(events.steps.get(0).criticLoss()).isCloseTo(1.3843834400177002, close(1.3843834400177002));
        assertThat(events.steps.get(0).generatorLoss()).isCloseTo(0.6927707195281982, close(0.6927707195281982));
        assertThat(files(runDir)).contains("checkpoints/ckpt-000000000005/state.json", "savedmodel/saved_model.pb")
                .noneMatch(f -> f.startsWith("grids/") || f.equals("collapse.json"));
        assertThat(run.collapse().epochs()).isEmpty();
        assertThat(run.collapse().finalSpread()).isCloseTo(0.0022474468817299973, within(1e-3));
        assertThat(run.grids()).isEmpty();

        Recorder rest = new Recorder(runDir);
        TrainingRun done = Trainer.resume(runDir, Tiny.data(), Budget.epochs(1), rest);
        assertThat(rest.kinds()).containsExactly("start 32/1 from 0/5", "step x27", "epochEnd 1 grid "
                + "[grids/epoch-0001.png, collapse.json] without [checkpoints/ckpt-000000000032]", "end");
        assertThat(List.of(done.criticSteps(), done.generatorSteps())).containsExactly(32L, 32L);
        assertThat(files(runDir)).filteredOn(f -> f.startsWith("checkpoints/"))
                .allMatch(f -> f.startsWith("checkpoints/ckpt-000000000032/"));
        assertThat(Files.readAllLines(done.log())).hasSize(32);
    }

    /** Exploding but finite losses: diverged after the step, checkpointed and exported; no budget end. */
    @Test
    void explodingLossStopsWithItsReason() throws IOException {
        TrainConfig config = config(GanVariants.DCGAN, Budget.epochs(3), 2);
        config = config.withHyperparameters(config.hyperparameters().withLearningRates(2e-4f, 1e3f));
        Path runDir = dir.resolve("run");
        Recorder events = new Recorder(runDir);
        TrainingRun run = Trainer.train(config, Tiny.data(), runDir, events);
        assertThat(events.kinds()).containsExactly("start 32/3 from 0/0", "step x2", "end");
        assertThat(run.divergedReason()).isEqualTo("exploding loss at critic step 2: |loss| > 1e+06 (critic 2.92e+12, "
                + "penalty 0.00, generator 0.00)");
        assertThat(files(runDir)).contains("checkpoints/ckpt-000000000002/state.json", "savedmodel/saved_model.pb")
                .noneMatch(f -> f.startsWith("grids/") || f.equals("collapse.json"));
        assertThat(run.collapse()).isNotNull();
    }

    /** A non-finite loss: diverged at once, nothing checkpointed or exported, the step still logged. */
    @Test
    void nonFiniteLossStopsWithItsReason() throws IOException {
        TrainConfig config = config(GanVariants.WGAN, Budget.epochs(3), 2);
        config = config.withHyperparameters(config.hyperparameters().withLearningRates(1e12f, 1e12f));
        Path runDir = dir.resolve("run");
        Recorder events = new Recorder(runDir);
        TrainingRun run = Trainer.train(config, Tiny.data(), runDir, events);
        assertThat(events.kinds()).containsExactly("start 32/3 from 0/0", "step x2", "end");
        assertThat(run.divergedReason()).isEqualTo("non-finite loss at critic step 2 (critic NaN, penalty Infinity, "
                + "generator NaN)");
        assertThat(files(runDir)).containsExactly("config.json", "log.jsonl", "model.json", "run.json");
        assertThat(List.of(run.savedModel() == null, run.checkpoint() == null, run.collapse() == null))
                .containsExactly(true, true, true);
        assertThat(Files.readAllLines(run.log())).hasSize(2);
    }

    /** Float32 rounding of one step's loss, not another batch or noise (as in ResumeTest). */
    private static Offset<Double> close(double expected) {
        return within(1e-5 * Math.max(1, Math.abs(expected)));
    }

    static TrainConfig config(GanVariant variant, Budget budget, long seed) {
        return Tiny.config(variant, 1, seed).withBudget(budget).withThreads(1);
    }

    /** The run folder's files, relative and sorted. */
    static List<String> files(Path runDir) throws IOException {
        try (Stream<Path> s = Files.walk(runDir)) {
            return s.filter(Files::isRegularFile).map(p -> runDir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** A log line with its losses and times replaced by #: the fields, their order, the counters, the nulls. */
    static String masked(String line) {
        return line.replaceAll("(_loss|wasserstein|_penalty|_ms|_s)\":-?[0-9][0-9.Ee+-]*", "$1\":#");
    }

    /** Records the callbacks in order (runs of steps counted) and which run files exist during them. */
    static final class Recorder implements TrainingListener {
        final List<StepStats> steps = new ArrayList<>();
        private final List<String> kinds = new ArrayList<>();
        private final Path runDir;
        private int stepRun;
        TrainingRun ended;

        Recorder(Path runDir) {
            this.runDir = runDir;
        }

        @Override
        public void onStart(TrainConfig config, int batchesPerEpoch, int totalEpochs, TrainState from) {
            kinds.add("start " + batchesPerEpoch + "/" + totalEpochs + " from " + from.epoch() + "/" + from.batch());
        }

        @Override
        public void onStep(StepStats stats) {
            steps.add(stats);
            stepRun++;
        }

        @Override
        public void onEpochEnd(EpochSummary summary, Generator generator) {
            pause("epochEnd", summary, generator);
        }

        @Override
        public void onBudgetEnd(EpochSummary summary, Generator generator) {
            pause("budgetEnd", summary, generator);
        }

        private void pause(String kind, EpochSummary summary, Generator generator) {
            closeSteps();
            kinds.add(kind + " " + summary.epoch() + (summary.grid() == null ? " no grid " : " grid ")
                    + exist(summary));
            assertThat(generator.sample(2, generator.classes() > 0 ? new int[] {0, 1} : null, 1).count()).isEqualTo(2);
        }

        private String exist(EpochSummary summary) {
            List<String> present = new ArrayList<>();
            List<String> absent = new ArrayList<>();
            for (String f : List.of("grids/epoch-" + String.format("%04d", summary.epoch()) + ".png", "collapse.json",
                    "checkpoints/ckpt-" + String.format("%012d", summary.criticSteps()))) {
                (Files.exists(runDir.resolve(f)) ? present : absent).add(f);
            }
            return present + " without " + absent;
        }

        @Override
        public void onEnd(TrainingRun run) {
            closeSteps();
            ended = run;
            kinds.add("end");
        }

        private void closeSteps() {
            if (stepRun > 0) {
                kinds.add("step x" + stepRun);
                stepRun = 0;
            }
        }

        List<String> kinds() {
            return kinds;
        }
    }
}
