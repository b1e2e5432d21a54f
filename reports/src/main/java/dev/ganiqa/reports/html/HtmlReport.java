package dev.ganiqa.reports.html;

import dev.ganiqa.reports.model.RunResults;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The self-contained HTML report of one run: one file, images as data URIs, charts as inline SVG, no script,
 * a Content-Security-Policy that forbids anything else ({@link Templates#contentSecurityPolicy()}).
 */
public final class HtmlReport implements ReportWriter {
    @Override
    public String render(RunResults results, Path runDir, Path runFolder) throws IOException {
        return render(results, runDir, runFolder, ReportLinks.STANDALONE);
    }

    /** Renders with the given links (the site adds a link back to its index). */
    public String render(RunResults results, Path runDir, Path runFolder, ReportLinks links) throws IOException {
        ReportView view = ReportViews.of(results, runDir, runFolder, Templates.css(), true);
        return Templates.render("report.jte", new Page(view, Templates.contentSecurityPolicy(), links));
    }

    /** The page: the view, its Content-Security-Policy and its relative links. */
    public record Page(ReportView view, String csp, ReportLinks links) {
    }
}
