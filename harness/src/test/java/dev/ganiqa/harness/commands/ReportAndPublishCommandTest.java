package dev.ganiqa.harness.commands;

import dev.ganiqa.datasets.AtomicFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.harness.cli.CliRun;
import dev.ganiqa.harness.compare.stats.SeedStatistics;
import dev.ganiqa.reports.model.BestEpoch;
import dev.ganiqa.reports.model.Budget;
import dev.ganiqa.reports.model.DatasetInfo;
import dev.ganiqa.reports.model.Distribution;
import dev.ganiqa.reports.model.EpochPoint;
import dev.ganiqa.reports.model.ExtractorInfo;
import dev.ganiqa.reports.model.ImageRef;
import dev.ganiqa.reports.model.MetricValue;
import dev.ganiqa.reports.model.Provenance;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.UnitStatus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReportAndPublishCommandTest {
    @TempDir
    Path dir;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();

    private int ganiqa(String... args) {
        CliRun run = CliRun.of(args);
        out.append(run.out());
        err.append(run.err());
        return run.code();
    }

    @Test
    void reportRendersFromResultsJsonWithPathImages() throws IOException {
        Path run = writeRun("run-a", 3);
        assertThat(ganiqa("report", run.toString())).isEqualTo(0);
        Path report = run.resolve("report.html");
        assertThat(out.toString().strip()).isEqualTo(report.toString());
        String html = Files.readString(report);
        // Statistics computed by SeedStatistics, grid PNGs referenced by path and inlined.
        assertThat(html).contains("cwgan has the lowest FID (ganiqa-fmnist-v1)").contains("data:image/png;base64,");
        Path custom = dir.resolve("elsewhere/r.html");
        assertThat(ganiqa("report", run.toString(), "--out", custom.toString())).isEqualTo(0);
        assertThat(Files.readString(custom)).isEqualTo(html);
        // The same numbers as Markdown, next to the page by default.
        out.setLength(0);
        assertThat(ganiqa("report", run.toString(), "--format", "markdown")).isEqualTo(0);
        assertThat(out.toString().strip()).isEqualTo(run.resolve("report.md").toString());
        assertThat(Files.readString(run.resolve("report.md"))).contains("cwgan has the lowest FID (ganiqa-fmnist-v1)")
                .contains("| variant | seeds OK | FID (ganiqa-fmnist-v1) \u2193 |");
        assertThat(ganiqa("report", run.toString(), "--format", "pdf")).isEqualTo(2);
        assertThat(err.toString()).contains("expected html or markdown, found 'pdf'");
    }

    @Test
    void reportErrorsAreOneLineWithTheFile() {
        Path missing = dir.resolve("nothing-here");
        assertThat(ganiqa("report", missing.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("ganiqa: report: "
                + missing.resolve("results.json") + ": expected a results.json, found no such file"
                + System.lineSeparator());
        err.setLength(0);
        assertThat(ganiqa("report")).isEqualTo(2);
        assertThat(err.toString()).startsWith("ganiqa: usage: expected one RUN_DIR, found 0");
    }

    @Test
    void reportNeverReplacesTheRunsOwnData() throws IOException {
        Path run = writeRun("run-a", 2);
        Files.writeString(run.resolve("compare.json"), "{}");
        Files.writeString(run.resolve("plan.json"), "{}");
        Files.createDirectories(run.resolve("units/dcgan-seed1"));
        Files.writeString(run.resolve("units/dcgan-seed1/unit.json"), "{}");
        Path alias = Files.createSymbolicLink(dir.resolve("alias"), run);
        Path results = run.resolve("results.json");
        byte[] data = Files.readAllBytes(results);
        String[][] refused = {
                {run.toString(), results.toString()},
                {run.toString(), run.resolve("compare.json").toString()},
                {run.toString(), run.resolve("plan.json").toString()},
                {run.toString(), run.resolve("units/dcgan-seed1/unit.json").toString()},
                {run.toString(), run.resolve("units/new/../../results.json").toString()},
                {run.toString(), alias.resolve("results.json").toString()},
                {results.toString(), results.toString()},
                {alias.toString(), run.resolve("notes.txt").toString()}};
        for (String[] c : refused) {
            err.setLength(0);
            assertThat(ganiqa("report", c[0], "--out", c[1])).as(String.join(" ", c)).isEqualTo(1);
            assertThat(err.toString()).as(String.join(" ", c)).startsWith("ganiqa: report: " + c[1]
                    + ": expected a report file (.html or .md) or a path outside the run folder").hasLineCount(1)
                    .contains("a report never replaces a run's data");
        }
        err.setLength(0);
        assertThat(ganiqa("report", run.toString(), "--out", run.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("ganiqa: report: " + run + ": expected a file to write, found a folder"
                + System.lineSeparator());
        assertThat(results).hasBinaryContent(data);
        assertThat(run.resolve("compare.json")).hasContent("{}");
        assertThat(run.resolve("units/dcgan-seed1/unit.json")).hasContent("{}");
        assertThat(run.resolve("units/new")).doesNotExist();
        // Reports of their own are fine inside the run folder. (The "{}" placeholders above stand for data that must
        // survive, not for a plan: a run folder's plan is read to name missing units, and "{}" is none.)
        Files.delete(run.resolve("plan.json"));
        Files.delete(run.resolve("compare.json"));
        err.setLength(0);
        assertThat(ganiqa("report", run.toString(), "--out", run.resolve("other.html").toString())).as(err.toString())
                .isEqualTo(0);
        assertThat(ganiqa("report", run.toString(), "--format", "markdown", "--out", run.resolve("README.md")
                .toString())).isEqualTo(0);
    }

    /** A FIFO blocks whoever opens it for reading until a writer comes: every reader must refuse it instead. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoInsteadOfAFileIsRefusedNotWaitedOn() throws Exception {
        Path run = writeRun("run-a", 2);
        Path results = run.resolve("results.json");
        Path saved = Files.move(results, dir.resolve("saved.json"));
        mkfifo(results);
        String[][] commands = {{"report", run.toString()}, {"bundle", run.toString(), "--out",
                dir.resolve("bundle").toString()}, {"publish", run.toString(), "--site", dir.resolve("site").toString()}};
        for (String[] args : commands) {
            err.setLength(0);
            assertThat(ganiqa(args)).as(args[0]).isEqualTo(1);
            assertThat(err.toString()).as(args[0]).isEqualTo("ganiqa: " + args[0] + ": " + results
                    + ": expected a regular file, found a FIFO (named pipe)" + System.lineSeparator());
        }
        // A sample grid that is a FIFO: the same, naming the grid.
        Files.delete(results);
        Files.move(saved, results);
        Path grid = run.resolve("grids/wgan-2.png");
        Files.delete(grid);
        mkfifo(grid);
        err.setLength(0);
        assertThat(ganiqa("bundle", run.toString(), "--out", dir.resolve("bundle").toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("ganiqa: bundle: " + grid.toAbsolutePath()
                + ": expected a regular file, found a FIFO (named pipe)" + System.lineSeparator());
    }

    private static void mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }

    @Test
    void publishBuildsASiteFromTwoRuns() throws IOException {
        Path a = writeRun("run-a", 3);
        Path b = writeRun("run-b", 2);
        Path site = dir.resolve("site");
        assertThat(ganiqa("publish", a.toString(), b.toString(), "--site", site.toString())).isEqualTo(0);
        assertThat(site.resolve("runs/run-a/index.html")).isRegularFile();
        // The site's copy is the run's results with its grids embedded: the site works without the run folder.
        RunResults copy = ResultsJson.read(site.resolve("runs/run-b"));
        for (var u : copy.units()) {
            assertThat(u.sampleGrid().path()).isNull();
            assertThat(java.util.Base64.getDecoder().decode(u.sampleGrid().base64()))
                    .isEqualTo(Files.readAllBytes(b.resolve("grids/" + u.variant() + "-" + u.seed() + ".png")));
        }
        String index = Files.readString(site.resolve("index.html"));
        assertThat(index).contains("href=\"runs/run-a/index.html\"").contains("href=\"runs/run-b/index.html\"");
        assertThat(out.toString().lines()).hasSize(3);
        assertThat(ganiqa("publish", a.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("ganiqa: usage:").contains("--site");
    }

    @Test
    void aKilledRunIsReportedIncompleteAndPublishedOnlyWhenAskedAndThenMarked() throws IOException {
        // A run killed after two of its three seeds, its results.json written before missing units were recorded:
        // the plan in its compare.json says what is missing.
        Path killed = writeRun("killed", 2);
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(killed.resolve("compare.json").toFile(),
                new dev.ganiqa.harness.compare.CompareConfig("fashion-mnist", List.of("dcgan", "wgan", "cwgan"),
                        dev.ganiqa.trainers.Budget.epochs(2), 0, List.of(1L, 2L, 3L), 500, 100, 0, "ganiqa-fmnist-v1",
                        64, "default", List.of(), null));
        String missing = "3 of 9 planned units have no result (dcgan-seed3, wgan-seed3, cwgan-seed3)";
        assertThat(ganiqa("report", killed.toString())).isEqualTo(0);
        String html = Files.readString(killed.resolve("report.html"));
        assertThat(html).contains("<strong>Incomplete run:</strong> " + missing).contains("6 of 9 planned units")
                .contains("No verdict, the run is incomplete").doesNotContain("cwgan has the lowest")
                .doesNotContain("<td class=\"best\">").contains("--out " + killed + "</code>");
        assertThat(ganiqa("report", killed.toString(), "--format", "markdown")).isEqualTo(0);
        assertThat(Files.readString(killed.resolve("report.md"))).contains("> **Incomplete run:** " + missing)
                .doesNotContain("cwgan has the lowest");

        Path site = dir.resolve("site");
        err.setLength(0);
        assertThat(ganiqa("publish", writeRun("run-a", 3).toString(), killed.toString(), "--site", site.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).isEqualTo("ganiqa: publish: " + killed + ": expected a complete run, found "
                + missing + " (finish it with compare on this folder, or publish it marked incomplete with "
                + "--allow-incomplete)" + System.lineSeparator());
        assertThat(site).doesNotExist();
        assertThat(ganiqa("publish", dir.resolve("run-a").toString(), killed.toString(), "--site", site.toString(),
                "--allow-incomplete")).isEqualTo(0);
        String index = Files.readString(site.resolve("index.html"));
        assertThat(index).contains("incomplete run, not ranked: " + missing).contains("<td>1</td><th scope=\"row\">cwgan"
                + "</th><td class=\"left\"><a href=\"runs/run-a/index.html\">run-a</a>");
        assertThat(ResultsJson.read(site.resolve("runs/killed")).missing()).hasSize(3);
    }

    @Test
    void bundleKeepsWhatTheReportNeedsAndReportRebuildsItFromThere() throws IOException {
        Path run = writeRun("run-a", 3);
        // The real-data row's grid is referenced by path too (compare writes real/grid.png).
        Files.createDirectories(run.resolve("real"));
        ImageIO.write(image(new Random(5)), "png", run.resolve("real/grid.png").toFile());
        ResultsJson.write(ResultsJson.read(run).withReference(new dev.ganiqa.reports.model.RealReference(
                "test (1000) vs train (1000)", Map.of("fid", MetricValue.of(1.5, 1000, 1000)), Map.of(), null,
                ImageRef.file("real/grid.png", "real test images"))), run.resolve("results.json"), AtomicFiles::write);
        Path bundle = dir.resolve("published/fashion-mnist");
        assertThat(ganiqa("bundle", run.toString(), "--out", bundle.toString())).isEqualTo(0);
        assertThat(out.toString().lines()).containsExactly(bundle.resolve("results.json").toString(),
                bundle.resolve("report.html").toString());
        try (var files = Files.list(bundle)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("results.json",
                    "report.html");
        }
        // Grids embedded: the bundle alone renders the same page as the run folder with its grids.
        RunResults bundled = ResultsJson.read(bundle);
        assertThat(bundled.units()).hasSize(9).allSatisfy(u -> assertThat(u.sampleGrid().path()).isNull());
        assertThat(bundled.reference().sampleGrid().path()).isNull();
        assertThat(java.util.Base64.getDecoder().decode(bundled.reference().sampleGrid().base64()))
                .isEqualTo(Files.readAllBytes(run.resolve("real/grid.png")));
        byte[] page = Files.readAllBytes(bundle.resolve("report.html"));
        assertThat(ganiqa("report", run.toString())).isEqualTo(0);
        assertThat(run.resolve("report.html")).hasBinaryContent(page);
        Path copy = dir.resolve("clone");
        Files.createDirectories(copy);
        Files.copy(bundle.resolve("results.json"), copy.resolve("results.json"));
        assertThat(ganiqa("report", copy.toString())).isEqualTo(0);
        assertThat(copy.resolve("report.html")).hasBinaryContent(page);
        // The same run bundles again in place; another run is refused and the bundle is kept.
        assertThat(ganiqa("bundle", run.toString(), "--out", bundle.toString())).isEqualTo(0);
        Path other = writeRun("run-b", 2);
        byte[] kept = Files.readAllBytes(bundle.resolve("results.json"));
        err.setLength(0);
        assertThat(ganiqa("bundle", other.toString(), "--out", bundle.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("ganiqa: bundle: " + bundle.resolve("results.json")
                + ": expected no results.json or one of run run-b, found run run-a (choose another --out)"
                + System.lineSeparator());
        assertThat(bundle.resolve("results.json")).hasBinaryContent(kept);
        // A grid missing from the run folder: one line naming it, nothing written.
        Files.delete(other.resolve("grids/wgan-2.png"));
        err.setLength(0);
        Path fresh = dir.resolve("fresh");
        assertThat(ganiqa("bundle", other.toString(), "--out", fresh.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("ganiqa: bundle: " + other.resolve("grids/wgan-2.png").toAbsolutePath())
                .contains("no such file").hasLineCount(1);
        assertThat(fresh).doesNotExist();
        // A results.json named as a file finds its grids beside it; the run's own folder is refused as --out.
        Path fromFile = dir.resolve("from-file");
        assertThat(ganiqa("bundle", run.resolve("results.json").toString(), "--out", fromFile.toString())).isEqualTo(0);
        assertThat(fromFile.resolve("report.html")).hasBinaryContent(page);
        err.setLength(0);
        assertThat(ganiqa("bundle", run.toString(), "--out", run.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("ganiqa: bundle: " + run + ": expected a folder other than the run's own");
        // A grid that is a link out of the run folder is not carried into the bundle.
        Path outside = Files.write(dir.resolve("secret.png"), Files.readAllBytes(run.resolve("real/grid.png")));
        Files.delete(run.resolve("real/grid.png"));
        Files.createSymbolicLink(run.resolve("real/grid.png"), outside);
        err.setLength(0);
        assertThat(ganiqa("bundle", run.toString(), "--out", dir.resolve("leak").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("real/grid.png: expected a file inside").contains("found a link to");
        assertThat(dir.resolve("leak")).doesNotExist();
    }

    /** A run folder with real PNG grids on disk and statistics from {@link SeedStatistics}. */
    private Path writeRun(String id, int seeds) throws IOException {
        Path run = dir.resolve(id);
        Files.createDirectories(run.resolve("grids"));
        Random random = new Random(id.hashCode());
        List<UnitResult> units = new ArrayList<>();
        String[] variants = {"dcgan", "wgan", "cwgan"};
        for (int v = 0; v < variants.length; v++) {
            for (int s = 1; s <= seeds; s++) {
                String grid = "grids/" + variants[v] + "-" + s + ".png";
                ImageIO.write(image(random), "png", run.resolve(grid).toFile());
                double fid = 40 - 12 * v + random.nextGaussian();
                units.add(new UnitResult(variants[v], s, UnitStatus.OK, null, null, null,
                        List.of(new EpochPoint(1, fid * 2, Map.of("generator", 1.0)), new EpochPoint(2, fid * 1.2,
                                Map.of("generator", 0.7))), new BestEpoch(2, fid * 1.2),
                        Map.of("fid", MetricValue.of(fid, 500, 1000)),
                        Map.of("sharpness", Distribution.of(random.doubles(50).toArray())), null,
                        ImageRef.file(grid, variants[v]), List.of()));
            }
        }
        Provenance provenance = new Provenance("0.1.0-SNAPSHOT", new DatasetInfo("fashion-mnist", "abc",
                Map.of("train", 1000, "test", 1000), 28, 28, 1, List.of()), Map.of(), List.of(1L, 2L),
                new Budget("epochs", 2, 0, 500, 100, null), new ExtractorInfo("ganiqa-fmnist-v1", "1", "ff", 128),
                null, Instant.parse("2026-11-22T12:00:00Z"), null, 60, List.of("compare"));
        RunResults results = SeedStatistics.apply(new RunResults(RunResults.SCHEMA_VERSION, id, provenance,
                dev.ganiqa.harness.compare.ResultsMapping.catalogue(), units, null, List.of(), List.of(), null));
        ResultsJson.write(results, run.resolve(ResultsJson.FILE_NAME), AtomicFiles::write);
        return run;
    }

    private static BufferedImage image(Random random) {
        BufferedImage image = new BufferedImage(56, 56, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 56; x++) {
                image.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        return image;
    }
}
