package dev.ganiqa.harness.compare.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.harness.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile run folder names under {@code compare --executor print|slurm}, with the fake sbatch of {@link SlurmFakes}
 * running the job scripts through bash: a name with a control character is refused before anything is written,
 * and a name full of shell syntax (quotes, {@code $()}, backticks, {@code #}, {@code ;}, {@code %}, spaces)
 * reaches the launcher as one argument from submit.sh, array.sbatch and collect.sbatch, with nothing it holds
 * ever run.
 */
class SlurmScriptSafetyTest {
    @TempDir
    static Path temp;
    static Path log;
    static Map<String, String> env;

    static final String[] TINY = {"compare", "--variants", "dcgan", "--seeds", "1", "--epochs", "1",
        "--train-limit", "64", "--real-limit", "100", "--samples", "20", "--curve-samples", "0", "--batch", "32"};

    static String[] args(String... more) {
        return Stream.concat(Stream.of(TINY), Stream.of(more)).toArray(String[]::new);
    }

    @BeforeAll
    static void fakes() throws Exception {
        log = temp.resolve("log");
        SlurmFakes.write(temp.resolve("bin"), log);
        // No unit fixtures: each task's launcher call is logged, then fails; what matters is the argument it got.
        Files.createDirectories(temp.resolve("fixtures"));
        Files.writeString(temp.resolve("fixtures/names"), "dcgan-seed1\n");
        SlurmFakes.launcher(temp.resolve("launcher/ganiqa"), temp.resolve("fixtures"), log);
        env = new HashMap<>(System.getenv());
        env.put("GANIQA_LAUNCHER", temp.resolve("launcher/ganiqa").toString());
        env.put(SlurmCommands.BIN_ENV, temp.resolve("bin").toString());
        env.put("GANIQA_SLURM_POLL", "0.01");
        env.put("GANIQA_CACHE", temp.resolve("cache").toString());
    }

    /** A file that exists only if an injected {@code touch} ran. */
    private static Path marker(String name) {
        return temp.resolve("pwned").resolve(name);
    }

    private static List<String> lines(String file) throws Exception {
        Path f = log.resolve(file);
        return Files.exists(f) ? Files.readAllLines(f, StandardCharsets.UTF_8) : List.of();
    }

    @Test
    void controlCharactersInAnyScriptPathAreRefusedBeforeAnyWork() throws Exception {
        Files.createDirectories(marker("x").getParent());
        Path injected = temp.resolve("run\ntouch " + marker("newline") + "\n#");
        for (String executor : List.of("print", "slurm")) {
            CliRun r = SlurmFakes.cli(env, args("--executor", executor, "--out", injected.toString()));
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err().lines().filter(l -> l.startsWith("ganiqa: usage:")).toList()).singleElement()
                    .asString().contains("the run folder (--out) '" + temp.resolve("run\\ntouch "))
                    .contains("expected a path without control characters").contains("found \\n at character");
        }
        assertThat(temp.resolve("run\ntouch ")).as("nothing written").doesNotExist();
        for (String[] bad : new String[][] {{"GANIQA_CACHE", temp.resolve("cache\r\ntouch x").toString()},
                {"GANIQA_LAUNCHER", temp.resolve("launcher/gan\u001biqa").toString()},
                {SlurmCommands.BIN_ENV, temp.resolve("bin\n").toString()}}) {
            Map<String, String> hostile = new HashMap<>(env);
            hostile.put(bad[0], bad[1]);
            CliRun r = SlurmFakes.cli(hostile, args("--executor", "print", "--out", temp.resolve("ok").toString()));
            assertThat(r.code()).as(bad[0] + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(bad[0]).contains("$" + bad[0]).contains("expected a path without control characters");
        }
        assertThat(temp.resolve("ok")).doesNotExist();
        // A backslash would turn off sbatch's %A/%a replacement, so every task would share one output file.
        CliRun r = SlurmFakes.cli(env, args("--executor", "print", "--out", temp.resolve("back\\slash").toString()));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("expected a path without a backslash");
        assertThat(lines("sbatch.log")).isEmpty();
        assertThat(lines("launcher.log")).isEmpty();
        assertThat(marker("newline")).doesNotExist();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void shellSyntaxInTheRunFolderReachesTheLauncherAsOneArgumentAndNeverRuns() throws Exception {
        Files.createDirectories(marker("x").getParent());
        Path run = temp.resolve("it's a \"run\" $(touch " + marker("dollar") + ") `touch " + marker("backtick")
                + "` #%A %%;touch " + marker("semicolon") + " & x").toAbsolutePath();
        CliRun printed = SlurmFakes.cli(env, args("--executor", "print", "--out", run.toString()));
        assertThat(printed.code()).as(printed.err()).isZero();
        // What print wrote is what a user runs: submit.sh submits both jobs and the fake sbatch runs each script.
        Process p = new ProcessBuilder("sh", run.resolve("slurm/submit.sh").toString()).directory(temp.toFile())
                .redirectErrorStream(true).redirectOutput(temp.resolve("submit.out").toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(temp.resolve("submit.out"))).isZero();
        // The same scripts submitted by compare itself (sbatch gets its arguments without a shell).
        CliRun submitted = SlurmFakes.cli(env, args("--executor", "slurm", "--out", run.toString()));
        assertThat(submitted.code()).as(submitted.err()).isZero();

        assertThat(lines("launcher.log")).as("submit.sh, then compare: unit and collect each time").containsExactly(
                "unit " + run + " --index 0 cache=" + temp.resolve("cache") + " task=0",
                "collect " + run + " cache=" + temp.resolve("cache") + " task=",
                "unit " + run + " --index 0 cache=" + temp.resolve("cache") + " task=0",
                "collect " + run + " cache=" + temp.resolve("cache") + " task=");
        // The output files are named on sbatch's command line, the folder's own % written %% so Slurm keeps it.
        String escaped = run.toString().replace("%", "%%");
        assertThat(lines("sbatch.log")).hasSize(4).allSatisfy(line -> assertThat(line).contains("--output=" + escaped
                + "/slurm/"));
        assertThat(Files.readString(run.resolve("slurm/array.sbatch"))).doesNotContain("--output");
        assertThat(marker("dollar")).doesNotExist();
        assertThat(marker("backtick")).doesNotExist();
        assertThat(marker("semicolon")).doesNotExist();
    }
}
