package dev.ganiqa.harness.compare;

import dev.ganiqa.metrics.features.EmbeddedExtractor;
import dev.ganiqa.metrics.eval.MetricDefinitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.harness.cli.CliRun;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.reports.html.Chromium;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.UnitStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny but complete comparison on real Fashion-MNIST: two variants, two seeds, one short epoch; then the
 * report in a real browser, a static site from two runs, and the promise that a metric computed in the pipeline
 * equals the same metric computed later on the saved sample folder.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompareEndToEndTest {
    @TempDir
    static Path temp;
    static Path run;
    static CliRun result;

    static final String[] TINY = {"--epochs", "1", "--train-limit", "320", "--samples", "120", "--curve-samples",
        "60", "--batch", "32"};

    static String[] args(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    @BeforeAll
    static void compare() {
        run = temp.resolve("run-a");
        result = CliRun.of(args(args(new String[] {"compare", "--variants", "dcgan,cwgan", "--seeds", "2"}, TINY),
                "--out", run.toString()));
    }

    @Test
    @Order(1)
    void writesResultsForEveryUnitWithProvenance() throws Exception {
        assertThat(result.code()).as(result.err()).isZero();
        RunResults r = ResultsJson.read(run.resolve("results.json"));
        assertThat(r.units()).hasSize(4).allMatch(u -> u.status() == UnitStatus.OK);
        for (UnitResult u : r.units()) {
            assertThat(u.metrics()).containsKeys(MetricDefinitions.FID, MetricDefinitions.KID, MetricDefinitions.IS,
                    MetricDefinitions.PRECISION, MetricDefinitions.RECALL, MetricDefinitions.DENSITY, MetricDefinitions.COVERAGE,
                    MetricDefinitions.SHARPNESS, MetricDefinitions.NOISE);
            assertThat(u.metrics().get(MetricDefinitions.FID).value()).isPositive();
            assertThat(u.curve()).hasSize(1);
            assertThat(u.training().epochs()).isEqualTo(1);
            assertThat(u.training().criticSteps()).isEqualTo(320 / 32);
            assertThat(u.imageMeasures()).containsKey("laplacian_var");
            assertThat(u.neighbours()).hasSize(UnitRunner.NEIGHBOURS);
            // The trainer's collapse check travels into results.json: within classes for the conditional variant.
            assertThat(u.training().collapse()).isNotNull();
            assertThat(u.training().collapse().byClass()).isEqualTo(u.variant().equals("cwgan"));
            assertThat(u.training().collapse().realSpread()).isPositive();
        }
        UnitResult cwgan = r.unit("cwgan", 1).orElseThrow();
        assertThat(cwgan.perClass().groupedBy()).isEqualTo("label");
        assertThat(r.unit("dcgan", 1).orElseThrow().perClass().groupedBy()).isEqualTo("predicted");
        // The two variants were trained on the same batches: equal images seen, unequal generator steps.
        assertThat(cwgan.training().imagesSeen()).isEqualTo(r.unit("dcgan", 1).orElseThrow().training().imagesSeen());
        assertThat(cwgan.training().generatorSteps()).isLessThan(r.unit("dcgan", 1).orElseThrow().training().generatorSteps());
        assertThat(r.variants()).hasSize(2).allMatch(v -> v.metrics().get(MetricDefinitions.FID).n() == 2);
        assertThat(r.verdict().sentence()).contains("2 seeds");
        // The real-data row: real training images score a far lower FID than one-epoch generators.
        double realFid = r.reference().metrics().get(MetricDefinitions.FID).value();
        assertThat(realFid).isLessThan(r.units().stream().mapToDouble(u -> u.metrics().get("fid").value()).min()
                .orElseThrow());
        assertThat(r.provenance().extractor().name()).isEqualTo(Extractors.DEFAULT);
        assertThat(r.provenance().extractor().sha256()).hasSize(64);
        assertThat(r.provenance().dataset().sha256()).hasSize(64);
        assertThat(r.provenance().seeds()).containsExactly(1L, 2L);
        assertThat(r.provenance().commandLine()).contains("compare", "dcgan,cwgan");
        assertThat(result.out()).contains("report:").contains("FID (" + EmbeddedExtractor.NAME + ")");
    }

    @Test
    @Order(2)
    void pipelineMetricsEqualMetricsOfTheSavedSampleFolder() throws Exception {
        RunResults r = ResultsJson.read(run.resolve("results.json"));
        UnitResult unit = r.unit("cwgan", 2).orElseThrow();
        Path samples = run.resolve("units").resolve("cwgan-seed2").resolve("samples");
        ImageDataset test = Datasets.open("fashion-mnist").open(Split.TEST);
        ImageDataset saved = Datasets.open(samples.toString()).open(Split.TRAIN);
        assertThat(saved.size()).isEqualTo(120);
        assertThat(saved.classNames()).hasSize(10);
        try (FeatureExtractor extractor = Extractors.open(Extractors.DEFAULT, Map.of())) {
            UnitEvaluation again = new UnitEvaluator(UnitEvaluator.reference(test, extractor), extractor, 2,
                    UnitEvaluator.primaryMeasures(test, 2)).evaluate(saved);
            for (String metric : unit.metrics().keySet()) {
                assertThat(again.metrics().get(metric).value()).as(metric).isCloseTo(unit.metrics().get(metric).value(),
                        sameUpToThreads(unit.metrics().get(metric).value()));
            }
        }
        // ... and to what `ganiqa metrics FAKE --real REAL` and `ganiqa fid FAKE REAL` say about the saved folder
        // later: one evaluation path. The unit's features were extracted by a worker with one TF thread, these with
        // two, and the convolutions then sum in another order: the same numbers up to the last bits.
        Path json = temp.resolve("cwgan-seed2-metrics.json");
        CliRun later = CliRun.of("metrics", samples.toString(), "--real", "fashion-mnist@test", "--json", json.toString());
        assertThat(later.code()).as(later.err()).isZero();
        var setMetrics = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("features")
                .get("metrics");
        for (String metric : java.util.List.of("fid", "kid", "is", "precision", "recall", "density", "coverage")) {
            assertThat(setMetrics.get(metric).get("value").asDouble()).as(metric)
                    .isCloseTo(unit.metrics().get(metric).value(), sameUpToThreads(unit.metrics().get(metric).value()));
        }
        CliRun fid = CliRun.of("fid", samples.toString(), "fashion-mnist@test", "--no-cache");
        assertThat(fid.code()).as(fid.err()).isZero();
        assertThat(fid.out().strip()).startsWith("FID (" + EmbeddedExtractor.NAME + "): ");
        assertThat(Double.parseDouble(fid.out().strip().substring(("FID (" + EmbeddedExtractor.NAME + "): ").length())))
                .isCloseTo(unit.metrics().get("fid").value(), sameUpToThreads(unit.metrics().get("fid").value()));
    }

    /** Features of one TF thread count against another's: equal to 1e-9 relative (measured), asserted to 1e-7. */
    static org.assertj.core.data.Offset<Double> sameUpToThreads(double expected) {
        return org.assertj.core.data.Offset.offset(1e-7 * Math.max(1, Math.abs(expected)));
    }

    @Test
    @Order(3)
    void rerunSkipsFinishedUnitsAndChangesNothing() throws Exception {
        byte[] before = Files.readAllBytes(run.resolve("units/dcgan-seed1/curve.jsonl"));
        CliRun again = CliRun.of(args(args(new String[] {"compare", "--variants", "dcgan,cwgan", "--seeds", "2"}, TINY),
                "--out", run.toString()));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("recorded earlier").doesNotContain("training 1 epoch");
        assertThat(Files.readAllBytes(run.resolve("units/dcgan-seed1/curve.jsonl"))).isEqualTo(before);
        // Other spellings of the same configuration continue it: the documented alias of the default extractor and
        // a hyper-parameter set to its default value.
        CliRun spelled = CliRun.of(args(args(new String[] {"compare", "--variants", "dcgan,cwgan", "--seeds", "2"},
                TINY), "--extractor", "default", "--set", "dcgan.beta1=0.5", "--out", run.toString()));
        assertThat(spelled.code()).as(spelled.err()).isZero();
        assertThat(spelled.err()).contains("recorded earlier").doesNotContain("training 1 epoch");
        CliRun other = CliRun.of(args(args(new String[] {"compare", "--variants", "dcgan", "--seeds", "2"}, TINY),
                "--out", run.toString()));
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("different").contains("compare.json");
    }

    @Test
    @Order(4)
    void reportRendersInChromiumWithoutConsoleErrors() throws Exception {
        assumeTrue(Chromium.available(), "needs Debian chromium (scripts/install-deps.sh installs it)");
        Path profile = temp.resolve("chromium-profile");
        Chromium.Output dom = Chromium.run(profile, "--dump-dom", run.resolve("report.html").toUri().toString());
        assertThat(dom.stdout()).contains("dcgan").contains("cwgan").contains("FID (" + EmbeddedExtractor.NAME + ")")
                .contains("real data");
        assertThat(dom.consoleProblems()).isEmpty();
        Path shot = Path.of("target", "compare-report.png").toAbsolutePath();
        Chromium.run(temp.resolve("chromium-profile-2"), "--window-size=1280,3000", "--screenshot=" + shot,
                run.resolve("report.html").toUri().toString());
        assertThat(shot).isNotEmptyFile();
    }

    @Test
    @Order(5)
    void divergedUnitIsRecordedAndEscapedClassNamesStayText() throws Exception {
        // An image folder with a class named like a script tag, exported from real Fashion-MNIST images.
        Path folder = temp.resolve("folder");
        ImageDataset source = dev.ganiqa.datasets.SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST),
                400, 7);
        byte[] pixels = new byte[source.size() * source.shape().values()];
        int[] labels = new int[source.size()];
        for (int i = 0; i < source.size(); i++) {
            System.arraycopy(source.image(i), 0, pixels, i * source.shape().values(), source.shape().values());
            labels[i] = source.label(i) < 5 ? 0 : 1;
        }
        dev.ganiqa.datasets.ImageFolderWriter.write(new dev.ganiqa.datasets.ArrayDataset("escape test", source.shape(),
                pixels, labels, java.util.List.of("<script>alert(1)</script>", "plain & simple"), null,
                java.util.List.of()), folder, Integer.MAX_VALUE);
        Path runB = temp.resolve("run-b");
        CliRun b = CliRun.of("compare", "--data", folder.toString(), "--variants", "cdcgan,wgan", "--seeds", "1",
                "--epochs", "1", "--samples", "60", "--curve-samples", "0", "--batch", "32",
                "--set", "wgan.learningRateD=1e30", "--out", runB.toString());
        assertThat(b.code()).as(b.err()).isZero();
        RunResults r = ResultsJson.read(runB.resolve("results.json"));
        UnitResult wgan = r.unit("wgan", 1).orElseThrow();
        assertThat(wgan.status()).isEqualTo(UnitStatus.DIVERGED);
        assertThat(wgan.reason()).contains("non-finite");
        assertThat(r.unit("cdcgan", 1).orElseThrow().status()).isEqualTo(UnitStatus.OK);
        String html = Files.readString(runB.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        // The rerun does not retry the diverged unit.
        CliRun again = CliRun.of("compare", "--data", folder.toString(), "--variants", "cdcgan,wgan", "--seeds", "1",
                "--epochs", "1", "--samples", "60", "--curve-samples", "0", "--batch", "32",
                "--set", "wgan.learningRateD=1e30", "--out", runB.toString());
        assertThat(again.err()).contains("wgan-seed1: recorded earlier (DIVERGED)");

        Path site = temp.resolve("site");
        CliRun publish = CliRun.of("publish", run.toString(), runB.toString(), "--site", site.toString());
        assertThat(publish.code()).as(publish.err()).isZero();
        String index = Files.readString(site.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(index).contains("run-a").contains("run-b");
        assertThat(site.resolve("runs/run-a/results.json")).exists();
        assertThat(site.resolve("runs/run-b/index.html")).exists();
    }

    @Test
    @Order(6)
    void killedComparisonResumesFromItsLastFinishedUnit() throws Exception {
        Path runC = temp.resolve("run-c");
        String[] compare = args(args(new String[] {"compare", "--variants", "dcgan,wgan", "--seeds", "1"}, TINY),
                "--out", runC.toString());
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.ganiqa.harness.Main"));
        command.addAll(java.util.List.of(compare));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("killed.log").toFile()).start();
        Path results = runC.resolve("results.json");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (process.isAlive() && System.nanoTime() < deadline
                && !(Files.exists(results) && ResultsJson.read(results).units().size() >= 1)) {
            Thread.sleep(100);
        }
        assertThat(process.isAlive()).as("the comparison should still be running after its first unit").isTrue();
        process.destroyForcibly().waitFor();
        RunResults killed = ResultsJson.read(results);
        assertThat(killed.units()).hasSize(1);
        // results.json records the planned unit that has no result; the report says so at the top and ranks nothing.
        assertThat(killed.missing()).hasSize(1);
        String missing = killed.missing().get(0).name();
        assertThat(missing).isIn("dcgan-seed1", "wgan-seed1").isNotEqualTo(killed.units().get(0).variant() + "-seed1");
        CliRun report = CliRun.of("report", runC.toString());
        assertThat(report.code()).as(report.err()).isZero();
        String html = Files.readString(runC.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<strong>Incomplete run:</strong> 1 of 2 planned units has no result (" + missing
                + ")").contains("1 of 2 planned units \u00b7").contains("No verdict, the run is incomplete")
                .doesNotContain(" has the lowest ").doesNotContain("extend every unit");
        CliRun markdown = CliRun.of("report", runC.toString(), "--format", "markdown");
        assertThat(markdown.code()).as(markdown.err()).isZero();
        assertThat(Files.readString(runC.resolve("report.md"))).contains("> **Incomplete run:** 1 of 2 planned units "
                + "has no result (" + missing + ")").doesNotContain(" has the lowest ");
        // publish refuses it in one line naming the unit, unless asked, and then the site marks it.
        Path site = temp.resolve("site-killed");
        CliRun refused = CliRun.of("publish", runC.toString(), "--site", site.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).startsWith("ganiqa: publish: " + runC + ": expected a complete run, found 1 of 2 "
                + "planned units has no result (" + missing + ")").hasLineCount(1);
        assertThat(site).doesNotExist();
        CliRun allowed = CliRun.of("publish", runC.toString(), "--site", site.toString(), "--allow-incomplete");
        assertThat(allowed.code()).as(allowed.err()).isZero();
        assertThat(Files.readString(site.resolve("index.html"))).contains("incomplete run, not ranked: 1 of 2 "
                + "planned units has no result (" + missing + ")").doesNotContain("<td>1</td>");

        CompareConfig config = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(runC.resolve("compare.json").toFile(), CompareConfig.class);
        assertThat(RunFolder.unfinished(temp, config)).contains(runC);

        CliRun resumed = CliRun.of(compare);
        assertThat(resumed.code()).as(resumed.err()).isZero();
        // Whichever unit had finished is kept; the other one runs (units may run at once, in either order), from
        // scratch or, when the kill came after its epoch's checkpoint, from that checkpoint.
        assertThat(resumed.err().lines().filter(l -> l.contains(": recorded earlier (OK), skipped"))).hasSize(1);
        assertThat(resumed.err().lines().filter(l -> l.matches(
                "ganiqa: unit ./2 .*: (training|continuing from its checkpoint to) 1 epoch.*"))).hasSize(1);
        RunResults r = ResultsJson.read(results);
        assertThat(r.units()).hasSize(2).allMatch(u -> u.status() == UnitStatus.OK);
        assertThat(r.missing()).isEmpty();
        assertThat(RunFolder.unfinished(temp, config)).isEmpty();
    }

    @Test
    @Order(7)
    void aCopiedRunFolderPrintsCommandsForTheCopy() throws Exception {
        Path copy = temp.resolve("copied-run");
        try (Stream<Path> paths = Files.walk(run)) {
            for (Path p : paths.toList()) {
                Files.copy(p, copy.resolve(run.relativize(p).toString()));
            }
        }
        assertThat(ResultsJson.read(copy).verdict().provisional()).as("a provisional verdict offers to extend").isTrue();
        CliRun again = CliRun.of(args(args(new String[] {"compare", "--variants", "dcgan,cwgan", "--seeds", "2"}, TINY),
                "--out", copy.toString()));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out().lines().filter(l -> l.startsWith("extend:")))
                .containsExactly("extend:  ganiqa compare --variants dcgan,cwgan --seeds 2 --train-limit 320 --samples "
                        + "120 --curve-samples 60 --batch 32 --budget epochs:2 --out " + copy);
        CliRun report = CliRun.of("report", copy.toString());
        assertThat(report.code()).as(report.err()).isZero();
        String html = Files.readString(copy.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("--budget epochs:2 --out " + copy + "</code>")
                .doesNotContain("--budget epochs:2 --out " + run).doesNotContain("--out runs/run-a");
    }
}
