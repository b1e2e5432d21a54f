package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two batch scripts of a Slurm comparison and the exact sbatch command lines that submit them: an array whose
 * task i runs {@code ganiqa unit RUN_DIR --index i}, and a collect job after it ({@code afterany}, so that it
 * also reports failed units) that runs {@code ganiqa collect RUN_DIR} and leaves its exit status in
 * {@code slurm/collect-<job>.exit} for {@code --wait}.
 */
final class SlurmScripts {
    static final String ARRAY = "array.sbatch";
    static final String COLLECT = "collect.sbatch";

    private final Path runDir;
    private final SlurmOptions options;
    private final String cache;

    /** @param runDir absolute run folder, on a filesystem every node sees */
    SlurmScripts(Path runDir, SlurmOptions options, Map<String, String> env) {
        this.runDir = runDir;
        this.options = options;
        String c = env.get("GANIQA_CACHE");
        this.cache = c != null && !c.isBlank() ? c : env.getOrDefault("HOME", "/root") + "/.cache/ganiqa";
    }

    Path dir() {
        return SlurmJobs.dir(runDir);
    }

    void write() throws IOException {
        String run = quote(runDir.toString());
        String launcher = quote(options.launcher());
        write(ARRAY, "#!/bin/bash\n"
                + "# ganiqa: one unit of the comparison per array task (written by ganiqa compare --executor slurm)\n"
                + "#SBATCH --job-name=ganiqa-unit\n"
                + "#SBATCH --output=" + dir() + "/unit-%A_%a.out\n"
                + "exec " + launcher + " unit " + run + " --index \"$SLURM_ARRAY_TASK_ID\"\n");
        write(COLLECT, "#!/bin/bash\n"
                + "# ganiqa: merges the units into results.json and report.html once the array has ended\n"
                + "#SBATCH --job-name=ganiqa-collect\n"
                + "#SBATCH --output=" + dir() + "/collect-%j.out\n"
                + launcher + " collect " + run + "\n"
                + "rc=$?\n"
                + "echo \"$rc\" > " + quote(dir().toString()) + "/collect-\"$SLURM_JOB_ID\".exit\n"
                + "exit \"$rc\"\n");
    }

    private void write(String name, String text) throws IOException {
        Path file = dir().resolve(name);
        java.nio.file.Files.createDirectories(dir());
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        java.nio.file.Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** sbatch arguments of the array over {@code indices}. */
    List<String> arrayArgs(List<Integer> indices) {
        List<String> args = new ArrayList<>(List.of("--parsable", "--array=" + arraySpec(indices, options.maxParallel()),
                "--export=" + export(), "--chdir=" + runDir));
        args.addAll(options.common(true));
        args.addAll(options.perUnit());
        args.addAll(options.extraArgs());
        args.add(dir().resolve(ARRAY).toString());
        return args;
    }

    /** sbatch arguments of the collect job, after the array job {@code arrayId} in any state. */
    List<String> collectArgs(String arrayId) {
        List<String> args = new ArrayList<>(List.of("--parsable", "--dependency=afterany:" + arrayId,
                "--export=" + export(), "--chdir=" + runDir));
        args.addAll(options.common(false));
        args.addAll(options.extraArgs());
        args.add(dir().resolve(COLLECT).toString());
        return args;
    }

    /** The job's environment: the submitter's, with the statistics cache every node must share. */
    String export() {
        return "ALL,GANIQA_CACHE=" + cache;
    }

    /** Slurm's array spec: ranges of consecutive indices ({@code 0-3}, {@code 1,3,5-7}), then {@code %K}. */
    static String arraySpec(List<Integer> indices, int maxParallel) {
        if (indices.isEmpty()) {
            throw new IllegalArgumentException("expected at least one unit index, found none");
        }
        List<Integer> sorted = indices.stream().distinct().sorted().toList();
        StringBuilder out = new StringBuilder();
        int start = sorted.get(0);
        int prev = start;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i < sorted.size() && sorted.get(i) == prev + 1) {
                prev = sorted.get(i);
                continue;
            }
            out.append(out.length() == 0 ? "" : ",").append(start == prev ? String.valueOf(start) : start + "-" + prev);
            if (i < sorted.size()) {
                start = sorted.get(i);
                prev = start;
            }
        }
        return maxParallel > 0 ? out + "%" + maxParallel : out.toString();
    }

    /** The exact shell commands that submit both jobs, for {@code --executor print}. */
    String submitCommands(String sbatch, List<Integer> indices) {
        return "array=$(" + shell(sbatch, arrayArgs(indices)) + ") && array=${array%%;*} && \\\n"
                + shell(sbatch, collectArgs("$array")).replace(quote("--dependency=afterany:$array"),
                        "--dependency=afterany:\"$array\"") + "\n";
    }

    private static String shell(String command, List<String> args) {
        StringBuilder out = new StringBuilder(quote(command));
        for (String a : args) {
            out.append(' ').append(quote(a));
        }
        return out.toString();
    }

    static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=,%@+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
