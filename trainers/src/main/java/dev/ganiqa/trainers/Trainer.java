package dev.ganiqa.trainers;

import dev.ganiqa.datasets.ImageDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Trains a new run or resumes one: checks the data against the run, writes config.json and model.json, and runs the
 * {@link Loop} with one {@link LoopListener} per side effect (step log, divergence, fixed-noise grid, collapse check,
 * checkpoint, time budget, SavedModel, run.json) and the caller's {@link TrainingListener}.
 */
public final class Trainer {
    /**
     * |loss| beyond which a run counts as diverged although its losses are still finite. Healthy losses of these
     * variants stay far below it (non-saturating losses are a few units; WGAN-GP critic estimates tens to
     * hundreds); a discriminator whose logits have run off to 1e6 and beyond no longer trains the generator.
     */
    public static final double LOSS_BOUND = 1e6;

    private Trainer() {
    }

    /** Trains a new run into {@code runDir}, which must not hold a run already. */
    public static TrainingRun train(TrainConfig config, ImageDataset data, Path runDir, TrainingListener listener) {
        RunFiles files = new RunFiles(runDir);
        if (Files.exists(files.config()) || files.latestCheckpoint().isPresent()) {
            throw new IllegalArgumentException(runDir + ": expected an empty run folder, found an earlier run "
                    + "(use resume to continue it, or another --out)");
        }
        RunFiles.writeJson(files.config(), config);
        return run(config, data, files, listener, Optional.empty());
    }

    /**
     * Continues the run in {@code runDir} from its last checkpoint with its saved config (optionally with a
     * new budget, e.g. more epochs), on the same data.
     */
    public static TrainingRun resume(Path runDir, ImageDataset data, Budget budget, TrainingListener listener) {
        return resume(runDir, data, budget, -1, listener);
    }

    /**
     * As {@link #resume(Path, ImageDataset, Budget, TrainingListener)}, with {@code threads} TF threads (0 = TF's
     * default, -1 = the count the run was started with): the thread count is how this machine runs the session,
     * not part of the recipe, so a unit continued by a parallel comparison takes the count it is given now.
     */
    public static TrainingRun resume(Path runDir, ImageDataset data, Budget budget, int threads,
                                     TrainingListener listener) {
        RunFiles files = new RunFiles(runDir);
        if (!Files.exists(files.config())) {
            throw new IllegalArgumentException(runDir + ": expected a run folder with config.json, found none");
        }
        TrainConfig config = RunFiles.readJson(files.config(), TrainConfig.class);
        TrainConfig now = config;
        if (budget != null && !budget.equals(config.budget())) {
            now = now.withBudget(budget);
        }
        if (threads >= 0) {
            now = now.withThreads(threads);
        }
        if (!now.equals(config)) {
            RunFiles.writeJson(files.config(), now);
        }
        return run(now, data, files, listener, files.latestCheckpoint());
    }

    /**
     * The counters of the last complete checkpoint in {@code runDir} (empty when it has none): how far a run that
     * {@link #resume} would continue has come, for an estimate of the work left.
     */
    public static Optional<TrainState> checkpointed(Path runDir) {
        return new RunFiles(runDir).latestCheckpoint()
                .map(RunFiles::state);
    }

    private static TrainingRun run(TrainConfig config, ImageDataset data, RunFiles files, TrainingListener caller,
                                   Optional<Path> checkpoint) {
        ModelInfo info = checkedModel(config, data, files, checkpoint.isPresent());
        RunFiles.writeJson(files.model(), info);
        int perEpoch = data.size() / config.batchSize();
        TrainState state = checkpoint.map(RunFiles::state).orElse(TrainState.start());
        try (GanGraph graph = new GanGraph(config.hyperparameters(), data.shape(), info.classes(), config.seed(),
                config.threads());
             Generator live = Steps.live(graph, data.shape(), () -> { })) {
            if (checkpoint.isPresent()) {
                graph.session.restore(RunFiles.prefix(checkpoint.get()));
            }
            try (StepLogListener log = new StepLogListener(files.log(), state.logBytes())) {
                CollapseListener collapse = CollapseListener.measure(data, info.classes() > 0, files, state.epoch(),
                        live);
                Stopwatch clock = new Stopwatch(state.wallSeconds());
                GridListener grids = new GridListener(files, live);
                SaveModelListener saveModel = new SaveModelListener(graph, files);
                CheckpointListener checkpoints = new CheckpointListener(graph, files, log);
                // Called in this order. Each epoch's files exist before the caller hears of the epoch, and the
                // caller hears before the checkpoint: a kill in between repeats the epoch and its callback on resume;
                // the other order would lose the callback for good. run.json is written before the caller's onEnd.
                // The divergence check precedes the time check (a run that explodes on its last step is diverged),
                // and the time check comes last, so the others' time counts.
                LoopListeners listeners = new LoopListeners(List.of(log, new DivergenceListener(), grids, saveModel,
                        collapse, new RunRecordListener(files),
                        new CallerListener(caller, config, perEpoch, live, grids), checkpoints,
                        new TimeBudgetListener(config.budget(), clock)));
                Loop.End end = new Loop(config, data, new Steps(graph, config.seed()), perEpoch, listeners, clock)
                        .run(state);
                EpochState last = end.last();
                Stop stop = end.stop();
                TrainingRun run = new TrainingRun(config.variant().name(), config, data.description(), last.epoch(),
                        last.generatorSteps(), last.criticSteps(), last.imagesSeen(), clock.seconds(),
                        last.criticLoss(), last.generatorLoss(), stop.diverged(),
                        stop.diverged() ? stop.reason() : null, files.dir, checkpoints.latest(), grids.written(),
                        files.log(), saveModel.path(), collapse.result());
                listeners.onEnd(run);
                return run;
            }
        }
    }

    /** What the run trains on, checked: enough data, labels for conditional variants, the same data on a resume. */
    private static ModelInfo checkedModel(TrainConfig config, ImageDataset data, RunFiles files, boolean resuming) {
        int classes = config.variant().conditional() ? data.classNames().size() : 0;
        if (config.variant().conditional() && classes < 2) {
            throw new IllegalArgumentException(data.description() + ": expected labels with at least 2 classes for "
                    + config.variant().name() + ", found " + classes);
        }
        if (data.size() < config.batchSize()) {
            throw new IllegalArgumentException(data.description() + ": expected at least " + config.batchSize()
                    + " images for one batch, found " + data.size());
        }
        ModelInfo info = new ModelInfo(config.variant().name(), data.description(), data.size(),
                data.shape().height(), data.shape().width(), data.shape().channels(), classes,
                config.hyperparameters().latentDim(), classes > 0 ? data.classNames() : List.of());
        if (resuming && Files.exists(files.model())) {
            ModelInfo before = RunFiles.readJson(files.model(), ModelInfo.class);
            if (!before.equals(info)) {
                throw new IllegalArgumentException(files.model() + ": expected the data the run was trained on ("
                        + before.data() + ", " + before.images() + " images of " + before.shape() + "), found "
                        + info.data() + ", " + info.images() + " images of " + info.shape());
            }
        }
        return info;
    }

    /** The data order of epoch e: the same for every variant trained with this seed. */
    public static long epochSeed(long seed, int epoch) {
        return dev.ganiqa.datasets.Seeds.derive(seed, epoch);
    }
}
