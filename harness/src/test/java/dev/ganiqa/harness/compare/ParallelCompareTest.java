package dev.ganiqa.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.harness.cli.CliRun;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.UnitStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --jobs N}: units in worker processes of their own, with real tiny training on Fashion-MNIST. The
 * numbers do not depend on how many units run at once, two units really run at once into disjoint folders, a
 * killed comparison continues every unit from its checkpoint, and a worker that dies fails only its own unit.
 */
class ParallelCompareTest {
    @TempDir
    Path temp;

    static final String[] TINY = {"--variants", "dcgan,cwgan", "--seeds", "2", "--epochs", "1", "--train-limit", "320",
        "--samples", "120", "--curve-samples", "60", "--batch", "32"};

    static String[] compare(Path out, String[] base, String... more) {
        return Stream.of(new String[] {"compare"}, base, more, new String[] {"--out", out.toString()})
                .flatMap(Stream::of).toArray(String[]::new);
    }

    @Test
    void twoJobsAndOneJobGiveTheSameNumbersAndTwoUnitsRunAtOnceIntoTheirOwnFolders() throws Exception {
        Path parallel = temp.resolve("jobs2");
        Path sequential = temp.resolve("jobs1");
        CliRun a = CliRun.of(compare(parallel, TINY, "--jobs", "2", "--threads", "1"));
        assertThat(a.code()).as(a.err()).isZero();
        // In a process of its own, as a user runs it: TF sizes its thread pools once per process, and this test
        // JVM's pools were sized by earlier sessions.
        Process b = ganiqa(temp.resolve("jobs1.log"), compare(sequential, TINY, "--jobs", "1", "--threads", "1"));
        assertThat(b.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(b.exitValue()).as(Files.readString(temp.resolve("jobs1.log"))).isZero();
        RunResults p = ResultsJson.read(parallel.resolve("results.json"));
        RunResults s = ResultsJson.read(sequential.resolve("results.json"));
        assertThat(p.units()).hasSize(4).allMatch(UnitResult::ok);
        assertThat(s.units()).hasSize(4).allMatch(UnitResult::ok);
        // Whatever order the workers finished in, results.json lists the units as the plan does.
        assertThat(p.units()).extracting(u -> u.variant() + "-seed" + u.seed())
                .containsExactly("dcgan-seed1", "cwgan-seed1", "dcgan-seed2", "cwgan-seed2");
        // Each unit trained single-threaded in both runs: the same weights, samples and numbers. Only the real
        // reference was extracted with other thread counts (2 by the parallel run's coordinator, 1 here).
        for (UnitResult u : p.units()) {
            UnitResult same = s.unit(u.variant(), u.seed()).orElseThrow();
            assertThat(u.training().criticSteps()).isEqualTo(same.training().criticSteps());
            for (var m : u.metrics().entrySet()) {
                double other = same.metrics().get(m.getKey()).value();
                assertThat(m.getValue().value()).as(u.variant() + " seed " + u.seed() + " " + m.getKey())
                        .isCloseTo(other, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(other))));
            }
        }
        assertThat(p.provenance().execution().executor()).isEqualTo("local");
        assertThat(p.provenance().execution().jobs()).isEqualTo(2);
        assertThat(s.provenance().execution().jobs()).isEqualTo(1);
        assertThat(p.provenance().execution().unitThreads()).hasSize(4).allSatisfy((unit, t) -> assertThat(t).isOne());
        assertThat(p.provenance().environment().oneDnn()).matches("(on|off) \\(.+\\)");
        assertThat(a.err()).contains("2 units at a time").contains("worker 1").contains("worker 2");

