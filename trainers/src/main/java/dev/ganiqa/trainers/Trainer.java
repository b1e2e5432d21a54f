package dev.ganiqa.trainers;

import dev.ganiqa.datasets.Batch;
import dev.ganiqa.datasets.ImageDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The training loop: per batch one critic step (a fresh real batch each, as in WGAN algorithm 1) and, after
 * every n_critic-th critic step, one generator step. Each epoch visits the data in the order
 * {@code data.batches(batch, epochSeed, dropLast=true)}, identical for every variant of a seed. At the end of
 * each epoch: the fixed-noise grid, the collapse check ({@link CollapseCheck}: a flag, the run goes on), an atomic
 * checkpoint, then the listener.
 */
public final class Trainer {
    static final int GRID_IMAGES = 100;
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

    private static TrainingRun run(TrainConfig config, ImageDataset data, RunFiles files, TrainingListener listener,
                                   Optional<Path> checkpoint) {
        Hyperparameters hp = config.hyperparameters();
        int classes = config.variant().conditional() ? data.classNames().size() : 0;
        if (config.variant().conditional() && classes < 2) {
            throw new IllegalArgumentException(data.description() + ": expected labels with at least 2 classes for "
                    + config.variant().name() + ", found " + classes);
        }
        int perEpoch = data.size() / config.batchSize();
        if (perEpoch < 1) {
            throw new IllegalArgumentException(data.description() + ": expected at least " + config.batchSize()
                    + " images for one batch, found " + data.size());
        }
        ModelInfo info = new ModelInfo(config.variant().name(), data.description(), data.size(),
                data.shape().height(), data.shape().width(), data.shape().channels(), classes, hp.latentDim(),
                classes > 0 ? data.classNames() : List.of());
        if (checkpoint.isPresent() && Files.exists(files.model())) {
            ModelInfo before = RunFiles.readJson(files.model(), ModelInfo.class);
            if (!before.equals(info)) {
                throw new IllegalArgumentException(files.model() + ": expected the data the run was trained on ("
                        + before.data() + ", " + before.images() + " images of " + before.shape() + "), found "
                        + info.data() + ", " + info.images() + " images of " + info.shape());
            }
        }
        RunFiles.writeJson(files.model(), info);
        Checkpoints.removeTemporaries(files);
        TrainState state = checkpoint.map(p -> RunFiles.readJson(p.resolve("state.json"), TrainState.class))
                .orElse(TrainState.start());
        try (GanGraph graph = new GanGraph(hp, data.shape(), classes, config.seed(), config.threads());
             Generator live = Steps.live(graph, data.shape(), () -> { })) {
            if (checkpoint.isPresent()) {
                graph.session.restore(RunFiles.prefix(checkpoint.get()));
            }
            truncateLog(files.log(), state.logBytes());
            listener.onStart(config, perEpoch, config.budget().epochs(), state);
            CollapseCheck collapse = collapseCheck(data, classes > 0, files, state.epoch());
            Loop loop = new Loop(config, data, files, listener, graph, live, perEpoch, state, collapse);
            loop.run();
            return loop.finish();
        }
    }

    /** The real spread, measured once per session on the training data, and the epochs of earlier sessions. */
    private static CollapseCheck collapseCheck(ImageDataset data, boolean byClass, RunFiles files, int epoch) {
        double real = WithinClassSpread.ofData(data, byClass);
        if (!Double.isFinite(real)) {
            throw new IllegalArgumentException(data.description() + ": expected at least 2 images "
                    + (byClass ? "in some class " : "") + "to measure the real spread, found fewer");
        }
        List<Collapse.Point> earlier = List.of();
        if (Files.exists(files.collapse())) {
            earlier = RunFiles.readJson(files.collapse(), Collapse.class).epochs().stream()
                    .filter(p -> p.epoch() <= epoch).toList();
        }
        return new CollapseCheck(byClass, real, earlier);
    }

