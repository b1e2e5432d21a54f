package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageFolderWriter;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.metrics.eval.ExtractedSet;
import dev.ganiqa.reports.model.BestEpoch;
import dev.ganiqa.reports.model.Convergence;
import dev.ganiqa.reports.model.EpochPoint;
import dev.ganiqa.reports.model.ImageRef;
import dev.ganiqa.reports.model.NeighbourPair;
import dev.ganiqa.reports.model.PhaseTimes;
import dev.ganiqa.reports.model.TrainingStats;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.UnitStatus;
import dev.ganiqa.metrics.eval.MetricDefinitions;
import dev.ganiqa.trainers.GanVariant;
import dev.ganiqa.trainers.GanVariants;
import dev.ganiqa.trainers.Generator;
import dev.ganiqa.trainers.Generators;
import dev.ganiqa.trainers.TrainConfig;
import dev.ganiqa.trainers.Trainer;
import dev.ganiqa.trainers.TrainingListener;
import dev.ganiqa.trainers.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One (variant, seed) unit of a comparison: train under the equal budget (or continue a killed training from
 * its last checkpoint), draw the samples, save them as 8-bit PNGs, read that folder back and evaluate it, so the
 * numbers are those of the files on disk, the same that {@code ganiqa metrics} computes on them later.
 */
final class UnitRunner {
    /** Final samples use noise of their own, derived from the unit seed. */
    static final long SAMPLE_STREAM = 0x5A3D1EL;
    static final int NEIGHBOURS = 8;

    private final CompareConfig config;
    private final ImageDataset train;
    private final UnitEvaluator evaluator;
    private final UnitEvaluator validation;
    private final ExtractedSet trainFeatures;
    private final Path runDir;
    private final int threads;

    /**
     * @param evaluator  against the test split: the unit's reported numbers
     * @param validation against the validation split: the learning curve, the best epoch and the convergence
     */
    UnitRunner(CompareConfig config, ImageDataset train, UnitEvaluator evaluator, UnitEvaluator validation,
               ExtractedSet trainFeatures, Path runDir, int threads) {
        this.config = config;
        this.validation = validation;
        this.threads = threads;
        this.train = train;
        this.evaluator = evaluator;
        this.trainFeatures = trainFeatures;
        this.runDir = runDir;
    }

    static String unitName(String variant, long seed) {
        return variant + "-seed" + seed;
    }

    /**
     * Trains (or continues) {@code unit} and evaluates it: against the test split, or with {@code validationOnly}
     * (a tuning trial) by its last learning-curve point against the validation split alone, without sampling.
     */
    UnitResult run(Plan.Entry unit, boolean validationOnly, TrainingListener progress)
            throws IOException, InterruptedException {
        // The budget it was trained to travels with the unit: a later extension that stops before continuing it
        // leaves the unit behind the run's budget, and results.json must say so.
        return trainAndEvaluate(unit, validationOnly, progress).withBudget(ResultsMapping.budget(config));
    }

