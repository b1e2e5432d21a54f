package dev.ganiqa.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.reports.Fixtures;
import dev.ganiqa.reports.model.Claim;
import dev.ganiqa.reports.model.RunResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {
    @TempDir
    Path dir;

    @Test
    void printsTheSameNumbersAsTheHtmlReportInWellFormedTables() throws IOException {
        RunResults run = Fixtures.run("run-<b>", Fixtures.EVIL_SPEC, "ganiqa-fmnist-v1").withClaims(List.of(
                new Claim("cWGAN gives the best images (lowest FID)", Claim.Answer.SUPPORTED, "FID: cwgan 20 | wgan 30")));
        String md = new MarkdownReport().render(run, dir);
        String html = new HtmlReport().render(run, dir);
        assertThat(md).startsWith("# ganiqa report: run-&lt;b&gt;\n")
                .contains("**Verdict** (high confidence").contains(run.verdict().sentence());
        // The metrics row of the winner: mean +- sd with its interval, the best cell in bold, the same text as HTML.
        String cwgan = md.lines().filter(l -> l.startsWith("| cwgan | 3 / 3 |")).findFirst().orElseThrow();
        assertThat(cwgan).contains("**20.0 \u00b1 1.2 (95% CI ");
        String fid = cwgan.split(" \\| ")[2].replace("**", "");
        assertThat(html).contains(fid.substring(0, fid.indexOf(" (")));
        // The diverged unit shows its status and reason; the claims and tests have their sections.
        assertThat(md).contains("| wgan | 3 | diverged (NaN critic loss at epoch 2, step 311) |")
                .contains("| supported | cWGAN gives the best images (lowest FID) | FID: cwgan 20 \\| wgan 30 |")
                .contains("## Pairwise tests").contains("- **extractor**: ganiqa-fmnist-v1");
        // No markup from the data: the evil class name and dataset spec are text, raw only in the command's code span.
        assertThat(md).doesNotContain("<script");
        assertThat(md.lines().filter(l -> l.contains("<folders>")))
                .containsExactly("- **command**: `ganiqa compare --preset quick --data '/data/\"quoted\" & <folders>/fmnist'`");
        // Every table line of a table has as many unescaped cell separators as its heading line.
        List<String> lines = md.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("|") && (i == 0 || !lines.get(i - 1).startsWith("|"))) {
                int columns = separators(lines.get(i));
                for (int j = i; j < lines.size() && lines.get(j).startsWith("|"); j++) {
                    assertThat(separators(lines.get(j))).as(lines.get(j)).isEqualTo(columns);
                }
            }
        }
    }

    @Test
    void markupInTheDataStaysText() throws IOException {
        String spec = "1. `evil` [x](http://e) *b*";
        RunResults run = Fixtures.run("r", spec, "ganiqa-fmnist-v1").withClaims(List.of(new Claim(
                "claim | with\nnewline", Claim.Answer.NOT_TESTED, "see ![img](http://e/x.png) and _this_")));
        String md = new MarkdownReport().render(run, dir);
        List<String> lines = md.lines().toList();
        assertThat(lines).contains("1\\. \\`evil\\` \\[x\\](http://e) \\*b\\* \u00b7 9 units \u00b7 3 epochs \u00b7 "
                + "2026-11-22T10:00:00Z");
        assertThat(lines).contains("| not tested | claim \\| with newline | see \\!\\[img\\](http://e/x.png) and "
                + "\\_this\\_ |");
        // The command keeps its characters inside a code span fenced longer than its own backticks.
        assertThat(lines).contains("- **command**: ``ganiqa compare --preset quick --data '" + spec + "'``");
        // Outside that code span no bracket, backtick, star or underscore is left unescaped.
        md.lines().filter(l -> !l.startsWith("- **command**")).forEach(l ->
                assertThat(l).as(l).doesNotContainPattern("(?<!\\\\)[\\[`_]").doesNotContainPattern("(?<![\\\\*])\\*(?!\\*)"));
    }

    @Test
    void incompleteRunSaysSoUnderTheTitleAndRanksNothing() throws IOException {
        RunResults run = Fixtures.incomplete(Fixtures.run("run-1", "fashion-mnist", "ganiqa-fmnist-v1"));
        List<String> lines = new MarkdownReport().render(run, dir, dir.resolve("run-1")).lines().toList();
        assertThat(lines.get(2)).contains("8 of 9 planned units");
        assertThat(lines.get(4)).isEqualTo("> **Incomplete run:** 1 of 9 planned units has no result (cwgan-seed3); "
                + "1 unit is behind the run's budget of 3 epochs (dcgan-seed1 at 1 epoch); the numbers below describe "
                + "the units that finished at the run's budget, and nothing is ranked.");
        assertThat(lines.get(6)).isEqualTo("Finish it in this run folder: `ganiqa compare --preset quick --data "
                + "fashion-mnist --out " + dir.resolve("run-1") + "`");
        assertThat(lines).contains("**Verdict** (no verdict: the run is incomplete): No verdict: the run is incomplete.");
        // No best cell in bold, no pairwise tests, no extend hint.
        String md = String.join("\n", lines);
        assertThat(md).doesNotContain("| **").doesNotContain("## Pairwise tests").doesNotContain("Extend the budget")
                .contains("| dcgan | 1 | ok, behind (trained to 1 epoch of the run's 3 epochs");
    }

    @Test
    void codeSpansAndLineStarts() {
        assertThat(MarkdownReport.code("a `b` c")).isEqualTo("``a `b` c``");
        assertThat(MarkdownReport.code("`x``")).isEqualTo("``` `x`` ```");
        assertThat(MarkdownReport.code("two\nlines")).isEqualTo("`two lines`");
        assertThat(MarkdownReport.lineStart("- not a list")).isEqualTo("\\- not a list");
        assertThat(MarkdownReport.lineStart("12) not a list")).isEqualTo("12\\) not a list");
        assertThat(MarkdownReport.text("a & b <c> |")).isEqualTo("a &amp; b &lt;c&gt; \\|");
    }

    private static int separators(String line) {
        return line.replace("\\|", "").length() - line.replace("\\|", "").replace("|", "").length();
    }
}
