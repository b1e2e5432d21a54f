package dev.ganiqa.harness.compare.slurm;

import dev.ganiqa.datasets.AtomicFiles;
import dev.ganiqa.harness.compare.CompareConfig;
import dev.ganiqa.harness.compare.Executor;
import dev.ganiqa.harness.compare.UnitEvaluator;
import dev.ganiqa.harness.compare.Plan;
import dev.ganiqa.harness.compare.PlannedUnits;
import dev.ganiqa.harness.compare.ProvenanceFactory;
import dev.ganiqa.harness.compare.RealRow;
import dev.ganiqa.harness.compare.ResultsMapping;
import dev.ganiqa.harness.compare.RunFolder;
import dev.ganiqa.harness.compare.UnitFile;
import dev.ganiqa.harness.compare.Workspace;
import dev.ganiqa.reports.model.Execution;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitStatus;
import dev.ganiqa.trainers.Budget;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code compare --executor slurm|print}: the coordinating process. Under the run folder's lock it prepares what
 * every unit shares once (compare.json, plan.json, results.json with the provenance and the real-data row), then
 * submits one array job over the units without a result (or with a FAILED one) and a collect job after it; with
 * {@code wait} it follows them until the collect job ends. {@code print} writes the scripts and the commands
 * instead of submitting.
 */
public final class SlurmExecutor {
    /** What the coordinator did: the exit status to return, and the jobs it submitted (empty when none). */
    public record Outcome(int exitCode, Optional<String> arrayJob, Optional<String> collectJob, List<Integer> indices) {
        public Outcome {
            indices = List.copyOf(indices);
        }
    }

    private final CompareConfig config;
    private final Path runDir;
    private final SlurmOptions options;
    private final Map<String, String> env;
    private final List<String> commandLine;
    private final PrintStream out;
    private final PrintStream err;
    private final SlurmCommands scheduler;
    private dev.ganiqa.reports.model.Tuning tuning;

    public SlurmExecutor(CompareConfig config, Path runDir, SlurmOptions options, Map<String, String> env,
                         List<String> commandLine, PrintStream out, PrintStream err) {
        this.config = config;
        this.runDir = runDir.toAbsolutePath().normalize();
        this.options = options;
        this.env = Map.copyOf(env);
        this.commandLine = List.copyOf(commandLine);
        this.out = out;
        this.err = err;
        this.scheduler = new SlurmCommands(env);
    }

    /** Records {@code t} (may be null) as the search that chose the tuned settings in the configuration. */
    public SlurmExecutor withTuning(dev.ganiqa.reports.model.Tuning t) {
        this.tuning = t;
        return this;
    }

    /**
     * This route as an {@link Executor}: {@code submit} (else only print), {@code wait} (follow the jobs to the end);
     * results come back when the units finished here (submitted and followed, or nothing left to submit), and a
     * failed collect job is a one-line IOException saying how to go on.
     */
    public Executor submitting(boolean submit, boolean wait) {
        return () -> {
            Outcome o = run(submit, wait);
            if (o.exitCode() != 0) {
                throw new IOException("the collect job " + o.collectJob().orElse("") + " ended with exit status "
                        + o.exitCode() + "; see " + runDir.resolve("slurm") + " and rerun with --executor slurm to "
                        + "submit the missing units");
            }
            boolean finished = submit && (o.arrayJob().isEmpty() || wait);
            Path results = runDir.resolve(ResultsJson.FILE_NAME);
            return new Executor.Outcome(runDir, finished ? ResultsJson.read(results) : null,
                    finished ? runDir.resolve("report.html") : null);
        };
    }

