package dev.ganiqa.harness.compare.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.harness.cli.CliRun;
import dev.ganiqa.harness.compare.Plan;
import dev.ganiqa.harness.compare.UnitFile;
import dev.ganiqa.harness.compare.Workspace;
import dev.ganiqa.reports.model.MetricValue;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.TrainingStats;
import dev.ganiqa.reports.model.UnitId;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.UnitStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --executor slurm|print} against fake sbatch/squeue that run the tasks inline and a fake launcher
 * whose unit tasks copy prepared unit files: the array range and throttle, the dependency, the exported
 * environment, the resubmission of only the missing or failed units, and {@code collect} on missing and failed
 * units. The preparation (plan, provenance, real-data row) is real, on a tiny Fashion-MNIST comparison.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmExecutorTest {
    @TempDir
    static Path temp;
    static Path log;
    static Path fixtures;
    static Path run;
    static Map<String, String> env;

    static final String[] TINY = {"compare", "--variants", "dcgan,wgan", "--seeds", "2", "--epochs", "1",
        "--train-limit", "64", "--real-limit", "100", "--samples", "20", "--curve-samples", "0", "--batch", "32"};
    static final List<String> NAMES = List.of("dcgan-seed1", "wgan-seed1", "dcgan-seed2", "wgan-seed2");

    static String[] args(String... more) {
        return Stream.concat(Stream.of(TINY), Stream.of(more)).toArray(String[]::new);
    }

    @BeforeAll
    static void fakes() throws Exception {
        log = temp.resolve("log");
        fixtures = temp.resolve("fixtures");
        run = temp.resolve("run");
        SlurmFakes.write(temp.resolve("bin"), log);
        SlurmFakes.launcher(temp.resolve("launcher/ganiqa"), fixtures, log);
        Files.createDirectories(fixtures);
        Files.writeString(fixtures.resolve("names"), String.join("\n", NAMES) + "\n");
        // The unit wgan-seed1 (index 1) has no fixture: its task fails without writing a result.
        for (String name : List.of("dcgan-seed1", "dcgan-seed2", "wgan-seed2")) {
            fixture(name, UnitStatus.OK);
        }
        env = new HashMap<>(System.getenv());
        env.put("GANIQA_LAUNCHER", temp.resolve("launcher/ganiqa").toString());
        env.put(SlurmCommands.BIN_ENV, temp.resolve("bin").toString());
        env.put("GANIQA_SLURM_POLL", "0.01");
        env.put("GANIQA_CACHE", temp.resolve("cache").toString());
    }

    static void fixture(String name, UnitStatus status) throws Exception {
        String[] parts = name.split("-seed");
        new UnitFile(name, "fake-node", "100_0", "2026-11-30T00:00:00Z", unit(parts[0], Long.parseLong(parts[1]),
                status)).write(fixtures);
    }

    /** An OK unit has an FID (dcgan lower), so that a run with units missing would have a winner to name. */
    static UnitResult unit(String variant, long seed, UnitStatus status) {
        Map<String, MetricValue> metrics = status != UnitStatus.OK ? Map.of()
                : Map.of("fid", MetricValue.of(variant.equals("dcgan") ? 40 + seed : 60 + seed, 20, 100));
        return new UnitResult(variant, seed, status, status == UnitStatus.OK ? null : "training crashed",
                new TrainingStats(1, 2, 2, 64, 0.5, null), null, List.of(), null, metrics, Map.of(), null, null,
                List.of());
    }

    static List<String> lines(String file) throws Exception {
        Path f = log.resolve(file);
        return Files.exists(f) ? Files.readAllLines(f, StandardCharsets.UTF_8) : List.of();
    }

    @Test
    @Order(1)
    void submitsOneThrottledArrayAndACollectJobAfterIt() throws Exception {
        CliRun r = SlurmFakes.cli(env, args("--executor", "slurm", "--max-parallel", "2", "--partition", "p1",
                "--mem", "1G", "--time", "00:10:00", "--sbatch-arg", "--qos=short", "--wait", "--out", run.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> sbatch = lines("sbatch.log");
        assertThat(sbatch).hasSize(2);
        String cache = "--export=ALL,GANIQA_CACHE=" + temp.resolve("cache");
        assertThat(sbatch.get(0).split(" ")).contains("--parsable", "--array=0-3%2", cache, "--partition=p1",
                "--mem=1G", "--time=00:10:00", "--qos=short", "--chdir=" + run.toAbsolutePath())
                .endsWith(run.toAbsolutePath().resolve("slurm/array.sbatch").toString());
        assertThat(sbatch.get(1).split(" ")).contains("--parsable", "--dependency=afterany:100", cache,
                "--partition=p1", "--qos=short").doesNotContain("--mem=1G")
                .endsWith(run.toAbsolutePath().resolve("slurm/collect.sbatch").toString());
        // Every task ran the launcher by its absolute path, with the shared cache exported.
        List<String> calls = lines("launcher.log");
        for (int i = 0; i < 4; i++) {
            assertThat(calls).contains("unit " + run.toAbsolutePath() + " --index " + i + " cache=" + temp.resolve("cache")
                    + " task=" + i);
        }
        assertThat(calls).last().asString().startsWith("collect " + run.toAbsolutePath());
        assertThat(lines("squeue.log")).isNotEmpty();
        assertThat(r.err()).contains("submitted array job 100 (4 unit(s): 0-3%2) and collect job 101")
                .contains("units 3 done, 0 running, 0 pending, 0 failed");
        // Shared work prepared once by the coordinator.
        assertThat(Plan.read(run).units()).extracting(Plan.Entry::name).containsExactlyElementsOf(NAMES);
        RunResults prepared = ResultsJson.read(run);
        assertThat(prepared.reference()).isNotNull();
        assertThat(prepared.provenance().execution().executor()).isEqualTo("slurm");
        assertThat(SlurmJobs.read(run)).containsExactly("array:100", "collect:101");
        assertThat(Workspace.isShared(run)).as("real reference, radii, KID sums and training features saved once")
                .isTrue();
        assertThat(r.err()).contains("shared work saved in");
    }

    @Test
    @Order(2)
    void collectListsTheMissingUnitAndExitsOne() throws Exception {
        CliRun r = SlurmFakes.cli(env, "collect", run.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("1 missing: wgan-seed1").contains("--executor slurm");
        // The half-finished run's results.json and report say what is missing and name no winner.
        RunResults results = ResultsJson.read(run);
        assertThat(results.missing()).containsExactly(new UnitId("wgan", 1));
        assertThat(results.verdict().winner()).isNull();
        assertThat(results.verdict().sentence()).startsWith("No verdict, the run is incomplete: 1 of 4 planned units "
                + "has no result (wgan-seed1)");
        assertThat(results.tests()).isEmpty();
        assertThat(results.variants()).allSatisfy(v -> assertThat(v.metrics().get("fid").rank()).isZero());
        String html = Files.readString(run.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<strong>Incomplete run:</strong> 1 of 4 planned units has no result (wgan-seed1)")
                .contains("3 of 4 planned units").doesNotContain("dcgan has the lowest")
                .doesNotContain("extend every unit").doesNotContain("<td class=\"best\">");
    }

    @Test
    @Order(3)
    void collectMergesAFailedUnitAndNamesIt() throws Exception {
        new UnitFile("wgan-seed1", "fake-node", "100_1", "2026-11-30T00:00:00Z", unit("wgan", 1, UnitStatus.FAILED))
                .write(run);
        CliRun r = SlurmFakes.cli(env, "collect", run.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("unit wgan-seed1 (training crashed) failed");
        RunResults results = ResultsJson.read(run);
        assertThat(results.units()).hasSize(4);
        assertThat(results.unit("wgan", 1).orElseThrow().status()).isEqualTo(UnitStatus.FAILED);
        // Every planned unit has a result (a failed one too): the run is complete and ranks its variants.
        assertThat(results.missing()).isEmpty();
        assertThat(results.verdict().winner()).isEqualTo("dcgan");
        assertThat(results.provenance().execution().jobIds()).containsExactly("array:100", "collect:101");
        assertThat(results.provenance().execution().unitNodes()).containsEntry("dcgan-seed2", "fake-node")
                .hasSize(4);
        assertThat(Files.exists(run.resolve("report.html"))).isTrue();
    }

    @Test
    @Order(4)
    void rerunSubmitsOnlyTheFailedAndMissingUnits() throws Exception {
        fixture("wgan-seed1", UnitStatus.OK);
        Files.delete(UnitFile.path(run, "wgan-seed2"));
        CliRun r = SlurmFakes.cli(env, args("--executor", "slurm", "--max-parallel", "2", "--partition", "p1",
                "--mem", "1G", "--time", "00:10:00", "--sbatch-arg", "--qos=short", "--wait", "--out", run.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> sbatch = lines("sbatch.log");
        assertThat(sbatch).hasSize(4);
        assertThat(sbatch.get(2).split(" ")).contains("--array=1,3%2");
        assertThat(sbatch.get(3).split(" ")).contains("--dependency=afterany:102");
        assertThat(UnitFile.read(run, "wgan-seed1").orElseThrow().result().status()).isEqualTo(UnitStatus.OK);
        assertThat(SlurmJobs.read(run)).containsExactly("array:100", "collect:101", "array:102", "collect:103");
    }

    @Test
    @Order(5)
    void printWritesTheScriptsAndCommandsWithoutSubmitting() throws Exception {
        Path printed = temp.resolve("printed");
        CliRun r = SlurmFakes.cli(env, args("--executor", "print", "--max-parallel", "3", "--out", printed.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(lines("sbatch.log")).hasSize(4);
        assertThat(r.out()).contains("--array=0-3%3").contains("--dependency=afterany:\"$array\"");
        Path slurm = printed.toAbsolutePath().resolve("slurm");
        assertThat(Files.readString(slurm.resolve("submit.sh"))).contains(r.out());
        assertThat(Files.readString(slurm.resolve("array.sbatch")))
                .contains("exec " + temp.resolve("launcher/ganiqa") + " unit " + printed.toAbsolutePath()
                        + " --index \"$SLURM_ARRAY_TASK_ID\"");
        assertThat(Files.readString(slurm.resolve("collect.sbatch"))).contains(" collect " + printed.toAbsolutePath());
    }

    @Test
    @Order(6)
    void aRealUnitTaskTrainsAndWritesItsResult() throws Exception {
        Path printed = temp.resolve("printed");
        Map<String, String> task = new HashMap<>(env);
        task.put("SLURMD_NODENAME", "node-7");
        task.put("SLURM_ARRAY_JOB_ID", "55");
        task.put("SLURM_ARRAY_TASK_ID", "1");
        CliRun r = SlurmFakes.cli(task, "unit", printed.toString(), "--index", "1");
        assertThat(r.code()).as(r.err()).isZero();
        UnitFile f = UnitFile.read(printed, "wgan-seed1").orElseThrow();
        assertThat(f.node()).isEqualTo("node-7");
        assertThat(f.jobId()).isEqualTo("55_1");
        assertThat(f.result().status()).isEqualTo(UnitStatus.OK);
        assertThat(f.result().training().criticSteps()).isEqualTo(64 / 32);
        assertThat(f.result().metrics()).isNotEmpty();
        // The task read the shared work the coordinator saved instead of computing the reference again.
        assertThat(Workspace.isShared(printed)).isTrue();
        assertThat(r.err()).contains("real reference: read from " + printed.resolve("shared").resolve("reference"));
    }

    @Test
    @Order(7)
    void refusesAnUnknownExecutorAndWaitWithoutSlurm() {
        assertThat(SlurmFakes.cli(env, args("--executor", "pbs")).code()).isEqualTo(2);
        assertThat(SlurmFakes.cli(env, args("--executor", "print", "--wait")).code()).isEqualTo(2);
    }

    @Test
    void arraySpecsCompressConsecutiveIndices() {
        assertThat(SlurmScripts.arraySpec(List.of(0, 1, 2, 3), 2)).isEqualTo("0-3%2");
        assertThat(SlurmScripts.arraySpec(List.of(1, 3, 5, 6, 7), 0)).isEqualTo("1,3,5-7");
        assertThat(SlurmScripts.arraySpec(List.of(4), 0)).isEqualTo("4");
    }
}