    private UnitResult trainAndEvaluate(Plan.Entry unit, boolean validationOnly, TrainingListener progress)
            throws IOException, InterruptedException {
        GanVariant variant = GanVariants.get(unit.variant());
        long seed = unit.seed();
        Path unitDir = runDir.resolve("units").resolve(unit.name());
        Path trainDir = unitDir.resolve("train");
        int[] classCounts = variant.conditional() ? ClassMix.counts(train) : new int[0];
        LearningCurve curve = new LearningCurve(validation, config.curveSamples(),
                variant.conditional() ? train.classNames() : List.of(), classCounts, unitDir.resolve("curve.jsonl"));
        TrainingListener listener = TrainingListener.both(progress, curve);
        long t0 = System.nanoTime();
        TrainingRun run;
        if (Files.exists(trainDir.resolve("config.json"))) {
            run = Trainer.resume(trainDir, train, config.budget(), threads, listener);
        } else {
            TrainConfig tc = TrainConfig.defaults(variant, config.budget(), seed)
                    .withHyperparameters(Overrides.apply(variant, settings(config, unit))).withBatchSize(config.batch())
                    .withThreads(threads);
            run = Trainer.train(tc, train, trainDir, listener);
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        TrainingStats stats = new TrainingStats(run.epochsDone(), run.generatorSteps(), run.criticSteps(),
                run.imagesSeen(), run.wallSeconds(), ResultsMapping.collapse(run.collapse()));
        List<EpochPoint> points = curve.points();
        BestEpoch best = points.stream().filter(p -> p.fid() != null && Double.isFinite(p.fid()))
                .min(Comparator.comparingDouble(EpochPoint::fid)).map(p -> new BestEpoch(p.epoch(), p.fid()))
                .orElse(null);
        ImageRef grid = run.grids().isEmpty() ? null : ImageRef.file(runDir.relativize(
                run.grids().get(run.grids().size() - 1)).toString(), variant.name() + ", seed " + seed
                + ", epoch " + run.epochsDone() + " (fixed noise and labels)");
        if (run.diverged()) {
            return new UnitResult(variant.name(), seed, UnitStatus.DIVERGED, run.divergedReason(), stats,
                    new PhaseTimes(trainSeconds, 0, 0, 0), points, best, Map.of(), Map.of(), null, grid, List.of());
        }
        if (validationOnly) {
            EpochPoint last = points.isEmpty() ? null : points.get(points.size() - 1);
            Map<String, dev.ganiqa.reports.model.MetricValue> metrics = last == null || last.fid() == null ? Map.of()
                    : Map.of(MetricDefinitions.FID_VALIDATION, new dev.ganiqa.reports.model.MetricValue(last.fid(),
                            last.fidError(), config.curveSamples(), 0, 0));
            return new UnitResult(variant.name(), seed, UnitStatus.OK, null, stats,
                    new PhaseTimes(trainSeconds, 0, 0, 0), points, best, metrics, Map.of(), null, grid, List.of(),
                    CurveTrend.of(points, ResultsMapping.budget(config), null, null));
        }
        long t1 = System.nanoTime();
        Path samplesDir = unitDir.resolve("samples");
        try (Generator generator = Generators.load(trainDir)) {
            ArrayDataset samples = LearningCurve.sampleSet(generator, config.samples(), dev.ganiqa.datasets.Seeds.derive(seed,
                    SAMPLE_STREAM), variant.name() + " samples", variant.conditional() ? train.classNames() : List.of(),
                    classCounts);
            writeAtomically(samples, samplesDir);
        }
        double sampleSeconds = (System.nanoTime() - t1) / 1e9;
        ImageDataset saved = Datasets.open(samplesDir.toString()).open(Split.TRAIN);
        UnitEvaluation eval = evaluator.evaluate(saved);
        Convergence convergence = CurveTrend.of(points, ResultsMapping.budget(config), value(eval, "recall"),
                value(eval, "coverage"));
        List<NeighbourPair> neighbours = neighbours(saved, eval.features());
        return new UnitResult(variant.name(), seed, UnitStatus.OK, null, stats,
                new PhaseTimes(trainSeconds, sampleSeconds, eval.featureSeconds(), eval.metricSeconds()), points, best,
                eval.metrics(), eval.imageMeasures(), eval.perClass(), grid, neighbours, convergence);
    }

    /** The comparison's overrides, then the unit's own (a tuning trial's setting), which win. */
    static List<String> settings(CompareConfig config, Plan.Entry unit) {
        List<String> all = new ArrayList<>(config.settings());
        all.addAll(unit.settings());
        return all;
    }

    private static Double value(UnitEvaluation eval, String metric) {
        var v = eval.metrics().get(metric);
        return v == null ? null : v.value();
    }

    /** Samples go to a temporary folder first, so an interrupted write never looks like a finished one. */
    private static void writeAtomically(ArrayDataset samples, Path dir) throws IOException {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        deleteTree(tmp);
        ImageFolderWriter.write(samples, tmp, Integer.MAX_VALUE);
        deleteTree(dir);
        Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteTree(Path dir) throws IOException {
        try {
            dev.ganiqa.datasets.Folders.deleteTree(dir);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The memorisation panel: for the first samples, the closest training image in the extractor's feature space
     * (Euclidean). A distance near zero would mean the generator reproduces its training data.
     */
    private List<NeighbourPair> neighbours(ImageDataset samples, ExtractedSet fake) {
        List<NeighbourPair> out = new ArrayList<>();
        int n = Math.min(NEIGHBOURS, samples.size());
        int dim = fake.features().cols();
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int j = 0; j < trainFeatures.size(); j++) {
                double d = 0;
                for (int k = 0; k < dim && d < bestDistance; k++) {
                    double diff = fake.features().get(i, k) - trainFeatures.features().get(j, k);
                    d += diff * diff;
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = j;
                }
            }
            ImageRef sample = ImageRef.png(png(samples.image(i), samples.shape()), samples.name(i));
            ImageRef nearest = ImageRef.png(png(train.image(best), train.shape()),
                    Objects.requireNonNullElse(train.name(best), "train " + best));
            out.add(new NeighbourPair(sample, nearest, best, Math.sqrt(bestDistance), "features"));
        }
        return out;
    }

    /** PNG bytes of one image, for the small images embedded in results.json. */
    private static byte[] png(byte[] pixels, dev.ganiqa.datasets.ImageShape shape) {
        try {
            return dev.ganiqa.datasets.Png.encode(pixels, shape);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot encode a PNG: " + e.getMessage(), e);
        }
    }

    /** Runs one unit; its failure (a crash in training, a full disk) is recorded as FAILED, not thrown. */
    static UnitResult attempt(UnitRunner units, Plan.Entry unit, boolean validationOnly, TrainingListener listener,
                              java.util.function.Consumer<String> notice) throws InterruptedException {
        try {
            return units.run(unit, validationOnly, listener);
        } catch (IOException | RuntimeException e) {
            // One unit's failure (a crash in training, a full disk) is recorded; the comparison goes on.
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            notice.accept("unit " + unit.name() + " failed: " + reason);
            return failed(unit.variant(), unit.seed(), reason);
        }
    }

    /** The record of a unit that did not finish: no numbers, the reason in words; a rerun tries it again. */
    static UnitResult failed(String variant, long seed, String reason) {
        return new UnitResult(variant, seed, UnitStatus.FAILED, reason, null, null, List.of(), null, Map.of(),
                Map.of(), null, null, List.of());
    }
}
