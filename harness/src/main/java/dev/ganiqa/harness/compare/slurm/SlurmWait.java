package dev.ganiqa.harness.compare.slurm;

import dev.ganiqa.harness.compare.Plan;
import dev.ganiqa.harness.compare.UnitFile;
import dev.ganiqa.reports.model.UnitStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code --wait}: follows a submitted comparison until its collect job has left the queue, printing a line
 * whenever the count of units done / running / pending / failed changes (done and failed from the unit files,
 * running and pending from squeue). The exit status is the collect job's, read from the file its script writes.
 */
final class SlurmWait {
    private final SlurmCommands scheduler;
    private final Path runDir;
    private final Plan plan;
    private final double pollSeconds;
    private final PrintStream err;

    SlurmWait(SlurmCommands scheduler, Path runDir, Plan plan, double pollSeconds, PrintStream err) {
        this.scheduler = scheduler;
        this.runDir = runDir;
        this.plan = plan;
        this.pollSeconds = pollSeconds;
        this.err = err;
    }

    int await(String arrayId, String collectId) throws IOException, InterruptedException {
        String last = "";
        while (true) {
            boolean collecting = !states(collectId).isEmpty();
            String progress = progress(arrayId);
            if (!progress.equals(last)) {
                err.println("ganiqa: units " + progress);
                last = progress;
            }
            if (!collecting) {
                break;
            }
            Thread.sleep(Math.max(1, (long) (pollSeconds * 1000)));
        }
        Path exit = SlurmJobs.dir(runDir).resolve("collect-" + collectId + ".exit");
        if (!Files.isRegularFile(exit)) {
            err.println("ganiqa: collect job " + collectId + " ended without writing " + exit + " (cancelled, or "
                    + "killed at its time limit); see " + SlurmJobs.dir(runDir));
            return 1;
        }
        String code = Files.readString(exit, StandardCharsets.UTF_8).strip();
        return code.equals("0") ? 0 : 1;
    }

    /** "2 done, 1 running, 1 pending, 0 failed" of the plan's units. */
    String progress(String arrayId) throws IOException, InterruptedException {
        int done = 0;
        int failed = 0;
        for (Plan.Entry e : plan.units()) {
            Optional<UnitFile> f = UnitFile.read(runDir, e.name());
            if (f.isPresent()) {
                if (f.get().result().status() == UnitStatus.FAILED) {
                    failed++;
                } else {
                    done++;
                }
            }
        }
        List<String> states = states(arrayId);
        long running = states.stream().filter(s -> s.equals("RUNNING") || s.equals("COMPLETING")).count();
        long pending = states.stream().filter(s -> s.equals("PENDING")).count();
        return String.format("%d done, %d running, %d pending, %d failed", done, running, pending, failed);
    }

    /** The states of a job's tasks in the queue; empty once it has left (squeue forgets finished jobs). */
    private List<String> states(String jobId) throws IOException, InterruptedException {
        try {
            return scheduler.run("squeue", List.of("-h", "-r", "-j", jobId, "-o", "%T")).lines().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Invalid job id")) {
                return List.of(); // squeue refuses an id it no longer knows: the job has ended
            }
            throw e;
        }
    }
}
