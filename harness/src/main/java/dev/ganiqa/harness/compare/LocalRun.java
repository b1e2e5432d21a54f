package dev.ganiqa.harness.compare;

import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.trainers.EpochSummary;
import dev.ganiqa.trainers.Generator;
import dev.ganiqa.trainers.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the units a local comparison has left, on this machine: one after another in the comparing process
 * ({@code jobs} 1), or on {@link LocalWorkers} processes. Before the first unit it prints the expected duration,
 * calibrated by a {@link SpeedProbe} of every recipe under the run's own parallelism when the comparison is long
 * enough for the probe to be worth its seconds; after each unit it prints what is left, corrected by the units
 * measured so far.
 */
final class LocalRun {
    /** Comparisons forecast shorter than this (by the reference figures) are not probed. */
    static final double PROBE_WORTH_SECONDS = 180;
    /** Timing windows per recipe, in all (the warm-up and the graph building come on top). */
    static final double PROBE_SECONDS = 1.2;
    /**
     * Without a probe: single-threaded units side by side take this much longer per batch than one unit with both
     * cores (96 vs 61.5 ms for a DCGAN batch on the 2-core Intel Xeon, BENCHMARKS.md).
     */
    static final double PARALLEL_SLOWDOWN = 1.56;

    /** Where each unit's result goes (results.json and the report), with the host and threads it ran with. */
    interface Recorder {
        void record(Plan.Entry unit, UnitResult result, String node, Integer threads) throws IOException;
    }

    private final CompareConfig config;
    private final Path runDir;
    private final Workspace ws;
    private final Parallelism parallelism;
    private final Map<String, String> env;
    private final Consumer<String> notice;
    private final Function<String, TrainingListener> progress;
    /** When this session of the comparison began (System.nanoTime), for the total in the announcement. */
    private final long startNanos;
    /** A tuning search's units: scored on the validation split only ({@link Plan#validationOnly()}). */
    private final boolean validationOnly;
    /** Units in the plan, for "unit i/N". */
    private final int total;

    LocalRun(CompareConfig config, Plan plan, Path runDir, Workspace ws, Parallelism parallelism,
             Map<String, String> env, Consumer<String> notice, Function<String, TrainingListener> progress,
             long startNanos) {
        this.config = config;
        this.validationOnly = plan.validationOnly();
        this.total = plan.units().size();
        this.startNanos = startNanos;
        this.runDir = runDir;
        this.ws = ws;
        this.parallelism = parallelism;
        this.env = Map.copyOf(env);
        this.notice = notice;
        this.progress = progress;
    }

    /**
     * Runs {@code left} (in plan order; {@code shares}: the share of training each has left, 1 when absent) and
     * records each result.
     */
    void run(List<Plan.Entry> left, Map<String, Double> shares, Recorder recorder)
            throws IOException, InterruptedException {
        if (left.isEmpty()) {
            return;
        }
        if (parallelism.jobs() == 1) {
            Estimate.Costs costs = worthProbing(left, shares) ? probeHere() : reference();
            Forecaster forecaster = announce(left, shares, costs);
            sequential(left, shares, forecaster, recorder);
            return;
        }
        try (LocalWorkers workers = new LocalWorkers(runDir, parallelism, env, notice)) {
            workers.start();
            Estimate.Costs costs = reference();
            if (worthProbing(left, shares)) {
                notice.accept("timing each recipe for a few batches on " + parallelism.jobs() + " workers, to "
                        + "calibrate the estimate");
                costs = Estimate.probed(config, workers.probe(config.variants(), PROBE_SECONDS));
            }
            List<Plan.Entry> order = dispatchOrder(left, shares, costs);
            Forecaster forecaster = announce(order, shares, costs);
            workers.run(order, new LocalWorkers.Sink() {
                @Override
                public void started(Plan.Entry unit, int worker) {
                    forecaster.started(unit);
                    notice.accept(String.format("unit %d/%d %s: %s (worker %d)", unit.index() + 1, total,
                            unit.name(), what(unit, shares), worker));
                }

                @Override
                public void epoch(Plan.Entry unit, int epoch, int of, double seconds) {
                    notice.accept(String.format(Locale.ROOT, "%s: epoch %d%s done, %.0f s", unit.name(), epoch,
                            of > 0 ? "/" + of : "", seconds));
                    epochEnded(unit, epoch, forecaster);
                }

                @Override
                public void finished(Plan.Entry unit, UnitResult result, UnitFile file) throws IOException {
                    recorder.record(unit, result, file == null ? null : file.node(), file == null ? null : file.threads());
                    ended(unit, result, forecaster);
                }
            });
        }
    }

