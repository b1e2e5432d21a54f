package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.AtomicFiles;
import dev.ganiqa.reports.html.HtmlReport;
import dev.ganiqa.reports.model.Execution;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.trainers.Budget;
import dev.ganiqa.trainers.TrainingListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code ganiqa compare}: the whole path of the data, top to bottom. Dataset -> seeded training subset and the
 * held-out test split -> real reference (test features, the real-data row) -> for every (seed, variant) unit:
 * train, sample, save PNGs, evaluate -> statistics across seeds -> results.json -> report.html.
 * After every unit results.json and the report are rewritten atomically, so an interrupted comparison leaves a
 * valid report of what is done, and rerunning the same command skips the finished units. A rerun with a larger
 * budget on the same axis extends the comparison: every unit continues from its checkpoint and is evaluated
 * again. The run folder is locked while a comparison runs in it ({@link RunFolder}); what a rerun may reuse, and
 * its refusal of changed data or recipes, are the rules of {@link Continuation}; this class keeps the loop.
 */
public final class Comparison implements Executor {
    /** The execution a local comparison records: every unit in this process. */
    static final Execution LOCAL = new Execution("local", List.of(), Map.of());


    private final CompareConfig config;
    private final Path runDir;
    private final PrintStream err;
    private final Map<String, String> env;
    private final List<String> commandLine;
    private final Function<String, TrainingListener> progress;
    private final java.util.function.IntFunction<Parallelism> parallelism;
    private final Continuation continuation;
    /** The results as recorded so far; rewritten after every unit. */
    private RunResults results;
    /** The tuning search whose choices the variants' settings carry (recorded in the provenance), or null. */
    private dev.ganiqa.reports.model.Tuning tuning;

    /**
     * @param progress    a training listener per unit (a progress bar), given the unit's name
     * @param parallelism how to run the units, given how many are left
     */
    public Comparison(CompareConfig config, Path runDir, PrintStream err, Map<String, String> env,
                      List<String> commandLine, Function<String, TrainingListener> progress,
                      java.util.function.IntFunction<Parallelism> parallelism) {
        this.config = config;
        this.parallelism = parallelism;
        this.runDir = runDir;
        this.err = err;
        this.env = Map.copyOf(env);
        this.commandLine = List.copyOf(commandLine);
        this.progress = progress;
        this.continuation = new Continuation(config, runDir, commandLine);
    }

    /** Records {@code t} (may be null) as the search that chose the tuned settings in {@code config}. */
    public Comparison withTuning(dev.ganiqa.reports.model.Tuning t) {
        this.tuning = t;
        return this;
    }

    @Override
    public Outcome execute() throws IOException, InterruptedException {
        try (RunFolder folder = RunFolder.lock(runDir)) {
            return run(folder);
        }
    }

