package dev.ganiqa.reports.html;

import dev.ganiqa.reports.html.ReportView.Cell;
import dev.ganiqa.reports.html.ReportView.KeyValue;
import dev.ganiqa.reports.html.ReportView.Row;
import dev.ganiqa.reports.html.ReportView.Table;
import dev.ganiqa.reports.model.RunResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's text as GitHub-flavoured Markdown, for a README, a pull request or a lab notebook: verdict, metrics
 * over seeds with their 95% intervals, the study's claims, the pairwise tests, the units (wall time, convergence)
 * and the provenance. Same {@link ReportView} as the HTML page, so both print the same numbers; no images (the
 * HTML report holds the grids and charts).
 */
public final class MarkdownReport implements ReportWriter {
    @Override
    public String render(RunResults results, Path runDir, Path runFolder) throws IOException {
        ReportView v = ReportViews.of(results, runDir, runFolder, "", false);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(text(v.title())).append("\n\n").append(lineStart(v.subtitle())).append("\n\n");
        if (v.incomplete() != null) {
            md.append("> **Incomplete run:** ").append(text(v.incomplete())).append(".\n\n");
            if (v.finishCommand() != null) {
                md.append("Finish it ").append(v.commandPlace()).append(": ").append(code(v.finishCommand())).append("\n\n");
            }
        }
        md.append("**Verdict** (").append(text(v.confidence())).append("): ").append(text(v.verdict())).append("\n\n");
        v.warnings().forEach(w -> md.append("> **Warning:** ").append(text(w)).append("\n\n"));
        if (v.extendCommand() != null) {
            md.append("Extend the budget ").append(v.commandPlace()).append(": ").append(code(v.extendCommand())).append("\n\n");
        }
        section(md, "Metrics over seeds", "mean \u00b1 standard deviation over OK seeds, 95% interval of the mean "
                + "(Student t) in parentheses; " + v.extractorLabel(), v.metrics());
        v.metricNotes().forEach(n -> md.append("- ").append(text(n)).append('\n'));
        md.append('\n');
        section(md, "The study's claims", "pre-declared one-sided comparisons across seeds (Welch t); supported when "
                + "every one holds (intersection-union), contradicted when one is significant the other way (Holm), "
                + "otherwise not decided", v.claims());
        section(md, "Pairwise tests", "two-sided, Holm-adjusted over the tests of each metric", v.tests());
        section(md, "Pairwise tests of the other metrics", v.otherTestsSummary(), v.otherTests());
        section(md, "Units", "training time across resumes; the last column says where the learning curve (on the "
                + "validation split) stood when the budget ended", v.units());
        section(md, "Tuning", v.tuningNote(), v.tuning());
        md.append("## Provenance\n\n");
        for (KeyValue kv : v.provenance()) {
            md.append("- **").append(text(kv.key())).append("**: ").append(text(kv.value())).append('\n');
        }
        md.append("- **command**: ").append(code(v.commandLine())).append('\n');
        return md.toString();
    }

    private static void section(StringBuilder md, String title, String note, Table table) {
        if (table.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append("\n\n");
        if (note != null) {
            md.append(text(note)).append("\n\n");
        }
        line(md, table.headings().stream().map(MarkdownReport::text).toList());
        line(md, table.headings().stream().map(h -> "---").toList());
        for (Row row : table.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(text(row.label()));
            for (Cell c : row.cells()) {
                String cell = text(c.text()) + (c.detail() == null || c.detail().isBlank() ? ""
                        : " (" + text(c.detail()) + ")");
                cells.add(c.best() ? "**" + cell + "**" : cell);
            }
            line(md, cells);
        }
        md.append('\n');
    }

    private static void line(StringBuilder md, List<String> cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(cell).append(" |");
        }
        md.append('\n');
    }

    /**
     * One line of plain text: the model's strings (class names, dataset specs, reasons) never break the layout or
     * turn into markup. Entities for {@code & < >}; a backslash before the punctuation CommonMark reads as markup
     * (emphasis, links, code, headings, table cells), which GitHub renders as the character itself.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        String line = oneLine(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        StringBuilder out = new StringBuilder(line.length());
        for (char c : line.toCharArray()) {
            if ("\\`*_[]#|!~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@link #text} at the start of a line: a list marker, a setext underline or "1." stays text too. */
    static String lineStart(String s) {
        return text(s).replaceFirst("^([-+=])", "\\\\$1").replaceFirst("^(\\d+)([.)])", "$1\\\\$2");
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ");
    }

    /** An inline code span that holds {@code s} as is (on one line): fenced by more backticks than it contains. */
    static String code(String s) {
        String line = oneLine(s);
        int longest = 0;
        for (java.util.regex.Matcher m = java.util.regex.Pattern.compile("`+").matcher(line); m.find(); ) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(longest + 1);
        String pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
        return fence + pad + line + pad + fence;
    }
}