    private static void truncateLog(Path log, long bytes) {
        try {
            Files.createDirectories(log.getParent());
            try (FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.truncate(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + log + ": " + e.getMessage(), e);
        }
    }

    /** Mutable state of one training session; lives only inside {@link #run}. */
    private static final class Loop {
        private final TrainConfig config;
        private final ImageDataset data;
        private final RunFiles files;
        private final TrainingListener listener;
        private final GanGraph graph;
        private final Generator live;
        private final Steps steps;
        private final int perEpoch;
        private final List<Path> grids = new ArrayList<>();
        private TrainState state;
        private double criticLoss;
        private double generatorLoss;
        private String diverged;
        private boolean nonFinite;
        private Path checkpoint;
        private final CollapseCheck collapse;
        private final long startNanos = System.nanoTime();
        /** Wall time of earlier sessions of this run (before a resume). */
        private final double earlierSeconds;

        Loop(TrainConfig config, ImageDataset data, RunFiles files, TrainingListener listener, GanGraph graph,
             Generator live, int perEpoch, TrainState state, CollapseCheck collapse) {
            this.config = config;
            this.data = data;
            this.files = files;
            this.listener = listener;
            this.graph = graph;
            this.live = live;
            this.steps = new Steps(graph, config.seed());
            this.perEpoch = perEpoch;
            this.state = state;
            this.collapse = collapse;
            this.earlierSeconds = state.wallSeconds();
            this.criticLoss = state.criticLoss();
            this.generatorLoss = state.generatorLoss();
            for (int e = 1; e <= state.epoch(); e++) {
                if (Files.exists(files.grid(e))) {
                    grids.add(files.grid(e));
                }
            }
            this.checkpoint = files.latestCheckpoint().orElse(null);
        }

        double elapsed() {
            return earlierSeconds + (System.nanoTime() - startNanos) / 1e9;
        }

        boolean outOfTime() {
            return config.budget().timed() && elapsed() >= config.budget().minutes() * 60;
        }

        /** A generator-step budget ends right after its last generator step, inside the epoch if need be. */
        boolean stepsDone(long generatorSteps) {
            long limit = config.budget().generatorSteps();
            return limit > 0 && generatorSteps >= limit;
        }

        boolean budgetReached() {
            return config.budget().reached(state.epoch(), state.generatorSteps(), elapsed());
        }

        void run() {
            try (Writer log = Files.newBufferedWriter(files.log(), StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
                int nCritic = config.hyperparameters().nCritic();
                while (diverged == null && !budgetReached()) {
                    int epoch = state.epoch();
                    Iterator<Batch> batches = data.batches(config.batchSize(), epochSeed(config.seed(), epoch), true)
                            .iterator();
                    for (int skip = 0; skip < state.batch(); skip++) {
                        batches.next();
                    }
                    long critic = state.criticSteps();
                    long gen = state.generatorSteps();
                    long seen = state.imagesSeen();
                    int b = state.batch();
                    while (b < perEpoch && diverged == null && !outOfTime() && !stepsDone(gen)) {
                        Batch batch = batches.next();
                        long t0 = System.nanoTime();
                        float[] c = steps.critic(batch, critic);
                        critic++;
                        seen += batch.size();
                        criticLoss = c[0];
                        double g = Double.NaN;
                        if (critic % nCritic == 0) {
                            g = steps.generator(batch.labels(), batch.size(), gen);
                            gen++;
                            generatorLoss = g;
                        }
                        double ms = (System.nanoTime() - t0) / 1e6;
                        boolean wasser = config.hyperparameters().loss() == Loss.WASSERSTEIN;
                        boolean gp = config.hyperparameters().lipschitz() == Lipschitz.GRADIENT_PENALTY;
                        StepStats stats = new StepStats(epoch, b, perEpoch, critic, gen, seen, c[0], g,
                                wasser ? c[1] : Double.NaN, gp ? c[2] : Double.NaN, ms, elapsed());
                        log.write(stats.toJson());
                        log.write('\n');
                        b++;
                        if (!Float.isFinite(c[0]) || !Float.isFinite(c[2]) || (!Double.isNaN(g) && !Double.isFinite(g))
                                || (Double.isNaN(g) && critic % nCritic == 0)) {
                            diverged = "non-finite loss at critic step " + critic + " (critic " + c[0]
                                    + ", penalty " + c[2] + ", generator " + g + ")";
                            nonFinite = true;
                        } else if (Math.abs(c[0]) > LOSS_BOUND || Math.abs(c[2]) > LOSS_BOUND
                                || (!Double.isNaN(g) && Math.abs(g) > LOSS_BOUND)) {
                            diverged = String.format("exploding loss at critic step %d: |loss| > %.0e (critic %.3g, "
                                    + "penalty %.3g, generator %.3g)", critic, LOSS_BOUND, c[0], c[2], g);
                        }
                        listener.onStep(stats);
                    }
                    log.flush();
                    long logBytes = Files.size(files.log());
                    boolean epochDone = b == perEpoch;
                    state = new TrainState(epochDone ? epoch + 1 : epoch, epochDone ? 0 : b, critic, gen, seen,
                            elapsed(), logBytes, criticLoss, generatorLoss);
                    if (nonFinite) {
                        break;
                    }
                    if (epochDone) {
                        endOfEpoch();
                    } else {
                        // As at an epoch end: the listener before the checkpoint.
                        if (diverged == null && budgetReached()) {
                            listener.onBudgetEnd(summary(null), live);
                        }
                        checkpoint = Checkpoints.write(graph, files, state);
                    }
                    if (budgetReached()) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + files.log() + ": " + e.getMessage(), e);
            }
        }

        private void endOfEpoch() {
            int epoch = state.epoch();
            Samples grid = live.sample(GRID_IMAGES, graph.classes > 0 ? Noise.gridLabels(GRID_IMAGES, graph.classes)
                    : null, Noise.GRID_SEED);
            Path png = files.grid(epoch);
            SampleGrid.write(grid, 10, png);
            grids.add(png);
            RunFiles.writeJson(files.collapse(), collapse.atEpochEnd(epoch, live));
            // The listener first (a learning-curve point), then the checkpoint: a kill in between repeats the epoch
            // and its point on resume; the other order would lose the point for good.
            listener.onEpochEnd(summary(png), live);
            checkpoint = Checkpoints.write(graph, files, state);
        }

        private EpochSummary summary(Path grid) {
            return new EpochSummary(state.epoch(), config.budget().epochs(), state.criticSteps(),
                    state.generatorSteps(), state.imagesSeen(), criticLoss, generatorLoss, state.wallSeconds(), grid);
        }

        TrainingRun finish() {
            Path savedModel = null;
            Collapse check = null;
            if (!nonFinite) {
                savedModel = files.savedModel();
                Export.savedModel(graph, files, savedModel);
                check = collapse.atEnd(state.epoch(), state.batch() == 0, live);
            }
            TrainingRun run = new TrainingRun(config.variant().name(), config, data.description(), state.epoch(),
                    state.generatorSteps(), state.criticSteps(), state.imagesSeen(), elapsed(), criticLoss,
                    generatorLoss, diverged != null, diverged, files.dir, checkpoint, List.copyOf(grids), files.log(),
                    savedModel, check);
            RunFiles.writeJson(files.result(), run);
            listener.onEnd(run);
            return run;
        }
    }

    /** The data order of epoch e: the same for every variant trained with this seed. */
    public static long epochSeed(long seed, int epoch) {
        return dev.ganiqa.datasets.Seeds.derive(seed, epoch);
    }
}