    private void sequential(List<Plan.Entry> left, Map<String, Double> shares, Forecaster forecaster,
                            Recorder recorder) throws IOException, InterruptedException {
        UnitRunner units = validationOnly ? ws.tuningUnits(runDir) : ws.units(runDir);
        for (Plan.Entry unit : left) {
            notice.accept(String.format("unit %d/%d %s: %s", unit.index() + 1, total, unit.name(),
                    what(unit, shares)));
            forecaster.started(unit);
            TrainingListener timing = new TrainingListener() {
                @Override
                public void onEpochEnd(EpochSummary summary, Generator generator) {
                    epochEnded(unit, summary.epoch(), forecaster);
                }
            };
            UnitResult result = UnitRunner.attempt(units, unit, validationOnly,
                    TrainingListener.both(progress.apply(unit.name()), timing), notice);
            recorder.record(unit, result, UnitTask.node(env), parallelism.threads());
            ended(unit, result, forecaster);
        }
    }

    private String what(Plan.Entry unit, Map<String, Double> shares) {
        return (shares.getOrDefault(unit.name(), 1.0) < 1 ? "continuing from its checkpoint to " : "training ")
                + ResultsMapping.budget(config).describe() + " on " + ws.train.size() + " images";
    }

    /** Until a whole unit has finished, the epochs correct the forecast; it is printed when it moved. */
    private void epochEnded(Plan.Entry unit, int epoch, Forecaster forecaster) {
        forecaster.epoch(unit, epoch);
        forecaster.epochUpdate().ifPresent(left -> notice.accept("after " + unit.name() + "'s epoch " + epoch
                + ", left: " + left.describe()));
    }

    private void ended(Plan.Entry unit, UnitResult result, Forecaster forecaster) {
        double took = forecaster.finished(unit, result.ok());
        Estimate.Forecast left = forecaster.remaining();
        notice.accept(String.format(Locale.ROOT, "unit %d/%d %s: %s in %s%s", unit.index() + 1, total,
                unit.name(), result.status(), Estimate.duration(took), left.seconds() > 0
                        ? "; left: " + left.describe() : ""));
    }

    /** Prints the expected duration of {@code order} and returns the forecaster that keeps it up to date. */
    private Forecaster announce(List<Plan.Entry> order, Map<String, Double> shares, Estimate.Costs costs) {
        Forecaster f = new Forecaster(config, ws.train.size(), costs, parallelism.jobs(), order, shares);
        Estimate.Forecast left = f.remaining();
        double spent = (System.nanoTime() - startNanos) / 1e9;
        notice.accept("expected duration of the " + order.size() + " unit" + (order.size() == 1 ? "" : "s") + " left, "
                + parallelism.describe() + ": " + left.describe() + "; with the " + Estimate.duration(spent)
                + " spent so far, about " + Estimate.duration(spent + left.seconds()) + " in all");
        return f;
    }

    private boolean worthProbing(List<Plan.Entry> left, Map<String, Double> shares) {
        Forecaster f = new Forecaster(config, ws.train.size(), reference(), parallelism.jobs(), left, shares);
        return f.remaining().seconds() >= PROBE_WORTH_SECONDS;
    }

    private Estimate.Costs reference() {
        Estimate.Costs c = Estimate.reference(config);
        if (parallelism.jobs() == 1) {
            return c;
        }
        java.util.Map<String, double[]> slower = new java.util.LinkedHashMap<>();
        c.perBatch().forEach((v, s) -> slower.put(v, new double[] {s[0] * PARALLEL_SLOWDOWN, s[1] * PARALLEL_SLOWDOWN,
            s[2] * PARALLEL_SLOWDOWN}));
        return new Estimate.Costs(slower, PARALLEL_SLOWDOWN, c.basis());
    }

    private Estimate.Costs probeHere() {
        notice.accept("timing each recipe for a few batches, to calibrate the estimate");
        List<SpeedProbe.Result> results = new ArrayList<>();
        for (String v : config.variants()) {
            results.add(SpeedProbe.measure(config, ws.train, v, parallelism.threads(), PROBE_SECONDS));
        }
        return Estimate.probed(config, results);
    }

    /**
     * Seed by seed (so a partial run has whole seeds to compare), the longest units of each seed first, so the
     * last units to end are short and the workers finish close together.
     */
    private List<Plan.Entry> dispatchOrder(List<Plan.Entry> left, Map<String, Double> shares, Estimate.Costs costs) {
        Forecaster f = new Forecaster(config, ws.train.size(), costs, parallelism.jobs(), left, shares);
        List<Long> seeds = config.seeds();
        return left.stream().sorted(Comparator.comparingInt((Plan.Entry e) -> seeds.indexOf(e.seed()))
                .thenComparing(Comparator.comparingDouble(f::unitSeconds).reversed())).toList();
    }
}
