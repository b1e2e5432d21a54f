package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Png;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.harness.compare.stats.SeedStatistics;
import dev.ganiqa.reports.html.HtmlReport;
import dev.ganiqa.reports.model.Execution;
import dev.ganiqa.reports.model.ImageRef;
import dev.ganiqa.reports.model.RealReference;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.UnitStatus;
import dev.ganiqa.trainers.GanVariants;
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
 * again. The run folder is locked while a comparison runs in it ({@link RunFolder}), and a rerun on changed data
 * is refused.
 */
public final class Comparison {
    /** Seed of the training subset and of the held-out split: fixed, so every unit and rerun sees the same data. */
    static final long SUBSET_SEED = 20_221_122L;
    /** Share of a source without a test split that is held out as the real reference. */
    static final double HOLDOUT = 0.1;

    /** The execution a local comparison records: every unit in this process. */
    static final Execution LOCAL = new Execution("local", List.of(), Map.of());

    public record Outcome(Path runDir, RunResults results, Path report) {
    }

    private final CompareConfig config;
    private final Path runDir;
    private final PrintStream err;
    private final Map<String, String> env;
    private final List<String> commandLine;
    private final Function<String, TrainingListener> progress;
    private final java.util.function.IntFunction<Parallelism> parallelism;
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
    }

    /** Records {@code t} (may be null) as the search that chose the tuned settings in {@code config}. */
    public Comparison withTuning(dev.ganiqa.reports.model.Tuning t) {
        this.tuning = t;
        return this;
    }

    public Outcome run() throws IOException, InterruptedException {
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
        Parallelism par = parallelism.apply(left(plan, earlier).size());
        // The comparing process prepares with every core; it trains too only when units run one at a time.
        try (Workspace ws = Workspace.open(config, env, par.jobs() == 1 ? par.threads() : cores, this::notice)) {
            if (earlier != null) {
                checkSameData(earlier, ws.train, ws.validation, ws.test);
                checkSameRecipes(earlier);
            }
            folder.record(config);
            Evaluator evaluator = ws.evaluator();
            results = earlier != null ? earlier
                    : new RunResults(RunResults.SCHEMA_VERSION, runDir.getFileName().toString(),
                            ProvenanceFactory.create(config, ws.source.spec(), ws.train, ws.validation, ws.test, ws.extractor, started,
                                    commandLine).withExecution(LOCAL).withTuning(tuning), ResultsMapping.catalogue(), List.of(),
                            null, List.of(), List.of(), null);
            if (extendedFrom.isPresent()) {
                results = results.withProvenance(extended(results.provenance()));
            }
            // From the first write on, results.json says which planned units have no result yet.
            results = PlannedUnits.record(results, plan);
            double spent = results.provenance().wallSeconds();
            if (results.reference() == null) {
                results = results.withReference(realRow(config, ws.train, evaluator, runDir, this::notice));
                ResultsJson.write(results, resultsFile, AtomicFiles::write);
            }
            ws.units(runDir);
            if (par.jobs() > 1) {
                // What every worker reads instead of computing it again (the Slurm route's shared work).
                if (!Workspace.isShared(runDir)) {
                    ws.share(runDir);
                }
                plan.write(runDir);
                results = mergeUnitFiles(plan);
            }
            Map<String, Double> shares = new LinkedHashMap<>();
            List<Plan.Entry> left = left(plan, results);
            for (Plan.Entry e : plan.units()) {
                var done = results.unit(e.variant(), e.seed());
                if (!left.contains(e)) {
                    notice(String.format("unit %d/%d %s: recorded earlier (%s), skipped", e.index() + 1,
                            config.units(), e.name(), done.map(u -> u.status().toString()).orElse("?")));
                } else if (done.isPresent() && done.get().ok()) {
                    shares.put(e.name(), share(done.get()));
                }
            }
            Execution before = results.provenance().execution();
            results = results.withProvenance(results.provenance().withExecution(new Execution("local", List.of(),
                    before == null ? Map.of() : before.unitNodes(), par.jobs(),
                    before == null ? Map.of() : before.unitThreads())));
            new LocalRun(config, plan, runDir, ws, par, env, this::notice, progress, startNanos).run(left, shares,
                    (entry, unit, node, threads) -> {
                        Execution ex = results.provenance().execution().withUnit(entry.name(), node, threads);
                        results = statistics(results.withUnit(unit).withUnitsSorted(planOrder())
                                .withProvenance(results.provenance().withExecution(ex)), plan);
                        ResultsJson.write(results, resultsFile, AtomicFiles::write);
                        new HtmlReport().write(results, runDir, runDir, report, AtomicFiles::write);
                    });
            Instant finished = Instant.now();
            results = statistics(results.withProvenance(results.provenance().withTimes(finished,
                    spent + Duration.between(started, finished).toMillis() / 1000.0)), plan);
            ResultsJson.write(results, resultsFile, AtomicFiles::write);
            new HtmlReport().write(results, runDir, runDir, report, AtomicFiles::write);
            return new Outcome(runDir, results, report);
        }
    }

    /** The statistics across seeds of {@code r}, with what it lacks of {@code plan} recorded first. */
    private static RunResults statistics(RunResults r, Plan plan) {
        return SeedStatistics.apply(PlannedUnits.record(r, plan));
    }

    /** Seeds outer, variants inner, as the plan lists the units (units of other seeds or variants last). */
    private java.util.Comparator<UnitResult> planOrder() {
        return java.util.Comparator.comparingInt((UnitResult u) -> position(config.seeds(), u.seed()))
                .thenComparingInt(u -> position(config.variants(), u.variant()));
    }

    private static <T> int position(List<T> list, T value) {
        int i = list.indexOf(value);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** The plan's units that still need work, by what {@code results} records (all of them when it is null). */
    private List<Plan.Entry> left(Plan plan, RunResults recorded) {
        return plan.units().stream().filter(e -> recorded == null
                || recorded.unit(e.variant(), e.seed()).map(u -> !finished(u)).orElse(true)).toList();
    }

    /**
     * Units that a killed parallel run's workers finished after its coordinator wrote results.json for the last
     * time: their unit.json is newer than what results.json records; a finished one is taken as it is.
     */
    private RunResults mergeUnitFiles(Plan plan) throws IOException {
        RunResults out = results;
        for (Plan.Entry e : left(plan, results)) {
            Optional<UnitFile> file = UnitFile.read(runDir, e.name());
            if (file.isPresent() && finished(file.get().result())) {
                out = statistics(out.withUnit(file.get().result()).withUnitsSorted(planOrder())
                        .withProvenance(out.provenance()
                        .withExecution((out.provenance().execution() == null ? LOCAL : out.provenance().execution())
                                .withUnit(e.name(), file.get().node(), file.get().threads()))), plan);
            }
        }
        return out;
    }

    /** The share of its training an OK unit recorded under an earlier (smaller) budget has left under this one. */
    private double share(UnitResult unit) {
        if (unit.training() == null) {
            return 1.0;
        }
        Budget b = config.budget();
        double done = switch (b.kind()) {
            case EPOCHS -> unit.training().epochs() / (double) b.epochs();
            case GENERATOR_STEPS -> unit.training().generatorSteps() / (double) b.generatorSteps();
            case TIME -> unit.training().wallSeconds() / (b.minutes() * 60.0);
        };
        return Math.max(0.05, Math.min(1.0, 1.0 - done));
    }

    /**
     * Whether a recorded unit needs no more work: a diverged one stays diverged; an OK one is done once it reached
     * the budget (an extended comparison continues it); a failed one is tried again.
     */
    private boolean finished(UnitResult unit) {
        return switch (unit.status()) {
            case DIVERGED -> true;
            case FAILED -> false;
            case OK -> unit.training() == null || config.budget().reached(unit.training().epochs(),
                    unit.training().generatorSteps(), unit.training().wallSeconds());
        };
    }

    /**
     * Continuing on other images would mix two datasets in one comparison: the checksum of the splits as read now
     * must equal the one recorded when the comparison began.
     */
    private void checkSameData(RunResults earlier, ImageDataset train, ImageDataset validation, ImageDataset test) {
        String recorded = earlier.provenance().dataset().sha256();
        String now = ProvenanceFactory.sha256(train, validation, test);
        if (!now.equals(recorded)) {
            throw new RunFolder.RunFolderException(runDir + ": expected the data the comparison began with ("
                    + config.dataSpec() + ", sha256 " + abbreviate(recorded) + " in " + ResultsJson.FILE_NAME
                    + "), found other images (sha256 " + abbreviate(now) + "); use another --out for a new comparison");
        }
    }

    /**
     * Units not yet trained take the variants' current defaults: when those changed since the comparison began (a
     * newer ganiqa), continuing would mix two recipes under one variant name. Trained units resume from their own
     * config.json either way.
     */
    private void checkSameRecipes(RunResults earlier) {
        Map<String, Map<String, Object>> recorded = earlier.provenance().variantConfigs();
        for (String name : config.variants()) {
            Map<String, Object> then = recorded.get(name);
            if (then == null) {
                continue;
            }
            List<String> changed = Overrides.differences(then, Overrides.apply(GanVariants.get(name), config.settings()));
            if (!changed.isEmpty()) {
                throw new RunFolder.RunFolderException(runDir + ": expected " + name + "'s hyper-parameters the "
                        + "comparison began with (" + ResultsJson.FILE_NAME + "), found other defaults: "
                        + String.join(", ", changed) + " (the ganiqa that began it had other defaults); finish it with "
                        + "that version or use another --out");
            }
        }
    }

    private static String abbreviate(String sha) {
        return sha == null ? "none" : sha.substring(0, Math.min(12, sha.length()));
    }

    /** The provenance of an extended comparison: the new budget and command, unfinished until it ends. */
    private dev.ganiqa.reports.model.Provenance extended(dev.ganiqa.reports.model.Provenance p) {
        return p.extendedTo(ResultsMapping.budget(config), commandLine);
    }

    /** Runs one unit; its failure (a crash in training, a full disk) is recorded as FAILED, not thrown. */
    static UnitResult runUnit(UnitRunner units, Plan.Entry unit, boolean validationOnly, TrainingListener listener,
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

    /**
     * The real-data row: training images (as many as a unit's samples) measured exactly like generated samples,
     * the ceiling a perfect generator would reach; with a grid of real images next to the generated grids.
     */
    static RealReference realRow(CompareConfig config, ImageDataset train, Evaluator evaluator, Path runDir,
                                 java.util.function.Consumer<String> notice) throws IOException, InterruptedException {
        ImageDataset sample = SubsetDataset.sample(train, config.samples(), SUBSET_SEED + 1);
        notice.accept("real-data row: " + sample.size() + " training images against the test split");
        UnitEvaluation eval = evaluator.evaluate(sample);
        int n = Math.min(100, sample.size());
        byte[] pixels = new byte[n * sample.shape().values()];
        for (int i = 0; i < n; i++) {
            System.arraycopy(sample.image(i), 0, pixels, i * sample.shape().values(), sample.shape().values());
        }
        Path grid = runDir.resolve("real").resolve("grid.png");
        Files.createDirectories(grid.getParent());
        // Drawn by the datasets module's one PNG writer: the real images never enter the trainers module.
        Png.write(grid, Png.grid(pixels, sample.shape(), n, 10));
        return new RealReference("real training images vs the test split (" + sample.size() + " images)",
                eval.metrics(), eval.imageMeasures(), eval.perClass(),
                ImageRef.file(runDir.relativize(grid).toString(), "real training images"));
    }

    /**
     * The newest run folder under {@code root} that holds an unfinished comparison with exactly this
     * configuration, so that rerunning the same command without {@code --out} continues it.
     */
    public static java.util.Optional<Path> unfinished(Path root, CompareConfig config) throws IOException {
        if (!Files.isDirectory(root)) {
            return java.util.Optional.empty();
        }
        ObjectMapper json = new ObjectMapper();
        try (var dirs = Files.list(root)) {
            for (Path dir : dirs.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Path file = dir.resolve(RunFolder.CONFIG);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    if (!json.readValue(file.toFile(), CompareConfig.class).resolved().equals(config.resolved())) {
                        continue;
                    }
                    Path results = dir.resolve(ResultsJson.FILE_NAME);
                    if (!Files.exists(results) || ResultsJson.read(results).provenance().finishedAt() == null) {
                        return java.util.Optional.of(dir);
                    }
                } catch (IOException | RuntimeException e) {
                    // A folder we cannot read is not ours to continue.
                }
            }
        }
        return java.util.Optional.empty();
    }

    private void notice(String message) {
        err.println("ganiqa: " + message);
    }
}
