package dev.ganiqa.harness.compare.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the Slurm commands (sbatch, squeue). They are found on PATH, or in {@code $GANIQA_SLURM_BIN} when set
 * (tests put fake ones there).
 */
final class SlurmCommands {
    static final String BIN_ENV = "GANIQA_SLURM_BIN";
    private final String bin;
    private final String conf;

    SlurmCommands(Map<String, String> env) {
        String b = env.get(BIN_ENV);
        this.bin = b == null || b.isBlank() ? null : b;
        this.conf = env.get("SLURM_CONF");
    }

    String command(String name) {
        return bin == null ? name : Path.of(bin).resolve(name).toString();
    }

    /** Runs {@code name args}; returns its stdout, or fails with one line holding its stderr. */
    String run(String name, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(command(name));
        cmd.addAll(args);
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (conf != null) {
                pb.environment().put("SLURM_CONF", conf); // a Slurm whose slurm.conf is not in /etc (slurm-local.sh)
            }
            p = pb.start();
        } catch (IOException e) {
            throw new IOException(name + ": expected a Slurm command on PATH (or in $" + BIN_ENV + "), found none: "
                    + e.getMessage(), e);
        }
        // Read stderr on another thread so that neither pipe fills up.
        var errText = new java.util.concurrent.CompletableFuture<String>();
        Thread reader = new Thread(() -> {
            try {
                errText.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                errText.complete("");
            }
        });
        reader.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        reader.join();
        if (code != 0) {
            String why = errText.join().strip().replace('\n', ' ');
            throw new IOException(name + " " + String.join(" ", args) + ": exit " + code
                    + (why.isEmpty() ? "" : ": " + why));
        }
        return out;
    }
}
