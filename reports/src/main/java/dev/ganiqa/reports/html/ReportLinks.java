package dev.ganiqa.reports.html;

/**
 * Relative links a report page shows besides its own anchors.
 *
 * @param results href of the run's results.json
 * @param index   href of the site index, or null for a stand-alone report
 */
public record ReportLinks(String results, String index) {
    public static final ReportLinks STANDALONE = new ReportLinks("results.json", null);
}
