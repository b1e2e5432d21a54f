package dev.ganiqa.harness.compare.slurm;

import java.util.List;

/**
 * How {@code compare --executor slurm|print} submits: the array's throttle and what passes through to sbatch.
 *
 * @param maxParallel the most array tasks running at once ({@code --array=...%K}); 0 = no throttle
 * @param partition   {@code --partition}, or null
 * @param gres        {@code --gres} (e.g. {@code gpu:1}), or null
 * @param time        {@code --time} per unit task, or null
 * @param mem         {@code --mem} per unit task, or null
 * @param account     {@code --account}, or null
 * @param extraArgs   further sbatch arguments, given as they are, to the array and collect jobs
 * @param launcher    absolute path of the {@code ganiqa} launcher the job scripts run
 * @param pollSeconds how often {@code --wait} asks squeue
 */
public record SlurmOptions(int maxParallel, String partition, String gres, String time, String mem, String account,
                           List<String> extraArgs, String launcher, double pollSeconds) {
    public SlurmOptions {
        extraArgs = extraArgs == null ? List.of() : List.copyOf(extraArgs);
        if (maxParallel < 0) {
            throw new IllegalArgumentException("expected --max-parallel >= 0, found " + maxParallel);
        }
        if (launcher == null || !launcher.startsWith("/")) {
            throw new IllegalArgumentException("expected the absolute path of the ganiqa launcher (run through ./ganiqa "
                    + "or set GANIQA_LAUNCHER), found " + launcher);
        }
        if (!(pollSeconds > 0)) {
            throw new IllegalArgumentException("expected a positive poll interval, found " + pollSeconds);
        }
    }

    /** The pass-through options, as sbatch arguments (both jobs get them; the collect job ignores --gres). */
    List<String> common(boolean gpu) {
        List<String> out = new java.util.ArrayList<>();
        add(out, "--partition", partition);
        if (gpu) {
            add(out, "--gres", gres);
        }
        add(out, "--account", account);
        return out;
    }

    List<String> perUnit() {
        List<String> out = new java.util.ArrayList<>();
        add(out, "--time", time);
        add(out, "--mem", mem);
        return out;
    }

    private static void add(List<String> out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.add(name + "=" + value);
        }
    }
}
