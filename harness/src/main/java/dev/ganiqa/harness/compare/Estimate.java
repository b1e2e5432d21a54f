package dev.ganiqa.harness.compare;

import dev.ganiqa.trainers.GanVariant;
import dev.ganiqa.trainers.GanVariants;
import dev.ganiqa.trainers.Loss;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The duration a comparison prints before its units start, and again after each unit: per-unit costs (training
 * batches x seconds per batch, plus epoch ends, learning-curve points and the final evaluation) scheduled on the
 * run's parallel workers in the order they take the units.
 *
 * <p>Seconds per batch come from a {@link SpeedProbe} of every recipe on the machine that runs the comparison, under
 * the run's own parallelism; only comparisons too small to be worth a probe use the reference figures below. The
 * parts the probe does not time (epoch ends, curve points, evaluation) are measured constants scaled by how much
 * slower the probe found this machine than the reference. After a unit finishes, the forecast is corrected by the
 * ratio of the finished units' measured wall time to their forecast.
 */
public final class Estimate {
    /**
     * Reference seconds per training batch (batch 64, 28x28x1) with 2 TF threads, one unit at a time, on an idle
     * 2-core Intel Xeon (AVX-512, oneDNN on), 2026-12-04: the median batch of the default comparison's units (the
     * conditional recipes pay for the label path and the mode-seeking term's second generator pass). A DCGAN batch
     * is one D and one G step, a WGAN batch one critic step and a generator step every n_critic batches.
     */
    static final Map<String, Double> BATCH_SECONDS = Map.of("dcgan", 0.062, "cdcgan", 0.090, "wgan", 0.062,
            "cwgan", 0.073);
    /** Other variants: by loss, the unconditional recipe's figure. */
    static final double NON_SATURATING_BATCH = 0.062;
    static final double WASSERSTEIN_BATCH = 0.062;
    /** Graph building, the SavedModel export and loading the generator for sampling, per unit (same machine). */
    static final double UNIT_OVERHEAD = 0.4;
    /** Grid, collapse check and checkpoint at each epoch end. */
    static final double EPOCH_END = 0.1;
    /** One learning-curve point, per 1,000 curve samples. */
    static final double CURVE_PER_1000 = 0.3;
    /** Sampling, PNG writing and reading, features, metrics and image measures of one unit, per 1,000 samples. */
    static final double EVALUATION_PER_1000 = 0.8;
    /** Per side of the range: what neither the probe nor the corrections see (other load, evaluation, drift). */
    static final double SLACK = 0.10;
    private static final int REFERENCE_TRAIN_SIZE = 60_000;

    private Estimate() {
    }

    /**
     * Seconds per batch of each variant with a range, and how much slower than the reference machine the
     * parts outside the training steps run ({@code factor}).
     */
    record Costs(Map<String, double[]> perBatch, double factor, String basis) {
        /** Median, low, high seconds per batch of {@code variant}. */
        double[] of(String variant) {
            double[] c = perBatch.get(variant);
            if (c == null) {
                throw new IllegalArgumentException("expected a cost for " + variant + ", found " + perBatch.keySet());
            }
            return c;
        }
    }

