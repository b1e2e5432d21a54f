package dev.ganiqa.reports.html;

import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.Verdict;
import java.io.IOException;
import java.nio.file.Path;

/** Builds the {@link ReportView} of a run from its results alone. */
final class ReportViews {
    private ReportViews() {
    }

    static ReportView of(RunResults results, Path runDir, String css) throws IOException {
        return of(results, runDir, css, true);
    }

    /** @param images false: no grids and no neighbour pairs (nothing is read), for a report in text only */
    static ReportView of(RunResults results, Path runDir, String css, boolean images) throws IOException {
        Tables tables = new Tables(results);
        Figures figures = new Figures(results, new Images(runDir));
        Details details = new Details(results);
        String extractor = results.provenance().extractor().name();
        Verdict verdict = results.verdict();
        String sentence = verdict == null ? "No verdict yet: the statistics across seeds have not been computed."
                : verdict.sentence();
        Verdict.Confidence confidence = verdict == null ? Verdict.Confidence.NONE : verdict.confidence();
        String subtitle = results.provenance().dataset().spec() + " \u00b7 " + results.units().size() + " units \u00b7 "
                + results.provenance().budget().describe() + " \u00b7 "
                + (results.provenance().startedAt() == null ? "" : results.provenance().startedAt().toString());
        return new ReportView(results.runId(), "ganiqa report: " + results.runId(), subtitle,
                "metrics marked (" + extractor + ") use the feature extractor " + extractor
                        + "; they are comparable only with numbers from the same extractor",
                sentence, confidenceText(confidence), confidence.name().toLowerCase(),
                tables.metrics(), tables.notes(), tables.units(), tables.tests(true), tables.tests(false),
                tables.otherTestsSummary(),
                images ? figures.grids() : java.util.List.of(), figures.curves(),
                figures.distributions(), figures.measureTable(), "boxes: 25th to 75th percentile, line: median, whiskers: 5th to 95th "
                        + "percentile, dots: individual images (up to 500 per seed)",
                details.perClass(), details.perClassNote(), images ? figures.neighbours() : java.util.List.of(),
                details.provenance(),
                details.configs(), details.commandLine(), css, extendCommand(results), tables.claims(),
                Warnings.of(results), details.tuning(), details.tuningNote());
    }

    /** The command that doubles the budget in the same folder, offered when the ranking is provisional. */
    private static String extendCommand(RunResults results) {
        if (results.verdict() == null || !results.verdict().provisional()) {
            return null;
        }
        return dev.ganiqa.reports.ExtendCommand.shell(dev.ganiqa.reports.ExtendCommand.of(results.provenance(),
                "runs/" + results.runId()));
    }

    static String confidenceText(Verdict.Confidence confidence) {
        return switch (confidence) {
            case HIGH -> "high confidence: significantly better than every other variant";
            case MODERATE -> "moderate confidence: significantly better than some variants, not the runner-up";
            case LOW -> "low confidence: no difference is significant";
            case NONE -> "no confidence: too few seeds to test";
        };
    }
}
