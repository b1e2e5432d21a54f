package dev.ganiqa.harness.compare.slurm;

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
 * {@code slurm/collect-<job>.exit} for {@code --wait}. Every path written into them passes {@link ScriptText}:
 * the constructor refuses the ones no script can hold safely, before any work.
 */
final class SlurmScripts {
    static final String ARRAY = "array.sbatch";
    static final String COLLECT = "collect.sbatch";

    private final Path runDir;
    private final SlurmOptions options;
    private final String cache;

    /**
     * @param runDir absolute run folder, on a filesystem every node sees
     * @throws IllegalArgumentException when the run folder, the launcher or the cache holds what a script cannot
     *                                  carry safely (a control character; see {@link ScriptText})
     */
    SlurmScripts(Path runDir, SlurmOptions options, Map<String, String> env) {
        this.runDir = runDir;
        this.options = options;
        String c = env.get("GANIQA_CACHE");
        this.cache = c != null && !c.isBlank() ? c : env.getOrDefault("HOME", "/root") + "/.cache/ganiqa";
        ScriptText.outputFolder("the run folder (--out)", runDir.toString());
        ScriptText.checked("the launcher ($GANIQA_LAUNCHER)", options.launcher());
        ScriptText.checked("the statistics cache ($GANIQA_CACHE)", cache);
        if (cache.contains(",")) {
            // sbatch splits --export=ALL,NAME=VALUE,... at every comma, with no way to escape one.
            throw new IllegalArgumentException("the statistics cache ($GANIQA_CACHE) '" + cache + "': expected a "
                    + "path without a comma (sbatch --export splits its value at commas), found one");
        }
    }

    Path dir() {
        return SlurmJobs.dir(runDir);
    }

    void write() throws IOException {
        String run = ScriptText.quote(runDir.toString());
        String launcher = ScriptText.quote(options.launcher());
        write(ARRAY, "#!/bin/bash\n"
                + "# ganiqa: one unit of the comparison per array task (written by ganiqa compare --executor slurm)\n"
                + "# Its output file is named on the sbatch command line (see submit.sh), where a path needs no quoting.\n"
                + "#SBATCH --job-name=ganiqa-unit\n"
                + "exec " + launcher + " unit " + run + " --index \"$SLURM_ARRAY_TASK_ID\"\n");
        write(COLLECT, "#!/bin/bash\n"
                + "# ganiqa: merges the units into results.json and report.html once the array has ended\n"
                + "#SBATCH --job-name=ganiqa-collect\n"
                + launcher + " collect " + run + "\n"
                + "rc=$?\n"
                + "echo \"$rc\" > " + ScriptText.quote(dir().toString()) + "/collect-\"$SLURM_JOB_ID\".exit\n"
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
                "--export=" + export(), "--chdir=" + runDir, "--output=" + output("unit-%A_%a.out")));
        args.addAll(options.common(true));
        args.addAll(options.perUnit());
        args.addAll(options.extraArgs());
        args.add(dir().resolve(ARRAY).toString());
        return args;
    }

    /** sbatch arguments of the collect job, after the array job {@code arrayId} in any state. */
    List<String> collectArgs(String arrayId) {
        List<String> args = new ArrayList<>(List.of("--parsable", "--dependency=afterany:" + arrayId,
                "--export=" + export(), "--chdir=" + runDir, "--output=" + output("collect-%j.out")));
        args.addAll(options.common(false));
        args.addAll(options.extraArgs());
        args.add(dir().resolve(COLLECT).toString());
        return args;
    }

    /** sbatch's {@code --output} pattern for {@code name} in the slurm folder. */
    private String output(String name) {
        return ScriptText.outputPattern(dir().toString(), name);
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
                + shell(sbatch, collectArgs("$array")).replace(ScriptText.quote("--dependency=afterany:$array"),
                        "--dependency=afterany:\"$array\"") + "\n";
    }

    private static String shell(String command, List<String> args) {
        StringBuilder out = new StringBuilder(ScriptText.quote(command));
        for (String a : args) {
            out.append(' ').append(ScriptText.quote(a));
        }
        return out.toString();
    }

}