    private Outcome run(RunFolder folder) throws IOException, InterruptedException {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        boolean continuing = Files.exists(runDir.resolve(RunFolder.CONFIG));
        Optional<Budget> extendedFrom = folder.check(config);
        if (continuing) {
            notice(extendedFrom.map(b -> "extending the comparison in " + runDir + " from " + b + " to "
                    + config.budget() + ": every unit continues from its checkpoint").orElse(
                    "continuing the comparison in " + runDir));
        }
        // Also when compare.json is missing: a run killed early may have left temporaries before writing it.
        for (Path removed : folder.removeTemporaries()) {
            notice("removed " + runDir.relativize(removed) + ", left by an interrupted write");
        }
        Path resultsFile = runDir.resolve(ResultsJson.FILE_NAME);
        Path report = runDir.resolve("report.html");
        RunResults earlier = Files.exists(resultsFile) ? ResultsJson.read(resultsFile) : null;
        Plan plan = Plan.of(config);
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        Parallelism par = parallelism.apply(continuation.left(plan, earlier).size());
        // The comparing process prepares with every core; it trains too only when units run one at a time.
        try (Workspace ws = Workspace.open(config, env, par.jobs() == 1 ? par.threads() : cores, this::notice)) {
            if (earlier != null) {
                continuation.checkSameData(earlier, ws.train, ws.validation, ws.test);
                continuation.checkSameRecipes(earlier);
            }
            folder.record(config);
            UnitEvaluator evaluator = ws.evaluator();
            results = earlier != null ? earlier
                    : new RunResults(RunResults.SCHEMA_VERSION, runDir.getFileName().toString(),
                            ProvenanceFactory.create(config, ws.source.spec(), ws.train, ws.validation, ws.test, ws.extractor, started,
                                    commandLine).withExecution(LOCAL).withTuning(tuning), ResultsMapping.catalogue(), List.of(),
                            null, List.of(), List.of(), null);
            if (extendedFrom.isPresent()) {
                results = results.withProvenance(continuation.extended(results.provenance()));
            }
            // From the first write on, results.json says which planned units have no result yet.
            results = PlannedUnits.record(results, plan);
            double spent = results.provenance().wallSeconds();
            if (results.reference() == null) {
                results = results.withReference(RealRow.measure(config, ws.train, evaluator, runDir, this::notice));
                ResultsJson.write(results, resultsFile, AtomicFiles::write);
            }
            ws.units(runDir);
            if (par.jobs() > 1) {
                // What every worker reads instead of computing it again (the Slurm route's shared work).
                if (!Workspace.isShared(runDir)) {
                    ws.share(runDir);
                }
                plan.write(runDir);
                results = continuation.mergeUnitFiles(results, plan);
            }
            Map<String, Double> shares = new LinkedHashMap<>();
            List<Plan.Entry> left = continuation.left(plan, results);
            for (Plan.Entry e : plan.units()) {
                var done = results.unit(e.variant(), e.seed());
                if (!left.contains(e)) {
                    notice(String.format("unit %d/%d %s: recorded earlier (%s), skipped", e.index() + 1,
                            config.units(), e.name(), done.map(u -> u.status().toString()).orElse("?")));
                } else if (done.isPresent() && done.get().ok()) {
                    shares.put(e.name(), continuation.share(done.get()));
                } else {
                    // A unit killed mid-training continues from its last checkpoint: only the rest is estimated.
                    double share = continuation.shareFromCheckpoint(runDir.resolve("units").resolve(e.name())
                            .resolve("train"));
                    if (share < 1) {
                        shares.put(e.name(), share);
                    }
                }
            }
            Execution before = results.provenance().execution();
            results = results.withProvenance(results.provenance().withExecution(new Execution("local", List.of(),
                    before == null ? Map.of() : before.unitNodes(), par.jobs(),
                    before == null ? Map.of() : before.unitThreads())));
            new LocalRun(config, plan, runDir, ws, par, env, this::notice, progress, startNanos).run(left, shares,
                    (entry, unit, node, threads) -> {
                        Execution ex = results.provenance().execution().withUnit(entry.name(), node, threads);
                        results = Continuation.statistics(results.withUnit(unit).withUnitsSorted(continuation.planOrder())
                                .withProvenance(results.provenance().withExecution(ex)), plan);
                        ResultsJson.write(results, resultsFile, AtomicFiles::write);
                        new HtmlReport().write(results, runDir, runDir, report, AtomicFiles::write);
                    });
            Instant finished = Instant.now();
            results = Continuation.statistics(results.withProvenance(results.provenance().withTimes(finished,
                    spent + Duration.between(started, finished).toMillis() / 1000.0)), plan);
            ResultsJson.write(results, resultsFile, AtomicFiles::write);
            new HtmlReport().write(results, runDir, runDir, report, AtomicFiles::write);
            return new Outcome(runDir, results, report);
        }
    }

    private void notice(String message) {
        err.println("ganiqa: " + message);
    }
}