    /** Prepares, then submits ({@code submit}) or prints the commands; {@code wait}: follows the jobs to the end. */
    public Outcome run(boolean submit, boolean wait) throws IOException, InterruptedException {
        // Before the lock and the shared work: a path no script can carry is refused with nothing written.
        SlurmScripts scripts = new SlurmScripts(runDir, options, env);
        String sbatch = ScriptText.checked("the sbatch command ($" + SlurmCommands.BIN_ENV + ")", scheduler.command("sbatch"));
        try (RunFolder folder = RunFolder.lock(runDir)) {
            Optional<Budget> extendedFrom = folder.check(config);
            if (extendedFrom.isPresent()) {
                throw new IllegalArgumentException(runDir + ": expected the budget recorded in " + RunFolder.CONFIG
                        + " (" + extendedFrom.get() + "), found " + config.budget() + "; extending a comparison runs "
                        + "with --executor local");
            }
            prepare(folder, submit ? "slurm" : "print");
            Plan plan = Plan.read(runDir);
            List<Integer> indices = pending(plan);
            scripts.write();
            if (indices.isEmpty()) {
                notice("every unit of " + runDir + " has a result: collecting, nothing to submit");
                Collector.Outcome c = new Collector(runDir).collect(List.of());
                return new Outcome(c.missing().isEmpty() ? 0 : 1, Optional.empty(), Optional.empty(), indices);
            }
            if (!submit) {
                String commands = scripts.submitCommands(sbatch, indices);
                Path file = scripts.dir().resolve("submit.sh");
                AtomicFiles.write(file, ("#!/bin/sh\n# ganiqa: submits the units " + SlurmScripts.arraySpec(indices, 0)
                        + " of " + runDir + " and the collect job after them\n" + commands).getBytes(StandardCharsets.UTF_8));
                notice("wrote " + scripts.dir().resolve(SlurmScripts.ARRAY) + ", " + scripts.dir().resolve(
                        SlurmScripts.COLLECT) + " and " + file + "; nothing submitted");
                out.print(commands);
                return new Outcome(0, Optional.empty(), Optional.empty(), indices);
            }
            String arrayId = jobId(scheduler.run("sbatch", scripts.arrayArgs(indices)));
            SlurmJobs.append(runDir, "array", arrayId);
            String collectId = jobId(scheduler.run("sbatch", scripts.collectArgs(arrayId)));
            SlurmJobs.append(runDir, "collect", collectId);
            notice(String.format("submitted array job %s (%d unit(s): %s) and collect job %s (after it)", arrayId,
                    indices.size(), SlurmScripts.arraySpec(indices, options.maxParallel()), collectId));
            int code = 0;
            if (wait) {
                code = new SlurmWait(scheduler, runDir, plan, options.pollSeconds(), err).await(arrayId, collectId);
            } else {
                out.println("follow:  squeue -j " + arrayId + "," + collectId);
            }
            return new Outcome(code, Optional.of(arrayId), Optional.of(collectId), indices);
        }
    }

    /**
     * Writes what every unit shares, once: compare.json, plan.json and a results.json holding the provenance and
     * the real-data row, and the shared work (the real reference with its radii and KID sums, the training
     * features) that every task reads instead of computing it again.
     */
    private void prepare(RunFolder folder, String executor) throws IOException, InterruptedException {
        folder.record(config);
        Plan.of(config).write(runDir);
        Path resultsFile = runDir.resolve(ResultsJson.FILE_NAME);
        if (Files.exists(resultsFile) && Workspace.isShared(runDir)) {
            return;
        }
        try (Workspace ws = Workspace.open(config, env, this::notice)) {
            if (!Workspace.isShared(runDir)) {
                ws.share(runDir);
            }
            if (Files.exists(resultsFile)) {
                return;
            }
            UnitEvaluator evaluator = ws.evaluator();
            RunResults results = new RunResults(RunResults.SCHEMA_VERSION, runDir.getFileName().toString(),
                    ProvenanceFactory.create(config, ws.source.spec(), ws.train, ws.validation, ws.test, ws.extractor, Instant.now(),
                            commandLine).withExecution(new Execution(executor, List.of(), Map.of())).withTuning(tuning),
                    ResultsMapping.catalogue(), List.of(), null, List.of(), List.of(), null);
            results = PlannedUnits.record(results.withReference(RealRow.measure(config, ws.train, evaluator, runDir,
                    this::notice)), Plan.of(config));
            ResultsJson.write(results, resultsFile, AtomicFiles::write);
        }
    }

    /** The plan's units without a result file, or whose result is FAILED: what a (re)submission runs. */
    private List<Integer> pending(Plan plan) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (Plan.Entry e : plan.units()) {
            Optional<UnitFile> f = UnitFile.read(runDir, e.name());
            if (f.isEmpty() || f.get().result().status() == UnitStatus.FAILED) {
                out.add(e.index());
            }
        }
        return out;
    }

    /** sbatch --parsable prints {@code id} or {@code id;cluster}. */
    static String jobId(String parsable) throws IOException {
        String id = parsable.strip().split(";", 2)[0];
        if (!id.matches("[0-9]+")) {
            throw new IOException("sbatch --parsable: expected a job id, found '" + parsable.strip() + "'");
        }
        return id;
    }

    private void notice(String message) {
        err.println("ganiqa: " + message);
    }
}
