package dev.ganiqa.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.harness.cli.CliRun;
import dev.ganiqa.reports.model.EpochPoint;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.UnitStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Budgets on every axis, and a finished comparison extended by a larger budget, with real tiny training. */
class CompareBudgetTest {
    @TempDir
    Path temp;

    static final String[] TINY = {"--variants", "dcgan,wgan", "--seeds", "1", "--train-limit", "320", "--samples", "60",
        "--curve-samples", "60", "--batch", "32"};

    static String[] compare(Path out, String... more) {
        return Stream.of(new String[] {"compare"}, TINY, more, new String[] {"--out", out.toString()})
                .flatMap(Stream::of).toArray(String[]::new);
    }

    @Test
    void generatorStepBudgetGivesEveryUnitTheSameGeneratorStepsAndRecordsEveryAxis() throws Exception {
        Path run = temp.resolve("gsteps");
        CliRun r = CliRun.of(compare(run, "--budget", "gsteps:60"));
        assertThat(r.code()).as(r.err()).isZero();
        RunResults results = ResultsJson.read(run.resolve("results.json"));
        UnitResult dcgan = results.unit("dcgan", 1).orElseThrow();
        UnitResult wgan = results.unit("wgan", 1).orElseThrow();
        for (UnitResult u : List.of(dcgan, wgan)) {
            assertThat(u.status()).isEqualTo(UnitStatus.OK);
            assertThat(u.training().generatorSteps()).isEqualTo(60);
            assertThat(u.training().imagesSeen()).isEqualTo(u.training().criticSteps() * 32);
            assertThat(u.training().wallSeconds()).isPositive();
            EpochPoint last = u.curve().get(u.curve().size() - 1);
            assertThat(last.generatorSteps()).isEqualTo(60L);
            assertThat(last.criticSteps()).isEqualTo(u.training().criticSteps());
            assertThat(last.imagesSeen()).isEqualTo(u.training().imagesSeen());
            assertThat(last.wallSeconds()).isPositive();
        }
        // 320 images in batches of 32: 10 critic steps per epoch; n_critic 1 for dcgan, 5 for wgan.
        assertThat(dcgan.training().criticSteps()).isEqualTo(60);
        assertThat(dcgan.training().epochs()).isEqualTo(6);
        assertThat(wgan.training().criticSteps()).isEqualTo(300);
        assertThat(wgan.training().epochs()).isEqualTo(30);
        assertThat(results.provenance().budget().kind()).isEqualTo("gsteps");
        assertThat(results.provenance().budget().generatorSteps()).isEqualTo(60);
        String html = Files.readString(run.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("60 generator steps").contains("by generator steps").contains("ganiqa compare --variants")
                .doesNotContain("ganiqa ganiqa");
    }

    @Test
    void explodingUnitIsDivergedAndNeverRankedAndARunWithoutUsableUnitsFails() throws Exception {
        Path run = temp.resolve("exploding");
        // The case: a DCGAN discriminator at learning rate 1e3 has finite losses near 1e16.
        CliRun r = CliRun.of(compare(run, "--epochs", "1", "--set", "dcgan.learningRateD=1e3"));
        assertThat(r.code()).as(r.err()).isZero();
        RunResults results = ResultsJson.read(run.resolve("results.json"));
        UnitResult dcgan = results.unit("dcgan", 1).orElseThrow();
        assertThat(dcgan.status()).isEqualTo(UnitStatus.DIVERGED);
        assertThat(dcgan.reason()).startsWith("exploding loss at critic step");
        assertThat(results.verdict().winner()).isEqualTo("wgan");
        assertThat(results.variants()).filteredOn(v -> v.variant().equals("dcgan"))
                .allSatisfy(v -> assertThat(v.metrics()).isEmpty());

        Path none = temp.resolve("none");
        CliRun all = CliRun.of("compare", "--variants", "dcgan", "--seeds", "1", "--epochs", "1", "--train-limit", "320",
                "--samples", "60", "--curve-samples", "0", "--batch", "32", "--set", "dcgan.learningRateD=1e3",
                "--out", none.toString());
        assertThat(all.code()).isEqualTo(1);
        assertThat(all.err()).contains("ganiqa: compare: no unit finished usable");
        assertThat(none.resolve("report.html")).exists();
    }

    @Test
    void killedExtensionRecordsEachUnitsBudgetAndRanksNoUnitBehindIt() throws Exception {
        Path run = temp.resolve("killed-extension");
        CliRun first = CliRun.of(compare(run, "--epochs", "1"));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(ResultsJson.read(run).units()).allSatisfy(u -> assertThat(u.budget().epochs()).isEqualTo(1));
        // The extension to 2 epochs, one unit at a time, killed once the first unit has been recorded at 2 epochs.
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"), "dev.ganiqa.harness.Main"));
        command.addAll(List.of(compare(run, "--epochs", "2", "--jobs", "1")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("extension.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
            while (process.isAlive() && System.nanoTime() < deadline && ResultsJson.read(run).units().stream()
                    .noneMatch(u -> u.training().epochs() == 2)) {
                Thread.sleep(100);
            }
            assertThat(process.isAlive()).as("the extension should still be running after its first unit").isTrue();
        } finally {
            process.destroyForcibly().waitFor();
        }
        RunResults results = ResultsJson.read(run);
        assertThat(results.provenance().budget().epochs()).isEqualTo(2);
        UnitResult ahead = results.units().stream().filter(u -> u.training().epochs() == 2).findFirst().orElseThrow();
        UnitResult late = results.units().stream().filter(u -> u != ahead).findFirst().orElseThrow();
        // Each unit records the budget it reached, not the run's.
        assertThat(ahead.budget().epochs()).isEqualTo(2);
        assertThat(late.training().epochs()).isEqualTo(1);
        assertThat(late.budget().epochs()).isEqualTo(1);
        assertThat(results.behind()).containsExactly(late);
        // Nothing ranks the two budgets together: the unit behind enters no statistic and there is no winner.
        String lateName = late.variant() + "-seed1";
        assertThat(results.verdict().winner()).isNull();
        assertThat(results.verdict().sentence()).contains("1 unit is behind the run's budget of 2 epochs (" + lateName
                + " at 1 epoch)");
        assertThat(results.variants()).extracting(v -> v.variant()).containsExactly(ahead.variant());
        assertThat(results.tests()).isEmpty();
        // The kill may have come between results.json and report.html: the report is rendered again from the former.
        CliRun report = CliRun.of("report", run.toString());
        assertThat(report.code()).as(report.err()).isZero();
        String html = Files.readString(run.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain(" has the lowest ").contains("<strong>Incomplete run:</strong> 1 unit is "
                + "behind the run's budget of 2 epochs ("
                + lateName + " at 1 epoch)").contains("ok, behind<small>trained to 1 epoch of the run's 2 epochs");

        // The same command finishes the extension; then both units are at 2 epochs and ranked together.
        CliRun resumed = CliRun.of(compare(run, "--epochs", "2"));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        RunResults done = ResultsJson.read(run);
        assertThat(done.units()).allSatisfy(u -> assertThat(u.budget().epochs()).isEqualTo(2));
        assertThat(done.incomplete()).isFalse();
        assertThat(done.verdict().winner()).isNotNull();
    }

    @Test
    void largerBudgetContinuesEveryUnitFromItsCheckpoint() throws Exception {
        Path run = temp.resolve("extend");
        CliRun first = CliRun.of(compare(run, "--epochs", "1"));
        assertThat(first.code()).as(first.err()).isZero();
        Path dcganLog = run.resolve("units/dcgan-seed1/train/log.jsonl");
        String firstStep = Files.readAllLines(dcganLog).get(0);
        String firstPoint = Files.readAllLines(run.resolve("units/wgan-seed1/curve.jsonl")).get(0);

        CliRun more = CliRun.of(compare(run, "--epochs", "3"));
        assertThat(more.code()).as(more.err()).isZero();
        assertThat(more.err()).contains("extending the comparison").contains("from epochs:1 to epochs:3")
                .contains("dcgan-seed1: continuing from its checkpoint to 3 epochs")
                .contains("wgan-seed1: continuing from its checkpoint to 3 epochs");
        RunResults results = ResultsJson.read(run.resolve("results.json"));
        for (UnitResult u : results.units()) {
            assertThat(u.status()).isEqualTo(UnitStatus.OK);
            assertThat(u.training().epochs()).isEqualTo(3);
            assertThat(u.training().criticSteps()).isEqualTo(30);
            assertThat(u.curve()).extracting(EpochPoint::epoch).containsExactly(1, 2, 3);
        }
        // Not retrained: the first step's line (with its measured step time) and the first curve point are kept.
        assertThat(Files.readAllLines(dcganLog)).hasSize(30).first().isEqualTo(firstStep);
        assertThat(Files.readAllLines(run.resolve("units/wgan-seed1/curve.jsonl")).get(0)).isEqualTo(firstPoint);
        assertThat(results.provenance().budget().epochs()).isEqualTo(3);
        // The report says at which budgets the comparison was run.
        assertThat(results.provenance().earlierBudgets()).extracting(b -> b.epochs()).containsExactly(1);
        assertThat(Files.readString(run.resolve("report.html"))).contains("extended from").contains("1 epoch");
        // Three curve points, each with its bootstrap spread: the state of each unit is decided and recorded (a
        // unit whose samples reach no real image is "not started" whatever its curve).
        assertThat(results.units()).allSatisfy(u -> {
            assertThat(u.curve()).allSatisfy(p -> assertThat(p.fidError()).isPositive());
            assertThat(u.convergence().trend()).isNotEqualTo(dev.ganiqa.reports.model.Convergence.Trend.UNKNOWN);
            assertThat(u.convergence().detail()).containsAnyOf("over epoch 1-3", "recall");
        });
        assertThat(results.provenance().finishedAt()).isNotNull();

        CliRun same = CliRun.of(compare(run, "--epochs", "3"));
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.err()).contains("dcgan-seed1: recorded earlier (OK), skipped");
        CliRun less = CliRun.of(compare(run, "--epochs", "2"));
        assertThat(less.code()).isEqualTo(2);
        assertThat(less.err()).contains("a budget of epochs:2 (a rerun may only extend epochs:3");
        CliRun otherAxis = CliRun.of(compare(run, "--budget", "gsteps:100"));
        assertThat(otherAxis.code()).isEqualTo(2);
    }
}
