package dev.ganiqa.reports.site;

import dev.ganiqa.reports.PlainOutput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.reports.Fixtures;
import dev.ganiqa.reports.html.Chromium;
import dev.ganiqa.reports.model.ResultsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitePublisherTest {
    @TempDir
    Path dir;

    private Path run(String id, String extractor) throws IOException {
        Path runDir = dir.resolve("runs-src").resolve(RunFolders.of(id));
        ResultsJson.write(Fixtures.run(id, "fashion-mnist", extractor), runDir.resolve(ResultsJson.FILE_NAME), PlainOutput.PLAIN);
        return runDir;
    }

    @Test
    void twoRunsGiveAnIndexWhoseLinksAllResolve() throws IOException {
        Path site = dir.resolve("site");
        List<Path> pages = new SitePublisher(PlainOutput.PLAIN).publish(List.of(run("20261122-a", "ganiqa-fmnist-v1"),
                run("run 2/<b>", "ganiqa-fmnist-v1")), site);
        assertThat(pages).hasSize(2).allSatisfy(p -> assertThat(p).isRegularFile());
        assertThat(site.resolve("runs/20261122-a/results.json")).hasSameBinaryContentAs(
                dir.resolve("runs-src/20261122-a/results.json"));
        List<String> indexLinks = hrefs(site.resolve("index.html"));
        assertThat(indexLinks).contains("runs/20261122-a/index.html", "runs/20261122-a/results.json");
        assertLinksResolve(site.resolve("index.html"));
        for (Path page : pages) {
            assertThat(hrefs(page)).contains("../../index.html", "results.json");
            assertLinksResolve(page);
        }
        // One board: same dataset, same extractor; six entries (3 variants x 2 runs), the best first.
        String index = Files.readString(site.resolve("index.html"));
        assertThat(count(index, "<section class=\"board\">")).isEqualTo(1);
        assertThat(count(index, "<td class=\"best\">")).isGreaterThan(0);
        assertThat(index).contains("run 2/&lt;b&gt;").doesNotContain("run 2/<b>");
    }

    @Test
    void publishingAgainAddsRunsAndKeepsLinks() throws IOException {
        Path site = dir.resolve("site");
        new SitePublisher(PlainOutput.PLAIN).publish(List.of(run("first", "ganiqa-fmnist-v1")), site);
        Path firstPage = site.resolve("runs/first/index.html");
        assertThat(firstPage).isRegularFile();
        new SitePublisher(PlainOutput.PLAIN).publish(List.of(run("second", "inception-2015-12-05")), site);
        assertThat(firstPage).isRegularFile();
        List<String> links = hrefs(site.resolve("index.html"));
        assertThat(links).contains("runs/first/index.html", "runs/second/index.html");
        // Different extractors never share a leaderboard.
        String index = Files.readString(site.resolve("index.html"));
        assertThat(count(index, "<section class=\"board\">")).isEqualTo(2);
        assertThat(index).contains("FID (ganiqa-fmnist-v1)").contains("FID (inception-2015-12-05)");
        assertLinksResolve(site.resolve("index.html"));
    }

    @Test
    void aDifferentRunWithTheSameNameGetsItsOwnFolderAndTheSameRunReplacesItsOwn() throws IOException {
        Path site = dir.resolve("site");
        Path a = run("run-a", "ganiqa-fmnist-v1");
        new SitePublisher(PlainOutput.PLAIN).publish(List.of(a), site);
        byte[] first = Files.readAllBytes(site.resolve("runs/run-a/results.json"));
        // Another machine's run folder of the same name: same id, another start.
        Path other = dir.resolve("elsewhere").resolve("run-a");
        var r = ResultsJson.read(a);
        var p = r.provenance();
        ResultsJson.write(r.withProvenance(new dev.ganiqa.reports.model.Provenance(p.ganiqaVersion(), p.dataset(),
                p.variantConfigs(), p.seeds(), p.budget(), p.extractor(), p.environment(),
                p.startedAt().plusSeconds(3600), p.finishedAt(), p.wallSeconds(), p.commandLine())),
                other.resolve(ResultsJson.FILE_NAME), PlainOutput.PLAIN);
        new SitePublisher(PlainOutput.PLAIN).publish(List.of(other), site);
        assertThat(site.resolve("runs/run-a/results.json")).hasBinaryContent(first);
        String own = RunFolders.distinct("run-a", p.startedAt().plusSeconds(3600).toString());
        assertThat(own).matches("run-a-[0-9a-f]{8}");
        assertThat(site.resolve("runs").resolve(own).resolve("results.json"))
                .hasSameBinaryContentAs(other.resolve(ResultsJson.FILE_NAME));
        assertThat(hrefs(site.resolve("index.html"))).contains("runs/run-a/index.html", "runs/" + own + "/index.html");
        assertThat(Files.readString(site.resolve("runs").resolve(own).resolve("index.html"))).contains(own);
        // Publishing both again changes no folder: each run is recognised as itself.
        new SitePublisher(PlainOutput.PLAIN).publish(List.of(a, other), site);
        try (Stream<Path> folders = Files.list(site.resolve("runs"))) {
            assertThat(folders.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("run-a", own);
        }
        assertLinksResolve(site.resolve("index.html"));
    }

    @Test
    void publishNeverWritesThroughASymbolicLink() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path victim = Files.writeString(outside.resolve("results.json"), "keep me");
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.createSymbolicLink(site.resolve("runs"), outside);
        assertThatThrownBy(() -> new SitePublisher(PlainOutput.PLAIN).publish(List.of(run("x", "e")), site))
                .hasMessageContaining("symbolic link");
        Files.delete(site.resolve("runs"));
        Files.createDirectories(site.resolve("runs"));
        Files.createSymbolicLink(site.resolve("runs/x"), outside);
        assertThatThrownBy(() -> new SitePublisher(PlainOutput.PLAIN).publish(List.of(run("x", "e")), site))
                .hasMessageContaining("runs/x: expected a folder or file of the site, found a symbolic link");
        assertThat(victim).hasContent("keep me");
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).containsExactly(victim);
        }
    }

    @Test
    void runFoldersAreStableAndSafe() {
        assertThat(RunFolders.of("20261122-143551-fashion-mnist")).isEqualTo("20261122-143551-fashion-mnist");
        assertThat(RunFolders.of("../../etc")).matches("etc-[0-9a-f]{8}");
        assertThat(RunFolders.of("a b")).isNotEqualTo(RunFolders.of("a/b")).startsWith("a-b-");
        assertThat(RunFolders.of("a b")).isEqualTo(RunFolders.of("a b"));
    }

    @Test
    void brokenRunIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path good = run("good", "x");
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("results.json"), "{");
        Path site = dir.resolve("site");
        assertThatThrownBy(() -> new SitePublisher(PlainOutput.PLAIN).publish(List.of(good, bad), site))
                .hasMessageContaining(bad.resolve("results.json").toString());
        assertThat(site).doesNotExist();
    }

    @Test
    void gridsReferencedByPathTravelInsideTheSiteResultsJson() throws IOException {
        // A compare run names its grids by path (units/.../grids/epoch-N.png); the site holds no run folder.
        Path runDir = dir.resolve("runs-src/by-path");
        var fixture = Fixtures.run("by-path", "fashion-mnist", "ganiqa-fmnist-v1");
        var results = fixture;
        for (var u : fixture.units()) {
            if (u.sampleGrid() == null) {
                continue;
            }
            String grid = "units/" + u.variant() + "-seed" + u.seed() + "/train/grids/epoch-0002.png";
            Files.createDirectories(runDir.resolve(grid).getParent());
            Files.write(runDir.resolve(grid), java.util.Base64.getDecoder().decode(u.sampleGrid().base64()));
            results = results.withUnit(new dev.ganiqa.reports.model.UnitResult(u.variant(), u.seed(), u.status(),
                    u.reason(), u.training(), u.timings(), u.curve(), u.best(), u.metrics(), u.imageMeasures(),
                    u.perClass(), dev.ganiqa.reports.model.ImageRef.file(grid, u.sampleGrid().caption()),
                    u.neighbours(), u.convergence()));
        }
        ResultsJson.write(results, runDir.resolve(ResultsJson.FILE_NAME), PlainOutput.PLAIN);
        Path site = dir.resolve("site");
        new SitePublisher(PlainOutput.PLAIN).publish(List.of(runDir), site);
        var copy = ResultsJson.read(site.resolve("runs/by-path"));
        assertThat(copy.units()).hasSameSizeAs(fixture.units()).filteredOn(u -> u.sampleGrid() != null).hasSize(8)
                .allSatisfy(u -> {
            assertThat(u.sampleGrid().path()).isNull();
            assertThat(u.sampleGrid().base64()).isEqualTo(fixture.unit(u.variant(), u.seed()).orElseThrow()
                    .sampleGrid().base64());
        });
        // The copy renders with no run folder at all, and to the same page as the original from its folder.
        var html = new dev.ganiqa.reports.html.HtmlReport();
        assertThat(html.render(copy, null)).isEqualTo(html.render(results, runDir));
        // A grid missing from the run folder stops the publication with the file's name; nothing else changes.
        Files.delete(runDir.resolve("units/dcgan-seed1/train/grids/epoch-0002.png"));
        byte[] before = Files.readAllBytes(site.resolve("runs/by-path/results.json"));
        assertThatThrownBy(() -> new SitePublisher(PlainOutput.PLAIN).publish(List.of(runDir), site))
                .hasMessageContaining("units/dcgan-seed1/train/grids/epoch-0002.png")
                .hasMessageContaining("no such file");
        assertThat(site.resolve("runs/by-path/results.json")).hasBinaryContent(before);
    }

    @Test
    void indexRendersInChromiumWithoutConsoleErrors() throws Exception {
        Assumptions.assumeTrue(Chromium.available(), "chromium not installed at " + Chromium.BINARY);
        Path site = dir.resolve("site");
        new SitePublisher(PlainOutput.PLAIN).publish(List.of(run("a", "ganiqa-fmnist-v1"), run("b", "ganiqa-fmnist-v1")), site);
        Chromium.Output out = Chromium.run(dir.resolve("profile"), "--dump-dom",
                site.resolve("index.html").toUri().toString());
        assertThat(out.stdout()).contains("ganiqa leaderboard").contains("fashion-mnist");
        assertThat(out.consoleProblems()).isEmpty();
    }

    @Test
    void anIncompleteRunIsMarkedAndNoneOfItsVariantsIsRanked() throws Exception {
        Path done = run("done", "ganiqa-fmnist-v1");
        Path killed = dir.resolve("runs-src/killed");
        ResultsJson.write(Fixtures.incomplete(Fixtures.run("killed", "fashion-mnist", "ganiqa-fmnist-v1")),
                killed.resolve(ResultsJson.FILE_NAME), PlainOutput.PLAIN);
        Path site = dir.resolve("site");
        new SitePublisher(PlainOutput.PLAIN).publish(List.of(killed, done), site);
        String index = Files.readString(site.resolve("index.html"));
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile("<tr( class=\"warn\")?><td>([^<]*)</td><th scope=\"row\">([^<]*)</th><td "
                + "class=\"left\"><a href=\"[^\"]*\">([^<]*)</a>").matcher(index);
        while (m.find()) {
            rows.add(m.group(2) + " " + m.group(3) + " " + m.group(4) + (m.group(1) == null ? "" : " marked"));
        }
        // The complete run's variants are ranked; the incomplete run's follow, unranked and marked.
        assertThat(rows).containsExactly("1 cwgan done", "2 wgan done", "3 dcgan done", "\u2013 cwgan killed marked",
                "\u2013 wgan killed marked", "\u2013 dcgan killed marked");
        assertThat(index).contains("incomplete run, not ranked: 1 of 9 planned units has no result (cwgan-seed3)")
                .contains("<a href=\"runs/killed/index.html\">killed</a> <small>incomplete: 1 of 9 planned units")
                .contains("No verdict: the run is incomplete.");
        String page = Files.readString(site.resolve("runs/killed/index.html"));
        assertThat(page).contains("<strong>Incomplete run:</strong>");
        // Rendered by a browser: the marks are text in the DOM and the pages stay clean.
        Assumptions.assumeTrue(Chromium.available(), "chromium not installed at " + Chromium.BINARY);
        Chromium.Output dom = Chromium.run(dir.resolve("profile-index"), "--dump-dom",
                site.resolve("index.html").toUri().toString());
        assertThat(dom.stdout()).contains("incomplete run, not ranked");
        assertThat(dom.consoleProblems()).isEmpty();
        Chromium.Output report = Chromium.run(dir.resolve("profile-page"), "--dump-dom",
                site.resolve("runs/killed/index.html").toUri().toString());
        assertThat(report.stdout()).contains("Incomplete run:").contains("No verdict: the run is incomplete.")
                .doesNotContain("<td class=\"best\">");
        assertThat(report.consoleProblems()).isEmpty();
    }

    static List<String> hrefs(Path page) throws IOException {
        Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(Files.readString(page));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&"));
        }
        return out;
    }

    /** Every non-anchor link is relative and points at an existing file. */
    static void assertLinksResolve(Path page) throws IOException {
        for (String href : hrefs(page)) {
            if (href.startsWith("#")) {
                continue;
            }
            assertThat(href).doesNotContain("://").doesNotStartWith("/");
            Path target = page.getParent().resolve(java.net.URLDecoder.decode(href, java.nio.charset.StandardCharsets.UTF_8))
                    .normalize();
            if (href.endsWith("/")) {
                target = target.resolve("index.html");
            }
            assertThat(target).as("link %s in %s", href, page).isRegularFile();
        }
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static long files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
