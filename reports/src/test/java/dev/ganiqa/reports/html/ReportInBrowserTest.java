package dev.ganiqa.reports.html;

import dev.ganiqa.reports.PlainOutput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.reports.Fixtures;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the report in headless Chromium: the rendered DOM holds the verdict and tables, the console is clean
 * (no CSP refusals, no errors), and screenshots for a wide screen and a phone stay in target/report-screenshots.
 */
class ReportInBrowserTest {
    static final Path SHOTS = Path.of("target", "report-screenshots");
    static Path page;

    @TempDir
    static Path temp;

    @BeforeAll
    static void renderFixture() throws IOException {
        Assumptions.assumeTrue(Chromium.available(), "chromium not installed at " + Chromium.BINARY
                + " (Debian packages chromium + chromium-driver; scripts/install-deps.sh installs them)");
        Path run = SHOTS.resolve("run");
        Files.createDirectories(run);
        RunResults results = Fixtures.run("20261122-100000-fashion-mnist", Fixtures.EVIL_SPEC, "ganiqa-fmnist-v1");
        ResultsJson.write(results, run.resolve(ResultsJson.FILE_NAME), PlainOutput.PLAIN);
        page = run.resolve("report.html");
        new HtmlReport().write(ResultsJson.read(run), run, page, PlainOutput.PLAIN);
    }

    @Test
    void renderedDomShowsVerdictTablesAndEscapedNames() throws Exception {
        Chromium.Output out = Chromium.run(temp.resolve("profile-dom"), "--dump-dom", uri());
        String dom = out.stdout();
        assertThat(dom).contains("cwgan has the lowest FID (ganiqa-fmnist-v1): 20.0 \u00b1 1.2 over 3 seeds");
        assertThat(dom).contains("<td class=\"best\">").contains("real data").contains("<svg");
        // The evil class name is text in the DOM, not an element.
        assertThat(dom).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script");
        assertThat(out.consoleProblems()).isEmpty();
    }

    @Test
    void screenshotsForWideScreenAndPhone() throws Exception {
        for (String[] size : new String[][] {{"wide", "1366,3600"}, {"phone", "390,2400"}}) {
            Path shot = SHOTS.resolve("report-" + size[0] + ".png").toAbsolutePath();
            Files.deleteIfExists(shot);
            Chromium.Output out = Chromium.run(temp.resolve("profile-" + size[0]), "--window-size=" + size[1],
                    "--screenshot=" + shot, uri());
            assertThat(shot).isRegularFile();
            assertThat(javax.imageio.ImageIO.read(shot.toFile()).getWidth()).isEqualTo(Integer.parseInt(size[1].split(",")[0]));
            assertThat(out.consoleProblems()).isEmpty();
        }
    }

    @Test
    void brokenStylePolicyWouldBeCaught() throws Exception {
        // Guards the console check itself: a page whose CSP hash does not match must produce a refusal line.
        Path bad = SHOTS.resolve("run").resolve("bad-csp.html");
        Files.writeString(bad, Files.readString(page).replaceFirst("'sha256-[^']+'", "'sha256-AAAA'")
                .replaceFirst("&#39;sha256-[^&]+&#39;", "&#39;sha256-AAAA&#39;"));
        Chromium.Output out = Chromium.run(temp.resolve("profile-bad"), "--dump-dom", bad.toUri().toString());
        assertThat(out.consoleProblems()).isNotEmpty();
    }

    private static String uri() {
        return page.toAbsolutePath().toUri().toString();
    }

    /**
     * The claims table at 1280 px: the answer (the first column) and the whole table stay on screen, the text wraps.
     * Measured in a copy of the page without its CSP and with a script that writes the layout into the DOM.
     */
    @Test
    void theClaimsAnswerIsOnScreenAt1280Px() throws Exception {
        Path run = SHOTS.resolve("claims");
        Files.createDirectories(run);
        String sentence = "WGAN images are sharper and less noisy than DCGAN images (signed sharpness and noise shifts "
                + "against the real test images), a claim of the study whose text runs on";
        String evidence = "sharpness_shift: wgan -123.45 vs dcgan -678.90, difference 555.45 [95% CI 401.2, 702.3], "
                + "p<0.001 in the claim's direction (against: p=1, Holm); ".repeat(6);
        RunResults results = Fixtures.run("20261205-100000-claims", "fashion-mnist", "ganiqa-fmnist-v3")
                .withClaims(java.util.List.of(
                        new dev.ganiqa.reports.model.Claim(sentence, dev.ganiqa.reports.model.Claim.Answer.SUPPORTED,
                                evidence),
                        new dev.ganiqa.reports.model.Claim(sentence + " again",
                                dev.ganiqa.reports.model.Claim.Answer.NOT_DECIDED, evidence)));
        ResultsJson.write(results, run.resolve(ResultsJson.FILE_NAME), PlainOutput.PLAIN);
        Path report = run.resolve("report.html");
        new HtmlReport().write(ResultsJson.read(run), run, report, PlainOutput.PLAIN);
        Path shot = SHOTS.resolve("report-claims-1280.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        Chromium.run(temp.resolve("profile-claims-shot"), "--window-size=1280,2400", "--screenshot=" + shot,
                report.toUri().toString());
        assertThat(shot).isRegularFile();
        Files.writeString(run.resolve("measure.js"), "var th = document.querySelector('tr.claim th');"
                + "var table = th.closest('table');"
                + "document.body.setAttribute('data-answer-right', Math.round(th.getBoundingClientRect().right));"
                + "document.body.setAttribute('data-table-right', Math.round(table.getBoundingClientRect().right));"
                + "document.body.setAttribute('data-view', document.documentElement.clientWidth);");
        String measured = Files.readString(report).replaceAll("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
                .replace("</body>", "<script src=\"measure.js\"></script></body>");
        Path copy = run.resolve("measured.html");
        Files.writeString(copy, measured);
        String dom = Chromium.run(temp.resolve("profile-claims"), "--window-size=1280,2400", "--dump-dom",
                copy.toUri().toString()).stdout();
        int answerRight = attribute(dom, "data-answer-right");
        int tableRight = attribute(dom, "data-table-right");
        int view = attribute(dom, "data-view");
        assertThat(view).isBetween(1200, 1280);
        assertThat(answerRight).as("answer column's right edge").isLessThan(view / 3);
        assertThat(tableRight).as("claims table's right edge").isLessThanOrEqualTo(view);
    }

    private static int attribute(String dom, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(name + "=\"(\\d+)\"").matcher(dom);
        assertThat(m.find()).as(name + " in the measured DOM").isTrue();
        return Integer.parseInt(m.group(1));
    }
}
