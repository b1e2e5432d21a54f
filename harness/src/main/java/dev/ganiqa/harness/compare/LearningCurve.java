package dev.ganiqa.harness.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.trainers.EpochSummary;
import dev.ganiqa.trainers.Generator;
import dev.ganiqa.trainers.Samples;
import dev.ganiqa.trainers.StepStats;
import dev.ganiqa.trainers.TrainingListener;
import dev.ganiqa.reports.model.EpochPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the learning curve of one unit: at the end of every epoch (and where a budget stops inside one), the
 * FID of {@code samples} images drawn from fixed noise (the same for every variant and point), the mean losses
 * since the previous point and the point's position on every budget axis. Each point is appended
 * to curve.jsonl as soon as it exists, so a resumed unit keeps the points of the epochs it had finished.
 */
final class LearningCurve implements TrainingListener {
    /** Curve samples use their own noise, independent of the unit seed, so curves compare across units. */
    static final long CURVE_SEED = 0xC0FFEEL;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnitEvaluator evaluator;
    private final int samples;
    private final Path file;
    private final List<String> classNames;
    private final int[] classCounts;
    private final List<EpochPoint> points = new ArrayList<>();
    private final Map<String, double[]> sums = new LinkedHashMap<>();

    /** @param classCounts the training images per class (empty for unconditional generators), see {@link ClassMix} */
    LearningCurve(UnitEvaluator evaluator, int samples, List<String> classNames, int[] classCounts, Path file) {
        this.evaluator = evaluator;
        this.classNames = List.copyOf(classNames);
        this.classCounts = classCounts.clone();
        this.samples = samples;
        this.file = file;
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        add(JSON.readValue(line, EpochPoint.class));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the learning curve " + file + ": " + e.getMessage(), e);
            }
        }
    }

    List<EpochPoint> points() {
        return List.copyOf(points);
    }

    @Override
    public void onStep(StepStats s) {
        add("critic", s.criticLoss());
        add("generator", s.generatorLoss());
        add("wasserstein", s.wasserstein());
        add("gradient_penalty", s.gradientPenalty());
    }

    private void add(String name, double value) {
        if (Double.isFinite(value)) {
            double[] sum = sums.computeIfAbsent(name, k -> new double[2]);
            sum[0] += value;
            sum[1]++;
        }
    }

    @Override
    public void onEpochEnd(EpochSummary summary, Generator generator) {
        record(summary.epoch(), summary, generator);
    }

    /** A budget that ends inside an epoch ends the curve there too, so its last point is the unit's end. */
    @Override
    public void onBudgetEnd(EpochSummary summary, Generator generator) {
        record(summary.epoch() + 1, summary, generator);
    }

    /** A point replaces one at the same step (a unit trained again after a kill repeats the points it redoes). */
    private void add(EpochPoint point) {
        points.removeIf(p -> p.criticSteps() == null ? p.epoch() == point.epoch()
                : p.criticSteps().equals(point.criticSteps()));
        points.add(point);
    }

    private void record(int epoch, EpochSummary summary, Generator generator) {
        Map<String, Double> losses = new LinkedHashMap<>();
        sums.forEach((name, sum) -> losses.put(name, sum[0] / sum[1]));
        sums.clear();
        Double fid = null;
        Double spread = null;
        if (samples > 0) {
            double[] f = evaluator.curveFid(sampleSet(generator, samples, CURVE_SEED, "curve", classNames, classCounts),
                    CURVE_SEED + epoch);
            fid = f[0];
            spread = Double.isFinite(f[1]) ? f[1] : null;
        }
        EpochPoint point = new EpochPoint(epoch, fid, losses, summary.criticSteps(), summary.generatorSteps(),
                summary.imagesSeen(), summary.elapsedSeconds(), spread);
        add(point);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(point) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the learning curve " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code n} samples as an in-memory dataset; conditional generators get labels in the proportions of
     * {@code classCounts}, the classes of their training data ({@link ClassMix}).
     */
    static ArrayDataset sampleSet(Generator generator, int n, long seed, String description, List<String> classNames,
                                  int[] classCounts) {
        int classes = generator.classes();
        int[] labels = null;
        if (classes > 0) {
            if (classCounts.length != classes) {
                throw new IllegalArgumentException("expected the counts of " + classes + " classes, found "
                        + classCounts.length);
            }
            labels = ClassMix.labels(n, classCounts);
        }
        Samples s = generator.sample(n, labels, seed);
        if (classes > 0 && classNames.size() != classes) {
            throw new IllegalArgumentException("expected " + classes + " class names for the generator, found "
                    + classNames.size());
        }
        return new ArrayDataset(description, s.shape(), s.pixels(), s.labels(),
                classes > 0 ? classNames : List.of(), null, List.of());
    }
}
