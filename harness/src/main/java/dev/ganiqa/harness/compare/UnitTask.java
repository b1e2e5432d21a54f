package dev.ganiqa.harness.compare;

import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.trainers.TrainingListener;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * {@code ganiqa unit RUN_DIR --index I}: one unit of a prepared comparison, as a Slurm array task runs it. It
 * takes the lock of its own unit folder only (never the run folder's, which the coordinating {@code compare}
 * holds), trains and evaluates the unit, and writes {@code units/<name>/unit.json} atomically.
 */
public final class UnitTask {
    private final Path runDir;
    private final Map<String, String> env;
    private final PrintStream err;

    public UnitTask(Path runDir, Map<String, String> env, PrintStream err) {
        this.runDir = runDir;
        this.env = Map.copyOf(env);
        this.err = err;
    }

    /** Runs unit {@code index}; returns its file (status FAILED when training or evaluation failed). */
    public UnitFile run(int index, TrainingListener progress) throws IOException, InterruptedException {
        CompareConfig config = RunFolder.readConfig(runDir);
        try (Workspace ws = Workspace.open(config, env, m -> err.println("ganiqa: " + m))) {
            return run(ws.readingShared(runDir), index, progress);
        }
    }

    /**
     * Runs unit {@code index} with an open workspace of this run (a worker process keeps one open across its
     * units): under the unit folder's lock, and writes {@code units/<name>/unit.json}.
     */
    UnitFile run(Workspace ws, int index, TrainingListener progress) throws IOException, InterruptedException {
        Plan plan = Plan.read(runDir);
        Plan.Entry entry = plan.unit(index);
        Path unitDir = runDir.resolve("units").resolve(entry.name());
        Files.createDirectories(unitDir);
        try (RunFolder lock = RunFolder.lock(unitDir)) {
            String started = Instant.now().toString();
            err.println("ganiqa: unit " + index + " " + entry.name() + " on " + node(env) + ", " + ws.threads
                    + " TF thread" + (ws.threads == 1 ? "" : "s"));
            UnitRunner units = plan.validationOnly() ? ws.tuningUnits(runDir) : ws.units(runDir);
            UnitResult result = UnitRunner.attempt(units, entry, plan.validationOnly(), progress,
                    m -> err.println("ganiqa: " + m));
            UnitFile file = new UnitFile(entry.name(), node(env), jobId(env), Instant.now().toString(), result,
                    started, ws.threads);
            file.write(runDir);
            return file;
        }
    }

    /** The host this task runs on: Slurm's node name, else the machine's. */
    static String node(Map<String, String> env) {
        String slurm = env.get("SLURMD_NODENAME");
        if (slurm != null && !slurm.isBlank()) {
            return slurm;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String jobId(Map<String, String> env) {
        String array = env.get("SLURM_ARRAY_JOB_ID");
        String task = env.get("SLURM_ARRAY_TASK_ID");
        if (array != null && task != null) {
            return array + "_" + task;
        }
        return env.get("SLURM_JOB_ID");
    }
}
