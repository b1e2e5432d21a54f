package dev.ganiqa.harness.compare.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ganiqa.harness.cli.CliRun;
import dev.ganiqa.harness.compare.RunFolder;
import dev.ganiqa.harness.compare.UnitFile;
import dev.ganiqa.metrics.eval.MetricDefinitions;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.UnitStatus;
import java.io.IOException;
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
 * The Slurm executor on a real Slurm: a tiny comparison run locally and with {@code --executor slurm --wait} must
 * give the same units and configuration, metrics within a tolerance (training is not bit-reproducible across
 * processes under load), and the job ids Slurm ran in its provenance. Skipped, with the reason, when no Slurm
 * answers: start one with {@code scripts/slurm-local.sh up} (root), as {@code .ci/run} does.
 */
class SlurmRealTest {
    @TempDir
    static Path temp;
    static Map<String, String> env;
    /** Why the test cannot run here, or null. */
    static String missing;

    static final String[] TINY = {"compare", "--variants", "dcgan,wgan", "--seeds", "2", "--epochs", "1",
        "--train-limit", "320", "--samples", "60", "--curve-samples", "0", "--batch", "32"};

    @BeforeAll
    static void slurm() throws Exception {
        env = new HashMap<>(System.getenv());
        if (!env.containsKey("SLURM_CONF")) {
            Path conf = Path.of(env.getOrDefault("GANIQA_SLURM_DIR", "/tmp/ganiqa-slurm"), "slurm.conf");
            if (Files.isRegularFile(conf)) {
                env.put("SLURM_CONF", conf.toString());
            }
        }
        String sinfo = run(List.of("sinfo", "-h", "-o", "%T"));
        if (sinfo == null || !sinfo.matches("(?s).*\\b(idle|mixed)\\b.*")) {
            missing = "no Slurm answers here (sinfo: " + (sinfo == null ? "failed or missing" : "'" + sinfo.strip()
                    + "'") + "); start one with scripts/slurm-local.sh up";
            System.err.println("SlurmRealTest skipped: " + missing);
            return;
        }
        // The tasks run this JVM's classpath through a launcher of their own (the checkout's ./ganiqa would build).
        Path launcher = temp.resolve("bin/ganiqa");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = ProcessHandle.current().info().command().orElse("java");
        SlurmFakes.executable(launcher, "#!/bin/sh\nexport TF_CPP_MIN_LOG_LEVEL=1\nexec " + java
                + " -Xmx3g -Djava.awt.headless=true -cp '" + cp + "' dev.ganiqa.harness.Main \"$@\"\n");
        env.put("GANIQA_LAUNCHER", launcher.toString());
        env.put("GANIQA_SLURM_POLL", "1");
    }

    /** stdout of a command with the test's SLURM_CONF, or null when it fails. */
    static String run(List<String> cmd) throws InterruptedException {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            if (env.containsKey("SLURM_CONF")) {
                pb.environment().put("SLURM_CONF", env.get("SLURM_CONF"));
            }
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String[] args(String... more) {
        return Stream.concat(Stream.of(TINY), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void slurmRunsTheSameUnitsAsLocalAndRecordsItsJobs() throws Exception {
        assumeTrue(missing == null, missing);
        Path local = temp.resolve("local");
        Path slurm = temp.resolve("slurm");
        long t0 = System.nanoTime();
        CliRun l = SlurmFakes.cli(env, args("--out", local.toString()));
        long t1 = System.nanoTime();
        assertThat(l.code()).as(l.err()).isZero();
        CliRun s = SlurmFakes.cli(env, args("--executor", "slurm", "--wait", "--max-parallel", "2",
                "--out", slurm.toString()));
        long t2 = System.nanoTime();
        assertThat(s.code()).as(s.err()).isZero();
        // For BENCHMARKS.md: the same tiny comparison through both routes.
        System.err.printf("SlurmRealTest: local %.1f s, slurm --wait %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        assertThat(s.err()).contains("units 4 done, 0 running, 0 pending, 0 failed");

        assertThat(RunFolder.readConfig(slurm)).isEqualTo(RunFolder.readConfig(local));
        RunResults a = ResultsJson.read(local);
        RunResults b = ResultsJson.read(slurm);
        assertThat(b.units()).extracting(UnitResult::variant, UnitResult::seed, UnitResult::status)
                .containsExactlyElementsOf(a.units().stream().map(u -> org.assertj.core.groups.Tuple.tuple(
                        u.variant(), u.seed(), u.status())).toList());
        assertThat(b.units()).allMatch(u -> u.status() == UnitStatus.OK);
        for (UnitResult u : b.units()) {
            UnitResult same = a.unit(u.variant(), u.seed()).orElseThrow();
            assertThat(u.training().criticSteps()).isEqualTo(same.training().criticSteps());
            assertThat(u.training().imagesSeen()).isEqualTo(same.training().imagesSeen());
            double fa = same.metrics().get(MetricDefinitions.FID).value();
            double fb = u.metrics().get(MetricDefinitions.FID).value();
            assertThat(Math.abs(fa - fb)).as(u.variant() + "/" + u.seed() + " FID local " + fa + ", slurm " + fb)
                    .isLessThanOrEqualTo(0.25 * Math.max(fa, fb));
        }
        assertThat(b.provenance().finishedAt()).isNotNull();
        assertThat(a.provenance().execution().executor()).isEqualTo("local");

        var execution = b.provenance().execution();
        assertThat(execution.executor()).isEqualTo("slurm");
        List<String> jobs = SlurmJobs.read(slurm);
        assertThat(jobs).hasSize(2);
        assertThat(execution.jobIds()).containsExactlyElementsOf(jobs);
        String arrayId = jobs.get(0).substring("array:".length());
        String collectId = jobs.get(1).substring("collect:".length());
        // The ids are the ones Slurm ran (jobs stay known to scontrol for MinJobAge, 300 s by default).
        String shown = run(List.of("scontrol", "show", "job", arrayId));
        assertThat(shown).as("scontrol show job " + arrayId).isNotNull().contains("ArrayJobId=" + arrayId)
                .contains("JobState=COMPLETED");
        assertThat(run(List.of("scontrol", "show", "job", collectId))).contains("JobId=" + collectId)
                .contains("Dependency=").contains("ExitCode=0:0");
        String host = run(List.of("hostname", "-s"));
        assertThat(execution.unitNodes()).hasSize(4);
        assertThat(execution.unitNodes().values()).allMatch(n -> n.equals(host.strip()));
        for (UnitResult u : b.units()) {
            UnitFile f = UnitFile.read(slurm, u.variant() + "-seed" + u.seed()).orElseThrow();
            assertThat(f.jobId()).startsWith(arrayId + "_");
        }
        assertThat(Files.exists(slurm.resolve("report.html"))).isTrue();
    }
}
