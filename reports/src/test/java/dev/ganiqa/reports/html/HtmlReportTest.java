package dev.ganiqa.reports.html;

import dev.ganiqa.reports.PlainOutput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.reports.Fixtures;
import dev.ganiqa.reports.model.ImageRef;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path dir;

    private String render(RunResults results) throws IOException {
        return new HtmlReport().render(results, dir);
    }

    @Test
    void userStringsAreEscapedEverywhere() throws IOException {
        String html = render(Fixtures.run("run-<b>", Fixtures.EVIL_SPEC, "ganiqa-fmnist-v1"));
        assertThat(html).doesNotContain(Fixtures.EVIL_CLASS).doesNotContainIgnoringCase("<script")
                .doesNotContain(Fixtures.EVIL_SPEC).doesNotContain("run-<b>");
        // Class names appear in the per-class table and the SVG-free parts, escaped by jte.
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("/data/\"quoted\" &amp; &lt;folders&gt;/fmnist").contains("run-&lt;b&gt;");
    }

    @Test
    void svgLabelsAreEscapedToo() {
        LineChart chart = new LineChart("t", "x", "y")
                .add(new LineChart.Series(Fixtures.EVIL_CLASS, "#000\" onload=\"x", new double[] {1, 2},
                        new double[] {3, 4}, false));
        String svg = chart.render();
        assertThat(svg).doesNotContain("<script").doesNotContain("\" onload").contains("&lt;script&gt;");
        String box = new DistributionPlot("t", "x").add(new DistributionPlot.Group(Fixtures.EVIL_CLASS, "#000",
                List.of(1.0, 2.0, 3.0), 1.1, 2, 2.9)).render();
        assertThat(box).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void ticksAreNiceAndCoverTheData() {
        Ticks t = Ticks.of(12.3, 87.9, 5);
        assertThat(t.step()).isEqualTo(20.0);
        assertThat(t.values()).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0, 100.0);
        Ticks small = Ticks.of(0.012, 0.047, 5);
        assertThat(small.step()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(small.label(0.03)).isEqualTo("0.03");
        assertThat(Ticks.of(5, 5, 5).values()).hasSizeGreaterThan(1);
    }

    @Test
    void numbersKeepThreeSignificantDigits() {
        assertThat(dev.ganiqa.reports.Numbers.format(12.345)).isEqualTo("12.3");
        assertThat(dev.ganiqa.reports.Numbers.format(0.012345)).isEqualTo("0.0123");
        assertThat(dev.ganiqa.reports.Numbers.format(137.4)).isEqualTo("137");
        assertThat(dev.ganiqa.reports.Numbers.formatLike(0.4321, 12.3)).isEqualTo("0.4");
        assertThat(dev.ganiqa.reports.Numbers.pValue(0.01234)).isEqualTo("p=0.012");
        assertThat(dev.ganiqa.reports.Numbers.pValue(0.0004)).isEqualTo("p<0.001");
    }

    @Test
    void headerHasStrictPolicyAndNoScripts() throws IOException {
        String html = render(Fixtures.run("run-1", "fashion-mnist", "ganiqa-fmnist-v1"));
        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").matcher(html);
        assertThat(csp.find()).isTrue();
        String policy = csp.group(1).replace("&#39;", "'");
        assertThat(policy).startsWith("default-src 'none'; img-src data:; style-src 'sha256-")
                .doesNotContain("script-src").doesNotContain("unsafe");
        // The hash covers exactly the style element's text, or Chromium would refuse the style sheet.
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
        assertThat(style.find()).isTrue();
        assertThat(policy).contains(Templates.styleHash(style.group(1)));
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContainPattern("\\son[a-z]+=");
    }

    @Test
    void extractorBasedMetricsCarryTheExtractorName() throws IOException {
        String html = render(Fixtures.run("run-1", "fashion-mnist", "ganiqa-fmnist-v1"));
        assertThat(html).contains("FID (ganiqa-fmnist-v1) \u2193").contains("IS (ganiqa-fmnist-v1) \u2191")
                .doesNotContain("<th scope=\"col\">FID \u2193</th>");
        assertThat(html).contains("real data").contains("95% CI");
        // Best per column: cwgan has rank 1 on FID, IS and precision in the fixture.
        assertThat(count(html, "<td class=\"best\">")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void imagesByPathAreInlinedFromTheRunFolderOnly() throws IOException {
        RunResults base = Fixtures.run("run-1", "fashion-mnist", "x");
        Files.write(dir.resolve("grid.png"), Fixtures.grid(new java.util.Random(3), 0.1));
        List<UnitResult> units = new ArrayList<>(base.units());
        UnitResult u = units.get(0);
        units.set(0, withGrid(u, ImageRef.file("grid.png", "by path")));
        String html = render(withUnits(base, units));
        String expected = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("grid.png")));
        assertThat(html).contains("data:image/png;base64," + expected);
        units.set(0, withGrid(u, ImageRef.file("../outside.png", "escape")));
        assertThatThrownBy(() -> render(withUnits(base, units))).hasMessageContaining("found one outside it");
    }

    @Test
    void provisionalVerdictOffersTheExtendCommandAndClaimsAreShown() throws IOException {
        RunResults base = Fixtures.run("run-1", "fashion-mnist", "ganiqa-fmnist-v1");
        assertThat(render(base)).doesNotContain("extend every unit").doesNotContain("The study's claims");
        var v = base.verdict();
        RunResults provisional = base.withStatistics(base.variants(), base.tests(),
                new dev.ganiqa.reports.model.Verdict(v.sentence(), v.confidence(), v.metric(), v.winner(), true))
                .withClaims(List.of(new dev.ganiqa.reports.model.Claim("cWGAN gives the best images (lowest FID)",
                        dev.ganiqa.reports.model.Claim.Answer.NOT_SUPPORTED_AT_THIS_BUDGET, "FID: cwgan 20 vs wgan 21")));
        String html = render(provisional);
        // Fixtures' budget is 3 epochs: the command doubles it in the same run folder.
        assertThat(html).contains("extend every unit from its checkpoint").contains("--budget epochs:6 --out runs/run-1")
                .contains("The study's claims</h3>").contains("not supported at this budget")
                .contains("FID: cwgan 20 vs wgan 21");
    }

    @Test
    void incompleteRunSaysSoAtTheTopNamesWhatIsMissingAndRanksNothing() throws IOException {
        RunResults complete = Fixtures.run("run-1", "fashion-mnist", "ganiqa-fmnist-v1");
        assertThat(render(complete)).doesNotContain("Incomplete run").contains("9 units \u00b7");
        // Its statistics still name cwgan the winner, as a ganiqa that did not know about incomplete runs wrote them.
        RunResults run = Fixtures.incomplete(complete);
        Path folder = dir.resolve("runs/run-1 copy");
        String html = new HtmlReport().render(run, dir, folder);
        int banner = html.indexOf("<section class=\"incomplete\" id=\"incomplete\">");
        assertThat(banner).isPositive().isLessThan(html.indexOf("id=\"verdict\""));
        assertThat(html).contains("<p><strong>Incomplete run:</strong> 1 of 9 planned units has no result "
                + "(cwgan-seed3); 1 unit is behind the run's budget of 3 epochs (dcgan-seed1 at 1 epoch); the "
                + "numbers below describe the units that finished at the run's budget, and nothing is ranked.</p>");
        assertThat(html).contains("8 of 9 planned units \u00b7 3 epochs");
        // The command that finishes it names the folder as it is now, with the recorded budget.
        assertThat(html).contains("<code>ganiqa compare --preset quick --data fashion-mnist --out '" + folder
                + "'</code>");
        // No winner, no best cell, no tests, no extend hint.
        assertThat(html).contains("<p class=\"sentence\">No verdict: the run is incomplete.</p>")
                .doesNotContain("cwgan has the lowest").doesNotContain("<td class=\"best\">")
                .doesNotContain("<h3>Pairwise tests</h3>").doesNotContain("extend every unit");
        // The unit behind is flagged in the units table.
        assertThat(html).contains("ok, behind<small>trained to 1 epoch of the run's 3 epochs");
    }

    @Test
    void extendCommandNamesTheRunFolderAsItIsNowNotTheRecordedOne() throws IOException {
        RunResults base = Fixtures.run("run-1", "fashion-mnist", "ganiqa-fmnist-v1");
        var p = base.provenance();
        var v = base.verdict();
        RunResults provisional = base.withProvenance(new dev.ganiqa.reports.model.Provenance(p.ganiqaVersion(),
                        p.dataset(), p.variantConfigs(), p.seeds(), p.budget(), p.extractor(), p.environment(),
                        p.startedAt(), p.finishedAt(), p.wallSeconds(), List.of("compare", "--epochs", "3", "--out",
                        "/old/place/run-1")))
                .withStatistics(base.variants(), base.tests(), new dev.ganiqa.reports.model.Verdict(v.sentence(),
                        v.confidence(), v.metric(), v.winner(), true));
        Path copy = dir.resolve("copy-of-run-1");
        assertThat(extendCommand(new HtmlReport().render(provisional, dir, copy)))
                .isEqualTo("ganiqa compare --budget epochs:6 --out " + copy);
        // A page away from its run folder (a bundle, a site) names the folder the run was made in, and says that its
        // checkpoints are there, not in the page.
        String away = new HtmlReport().render(provisional, dir);
        assertThat(extendCommand(away)).isEqualTo("ganiqa compare --budget epochs:6 --out /old/place/run-1");
        assertThat(away).contains("twice the budget, in the run folder it was made in (its checkpoints are not part "
                + "of this document): <code>");
        assertThat(new MarkdownReport().render(provisional, dir, copy))
                .contains("Extend the budget in this run folder: `ganiqa compare --budget epochs:6 --out " + copy + "`");
        assertThat(new MarkdownReport().render(provisional, dir)).contains("Extend the budget in the run folder it "
                + "was made in (its checkpoints are not part of this document): `ganiqa compare --budget epochs:6 --out "
                + "/old/place/run-1`");
    }

    private static String extendCommand(String html) {
        Matcher m = Pattern.compile("extend every unit from its checkpoint to twice the budget, [^:]*: <code>([^<]*)</code>")
                .matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void collapsedUnitsAreFlaggedAtTheirFidAndTheVariantIsWarnedAbout() throws IOException {
        RunResults base = Fixtures.run("run-1", "fashion-mnist", "ganiqa-fmnist-v1");
        String plain = render(base);
        assertThat(plain).doesNotContain("collapsed").doesNotContain("class=\"warnings\"");
        String html = render(Fixtures.collapsed(base));
        // The flag next to the FID of cwgan seeds 1 and 2, with the trainer's reason below it.
        assertThat(count(html, "\u26a0 collapsed<small>within-class spread across z 0.0300")).isEqualTo(2);
        assertThat(count(html, "<tr class=\"warn\">")).isEqualTo(2);
        // One plain-words warning, for cwgan only, naming the thresholds.
        assertThat(html).contains("<ul class=\"warnings\"><li>cwgan draws nearly one image per class (within-class "
                + "diversity 0.08 of real, below 0.2; recall 0.01, below 0.02; the trainer flagged 2 of 3 seeds as "
                + "collapsed): its FID ranks a collapsed generator, not the variety of the data.</li></ul>");
        assertThat(html).doesNotContain("<li>dcgan draws").doesNotContain("<li>wgan draws");
    }

    @Test
    void epochBudgetAlsoDrawsFidByGeneratorStepsWhenTheUnitsEndApart() throws IOException {
        // dcgan: one generator step per batch; wgan: one per 5 critic steps. Same epochs, a fifth of the G steps.
        RunResults run = Fixtures.run("axes", "fashion-mnist", "ganiqa-fmnist-v2");
        List<UnitResult> units = new ArrayList<>();
        for (UnitResult u : run.units()) {
            long perEpoch = u.variant().equals("dcgan") ? 100 : 20;
            List<dev.ganiqa.reports.model.EpochPoint> curve = new ArrayList<>();
            for (var p : u.curve()) {
                curve.add(new dev.ganiqa.reports.model.EpochPoint(p.epoch(), p.fid(), p.losses(), 100L * p.epoch(),
                        perEpoch * p.epoch(), 6400L * p.epoch(), 10.0 * p.epoch()));
            }
            units.add(new UnitResult(u.variant(), u.seed(), u.status(), u.reason(), u.training(), u.timings(), curve,
                    u.best(), u.metrics(), u.imageMeasures(), u.perClass(), u.sampleGrid(), u.neighbours()));
        }
        String html = render(withUnits(run, units));
        assertThat(html).contains("FID (ganiqa-fmnist-v2) by epoch (small sample)")
                .contains("FID (ganiqa-fmnist-v2) by generator steps (small sample)");
        // Units that end at the same generator step: the second chart would repeat the first, so it is left out.
        List<UnitResult> same = new ArrayList<>();
        for (UnitResult u : units) {
            List<dev.ganiqa.reports.model.EpochPoint> curve = new ArrayList<>();
            for (var p : u.curve()) {
                curve.add(new dev.ganiqa.reports.model.EpochPoint(p.epoch(), p.fid(), p.losses(), p.criticSteps(),
                        100L * p.epoch(), p.imagesSeen(), p.wallSeconds()));
            }
            same.add(new UnitResult(u.variant(), u.seed(), u.status(), u.reason(), u.training(), u.timings(), curve,
                    u.best(), u.metrics(), u.imageMeasures(), u.perClass(), u.sampleGrid(), u.neighbours()));
        }
        assertThat(render(withUnits(run, same))).contains("by epoch (small sample)").doesNotContain("by generator steps");
    }

    @Test
    void testsOfTheVerdictsMetricComeFirstTheOthersFolded() throws IOException {
        RunResults run = Fixtures.run("tests", "fashion-mnist", "ganiqa-fmnist-v2");
        List<dev.ganiqa.reports.model.PairwiseTest> tests = new ArrayList<>(run.tests());
        tests.add(new dev.ganiqa.reports.model.PairwiseTest("is", "cwgan", "wgan", "Welch t", 3, 2, 0.2, 0.4, false, null));
        tests.add(new dev.ganiqa.reports.model.PairwiseTest("precision", "cwgan", "dcgan", "Mann-Whitney U", 3, 3, 0.01,
                0.02, true, null));
        String html = render(run.withStatistics(run.variants(), tests, run.verdict()));
        int fid = html.indexOf("<th scope=\"row\">FID (ganiqa-fmnist-v2)</th><td>cwgan vs wgan");
        int details = html.indexOf("<details><summary>tests of 2 other metrics: 1 of 2 significant</summary>");
        int is = html.indexOf("<th scope=\"row\">IS (ganiqa-fmnist-v2)</th>");
        assertThat(fid).isPositive();
        assertThat(details).isGreaterThan(fid);
        assertThat(is).isGreaterThan(details);
        String md = new MarkdownReport().render(run.withStatistics(run.variants(), tests, run.verdict()), dir);
        assertThat(md).contains("## Pairwise tests of the other metrics\n\ntests of 2 other metrics: 1 of 2 significant");
    }

    @Test
    void writeIsAtomicAndRerenderable() throws IOException {
        RunResults results = Fixtures.run("run-1", "fashion-mnist", "x");
        ResultsJson.write(results, dir.resolve("results.json"), PlainOutput.PLAIN);
        Path out = dir.resolve("report.html");
        new HtmlReport().write(ResultsJson.read(dir), dir, out, PlainOutput.PLAIN);
        assertThat(Files.readString(out)).isEqualTo(render(results));
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count()).isZero();
        }
    }

    static UnitResult withGrid(UnitResult u, ImageRef grid) {
        return new UnitResult(u.variant(), u.seed(), u.status(), u.reason(), u.training(), u.timings(), u.curve(),
                u.best(), u.metrics(), u.imageMeasures(), u.perClass(), grid, u.neighbours());
    }

    static RunResults withUnits(RunResults r, List<UnitResult> units) {
        return new RunResults(r.schemaVersion(), r.runId(), r.provenance(), r.metrics(), units, r.reference(),
                r.variants(), r.tests(), r.verdict());
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
