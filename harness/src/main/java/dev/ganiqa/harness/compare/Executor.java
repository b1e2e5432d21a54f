package dev.ganiqa.harness.compare;

import dev.ganiqa.reports.model.RunResults;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a comparison's units run, one implementation per {@link ExecutorKind}: {@link Comparison} on this machine
 * (one unit at a time in this process, or side by side in worker processes as {@link Parallelism} chooses), and the
 * Slurm route ({@code compare.slurm.SlurmExecutor}, submitting the units or only printing the scripts). The
 * {@code compare} command reports what any of them returns.
 */
public interface Executor {
    /**
     * @param results the results when every unit is recorded in the run folder now; null when the units were
     *                submitted (or only printed) and finish elsewhere
     * @param report  the report written with them, or null
     */
    record Outcome(Path runDir, RunResults results, Path report) {
    }

    /** Runs the comparison; a failure the user must act on (a collect job that failed) is a one-line exception. */
    Outcome execute() throws IOException, InterruptedException;
}
