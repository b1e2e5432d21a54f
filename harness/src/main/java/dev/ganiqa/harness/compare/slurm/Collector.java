package dev.ganiqa.harness.compare.slurm;

import dev.ganiqa.datasets.AtomicFiles;
import dev.ganiqa.harness.compare.Plan;
import dev.ganiqa.harness.compare.PlannedUnits;
import dev.ganiqa.harness.compare.UnitFile;
import dev.ganiqa.harness.compare.stats.SeedStatistics;
import dev.ganiqa.reports.html.HtmlReport;
import dev.ganiqa.reports.model.Execution;
import dev.ganiqa.reports.model.Provenance;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ganiqa collect RUN_DIR}: merges the unit files of a prepared comparison into results.json (statistics
 * across seeds, verdict) and renders report.html. It merges whatever exists, so it can run again after missing
 * units were resubmitted; it takes no lock (the coordinating {@code compare --wait} may hold the run folder's).
 */
public final class Collector {
    /** What was merged: the results, and the plan's units without a file or with status FAILED. */
    public record Outcome(RunResults results, Path report, List<String> missing, List<String> failed) {
        public Outcome {
            missing = List.copyOf(missing);
            failed = List.copyOf(failed);
        }
    }

    private final Path runDir;

    public Collector(Path runDir) {
        this.runDir = runDir;
    }

    public Outcome collect(List<String> extraJobIds) throws IOException {
        Plan plan = Plan.read(runDir);
        RunResults results = ResultsJson.read(runDir.resolve(ResultsJson.FILE_NAME));
        Execution before = results.provenance().execution();
        List<String> jobs = new ArrayList<>(before == null ? List.of() : before.jobIds());
        jobs.addAll(SlurmJobs.read(runDir));
        for (String id : extraJobIds) {
            jobs.add(id);
        }
        String executor = before == null ? "slurm" : before.executor();
        Execution execution = new Execution(executor, jobs.stream().distinct().toList(),
                before == null ? Map.of() : before.unitNodes(), before == null ? 0 : before.jobs(),
                before == null ? Map.of() : before.unitThreads());
        List<String> missing = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Plan.Entry entry : plan.units()) {
            Optional<UnitFile> file = UnitFile.read(runDir, entry.name());
            if (file.isEmpty()) {
                missing.add(entry.name());
                continue;
            }
            results = results.withUnit(file.get().result());
            execution = execution.withUnit(entry.name(), file.get().node(), file.get().threads());
            if (file.get().result().status() == UnitStatus.FAILED) {
                failed.add(entry.name() + " (" + file.get().result().reason() + ")");
            }
        }
        Provenance p = results.provenance().withExecution(execution);
        Instant now = Instant.now();
        if (missing.isEmpty()) {
            p = p.withTimes(now, Duration.between(p.startedAt(), now).toMillis() / 1000.0);
        }
        results = SeedStatistics.apply(PlannedUnits.record(results.withProvenance(p), plan));
        Path resultsFile = runDir.resolve(ResultsJson.FILE_NAME);
        Path report = runDir.resolve("report.html");
        ResultsJson.write(results, resultsFile, AtomicFiles::write);
        new HtmlReport().write(results, runDir, runDir, report, AtomicFiles::write);
        return new Outcome(results, report, missing, failed);
    }
}