        // Disjoint folders: every unit its own training run and samples, each written by one worker.
        Set<Path> folders = new HashSet<>();
        List<long[]> spans = new ArrayList<>();
        for (UnitResult u : p.units()) {
            Path dir = parallel.resolve("units").resolve(UnitRunner.unitName(u.variant(), u.seed()));
            assertThat(dir.resolve("train").resolve("run.json")).isRegularFile();
            assertThat(dir.resolve("samples")).isDirectory();
            try (Stream<Path> pngs = Files.walk(dir.resolve("samples"))) {
                assertThat(pngs.filter(f -> f.toString().endsWith(".png")).count()).isEqualTo(120);
            }
            assertThat(folders.add(dir)).isTrue();
            UnitFile file = UnitFile.read(parallel, dir.getFileName().toString()).orElseThrow();
            assertThat(file.threads()).isOne();
            spans.add(new long[] {Instant.parse(file.startedAt()).toEpochMilli(),
                Instant.parse(file.finishedAt()).toEpochMilli()});
        }
        // Two units at once: some pair of units overlapped in time.
        boolean overlap = false;
        for (int i = 0; i < spans.size(); i++) {
            for (int j = i + 1; j < spans.size(); j++) {
                overlap |= spans.get(i)[0] < spans.get(j)[1] && spans.get(j)[0] < spans.get(i)[1];
            }
        }
        assertThat(overlap).as("two units running at once").isTrue();
        assertThat(parallel.resolve(LocalWorkers.LOGS).resolve("worker-1.log")).isRegularFile();
    }

    /** The small comparison of the kill tests: 2 epochs of 2,000 images, long enough to be killed in the middle. */
    static final String[] SLOWER = {"--variants", "dcgan,wgan", "--seeds", "1", "--epochs", "2", "--train-limit",
        "2000", "--samples", "100", "--curve-samples", "50", "--jobs", "2", "--threads", "1"};

    @Test
    void aKilledComparisonContinuesEveryUnitFromItsCheckpoint() throws Exception {
        Path run = temp.resolve("killed");
        Process coordinator = ganiqa(temp.resolve("killed.log"), compare(run, SLOWER));
        Map<String, FileTime> firstGrids = new HashMap<>();
        try {
            // Wait until both units finished their first epoch (its checkpoint written, the last thing of an
            // epoch), then kill.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (firstGrids.size() < 2) {
                assertThat(System.nanoTime()).as(Files.readString(temp.resolve("killed.log"))).isLessThan(deadline);
                assertThat(coordinator.isAlive()).as(Files.readString(temp.resolve("killed.log"))).isTrue();
                for (String unit : List.of("dcgan-seed1", "wgan-seed1")) {
                    Path train = run.resolve("units").resolve(unit).resolve("train");
                    if (!firstGrids.containsKey(unit) && checkpointed(train)) {
                        firstGrids.put(unit, Files.getLastModifiedTime(train.resolve("grids").resolve("epoch-0001.png")));
                    }
                }
                Thread.sleep(50);
            }
        } finally {
            List<ProcessHandle> workers = coordinator.descendants().toList();
            coordinator.destroyForcibly();
            coordinator.waitFor(30, TimeUnit.SECONDS);
            // Without their coordinator the workers stop by themselves (their standard input ends).
            for (ProcessHandle w : workers) {
                w.onExit().get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(run.resolve("results.json")).isRegularFile();
        RunResults before = ResultsJson.read(run.resolve("results.json"));
        assertThat(before.units().stream().filter(u -> u.status() == UnitStatus.OK)).as("killed mid-way").isEmpty();

        CliRun again = CliRun.of(compare(run, SLOWER));
        assertThat(again.code()).as(again.err()).isZero();
        // The estimate and the notices count only what is left after each unit's checkpoint.
        assertThat(again.err()).contains("dcgan-seed1: continuing from its checkpoint to 2 epochs")
                .contains("wgan-seed1: continuing from its checkpoint to 2 epochs");
        RunResults after = ResultsJson.read(run.resolve("results.json"));
        assertThat(after.units()).hasSize(2).allMatch(UnitResult::ok);
        for (UnitResult u : after.units()) {
            String name = UnitRunner.unitName(u.variant(), u.seed());
            Path train = run.resolve("units").resolve(name).resolve("train");
            assertThat(u.training().epochs()).isEqualTo(2);
            assertThat(u.curve()).hasSize(2);
            // Continued, not trained again: epoch 1's grid is the one written before the kill.
            assertThat(Files.getLastModifiedTime(train.resolve("grids").resolve("epoch-0001.png")))
                    .isEqualTo(firstGrids.get(name));
            assertThat(train.resolve("grids").resolve("epoch-0002.png")).isRegularFile();
        }
        assertThat(after.provenance().finishedAt()).isNotNull();
    }

    @Test
    void aWorkerThatDiesFailsOnlyItsUnitAndARerunFinishesIt() throws Exception {
        Path run = temp.resolve("crash");
        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> CliRun.of(compare(run, SLOWER)));
        Optional<ProcessHandle> victim = Optional.empty();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (victim.isEmpty() && !running.isDone() && System.nanoTime() < deadline) {
            // The worker training wgan (its step log exists; its unit lock names its PID) is killed like a native
            // crash would kill it.
            Path unit = run.resolve("units").resolve("wgan-seed1");
            if (Files.isRegularFile(unit.resolve("train").resolve("log.jsonl"))) {
                long pid = Long.parseLong(Files.readString(unit.resolve(RunFolder.LOCK)).strip());
                victim = ProcessHandle.of(pid).filter(h -> ProcessHandle.current().descendants()
                        .anyMatch(d -> d.pid() == h.pid()));
            }
            Thread.sleep(50);
        }
        assertThat(victim).as("a worker process").isPresent();
        victim.get().destroyForcibly();
        CliRun r = running.get(4, TimeUnit.MINUTES);
        assertThat(r.code()).as(r.err()).isZero();
        RunResults results = ResultsJson.read(run.resolve("results.json"));
        assertThat(results.units()).hasSize(2);
        List<UnitResult> failed = results.units().stream().filter(u -> u.status() == UnitStatus.FAILED).toList();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).variant()).isEqualTo("wgan");
        assertThat(failed.get(0).reason()).contains("worker process ended").contains("workers/worker-");
        assertThat(results.units().stream().filter(UnitResult::ok)).hasSize(1);

        CliRun again = CliRun.of(compare(run, SLOWER));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(ResultsJson.read(run.resolve("results.json")).units()).hasSize(2).allMatch(UnitResult::ok);
    }

    /** Whether the training run in {@code train} has a finished checkpoint (its state.json written). */
    static boolean checkpointed(Path train) throws java.io.IOException {
        Path dir = train.resolve("checkpoints");
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(c -> !c.getFileName().toString().endsWith(".tmp") && Files.isRegularFile(
                    c.resolve("state.json")));
        }
    }

    /** {@code ganiqa ARGS} in a JVM of its own, its output in {@code log}. */
    static Process ganiqa(Path log, String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), "dev.ganiqa.harness.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void jobsAndThreadsAreCheckedAndBelongToTheLocalExecutor() {
        for (String[] bad : List.of(new String[] {"--jobs", "0"}, new String[] {"--jobs", "two"},
                new String[] {"--threads", "0"}, new String[] {"--jobs", "2", "--executor", "print"})) {
            CliRun r = CliRun.of(compare(temp.resolve("bad"), TINY, bad));
            assertThat(r.code()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(r.err().strip().lines().toList()).last().asString().startsWith("ganiqa: ");
        }
        assertThat(temp.resolve("bad")).doesNotExist();
    }
}