    /** The reference figures (no probe): the machine is taken to be the reference machine. */
    static Costs reference(CompareConfig config) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String name : config.variants()) {
            double s = referenceBatch(name) * config.batch() / 64.0;
            out.put(name, new double[] {s, s, s});
        }
        return new Costs(out, 1.0, "reference figures of a 2-core machine, not this one");
    }

    /** Costs from probes (several per variant when several workers probed). */
    static Costs probed(CompareConfig config, List<SpeedProbe.Result> results) {
        Map<String, double[]> out = new LinkedHashMap<>();
        double measured = 0;
        double reference = 0;
        for (String name : config.variants()) {
            List<SpeedProbe.Result> mine = results.stream().filter(r -> r.variant().equals(name)).toList();
            if (mine.isEmpty()) {
                throw new IllegalArgumentException("expected a probe of " + name + ", found none");
            }
            double median = mine.stream().mapToDouble(SpeedProbe.Result::median).average().orElseThrow();
            double low = mine.stream().mapToDouble(SpeedProbe.Result::low).min().orElseThrow();
            double high = mine.stream().mapToDouble(SpeedProbe.Result::high).max().orElseThrow();
            out.put(name, new double[] {median, low, high});
            measured += median;
            reference += referenceBatch(name) * config.batch() / 64.0;
        }
        return new Costs(out, measured / reference, "timed on this machine");
    }

    private static double referenceBatch(String name) {
        GanVariant v = GanVariants.get(name);
        return BATCH_SECONDS.getOrDefault(name, v.loss() == Loss.WASSERSTEIN ? WASSERSTEIN_BATCH
                : NON_SATURATING_BATCH);
    }

    /** Training batches of a whole unit of {@code variant} under the comparison's budget, or -1 for a time budget. */
    static double batches(CompareConfig config, String variant, int trainSize) {
        double perEpoch = batchesPerEpoch(config, trainSize);
        return switch (config.budget().kind()) {
            case EPOCHS -> perEpoch * config.budget().epochs();
            case GENERATOR_STEPS -> (double) config.budget().generatorSteps()
                    * Overrides.apply(GanVariants.get(variant), config.settings()).nCritic();
            case TIME -> -1;
        };
    }

    /**
     * Seconds of one unit of {@code variant} that has {@code share} (0..1] of its training left, at {@code perBatch}
     * seconds per batch.
     */
    static double unitSeconds(CompareConfig config, String variant, int trainSize, double share, double perBatch,
                              double factor) {
        double perEpoch = batchesPerEpoch(config, trainSize);
        double batches = batches(config, variant, trainSize);
        double training = batches < 0 ? config.budget().minutes() * 60 * share : batches * share * perBatch;
        double epochs = batches < 0 ? config.budget().minutes() * 60 / perBatch / perEpoch
                : Math.ceil(batches * share / perEpoch);
        double outside = UNIT_OVERHEAD + epochs * epochEnd(config) + EVALUATION_PER_1000 * config.samples() / 1000.0;
        return training + outside * factor;
    }

    /**
     * Forecast seconds of one epoch at {@code perBatch} seconds per batch (every recipe's epoch is the same batches):
     * its batches and what follows each epoch, as {@link #unitSeconds} counts them.
     */
    static double epochSeconds(CompareConfig config, int trainSize, double perBatch, double factor) {
        return batchesPerEpoch(config, trainSize) * perBatch + epochEnd(config) * factor;
    }

    private static double batchesPerEpoch(CompareConfig config, int trainSize) {
        return Math.max(1, trainSize / config.batch());
    }

    /** What follows each epoch, before the machine's factor: the grid and the learning curve's samples. */
    private static double epochEnd(CompareConfig config) {
        return EPOCH_END + CURVE_PER_1000 * config.curveSamples() / 1000.0;
    }

    /** One unit still to run: its variant and the share of its training left (1 when it starts from scratch). */
    record Work(String variant, double share) {
    }

    /**
     * A forecast of the seconds from now to the end, with a range.
     *
     * @param basis what it rests on, in words
     */
    record Forecast(double seconds, double low, double high, String basis) {
        String describe() {
            return "about " + duration(seconds) + " (" + duration(low) + " to " + duration(high) + "; " + basis + ")";
        }
    }

    /**
     * The forecast for {@code pending} units taken in this order by {@code jobs} workers, of which some are busy
     * for {@code busy} more seconds; {@code correction} scales every unit (measured / forecast of finished units).
     */
    static Forecast forecast(CompareConfig config, int trainSize, List<Work> pending, List<Double> busy, int jobs,
                             Costs costs, double correction, String basis) {
        double[] totals = new double[3];
        for (int k = 0; k < 3; k++) {
            List<Double> units = new ArrayList<>();
            for (Work w : pending) {
                units.add(correction * unitSeconds(config, w.variant(), trainSize, w.share(), costs.of(w.variant())[k],
                        costs.factor()));
            }
            totals[k] = makespan(units, busy, jobs);
        }
        return new Forecast(totals[0], totals[1] * (1 - SLACK), totals[2] * (1 + SLACK), basis);
    }

    /**
     * When the last of {@code units} ends if {@code jobs} workers take them in order, each the next one as soon as
     * it is free (the workers' dispatch), with the workers in {@code busy} free only after those seconds.
     */
    static double makespan(List<Double> units, List<Double> busy, int jobs) {
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int i = 0; i < jobs; i++) {
            free.add(i < busy.size() ? Math.max(0, busy.get(i)) : 0.0);
        }
        double end = free.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        for (double u : units) {
            double start = free.poll();
            free.add(start + u);
            end = Math.max(end, start + u);
        }
        return end;
    }

    /** The training-set size of a comparison as the estimate assumes it before the data is opened. */
    static int trainSize(CompareConfig config) {
        return config.trainLimit() > 0 ? config.trainLimit() : REFERENCE_TRAIN_SIZE;
    }

    /** 45 s, 5 min 40 s (to 10 s below 10 minutes), 38 min, 4.2 h. */
    static String duration(double seconds) {
        if (seconds < 90) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 600) {
            long tens = Math.round(seconds / 10);
            return tens / 6 + " min" + (tens % 6 == 0 ? "" : " " + tens % 6 * 10 + " s");
        }
        if (seconds < 5400) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
