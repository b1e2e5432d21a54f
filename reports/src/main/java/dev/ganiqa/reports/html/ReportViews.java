package dev.ganiqa.reports.html;

import dev.ganiqa.reports.RunCommands;
import dev.ganiqa.reports.model.Completeness;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.Verdict;
import java.io.IOException;
import java.nio.file.Path;

/** Builds the {@link ReportView} of a run from its results alone. */
final class ReportViews {
    private ReportViews() {
    }

    /**
     * @param runFolder the run folder commands name, or null (then the one recorded with the run)
     * @param images    false: no grids and no neighbour pairs (nothing is read), for a report in text only
     */
    static ReportView of(RunResults results, Path runDir, Path runFolder, String css, boolean images)
            throws IOException {
        Completeness completeness = Completeness.of(results);
        boolean complete = completeness.complete();
        // An incomplete run ranks nothing, even when its statistics were computed by a ganiqa that did not know it.
        Tables tables = new Tables(results, complete);
        Figures figures = new Figures(results, new Images(runDir));
        Details details = new Details(results, complete);
        String extractor = results.provenance().extractor().name();
        Verdict verdict = results.verdict();
        String sentence = verdict == null ? "No verdict yet: the statistics across seeds have not been computed."
                : !complete && verdict.winner() != null ? "No verdict: the run is incomplete."
                : verdict.sentence();
        Verdict.Confidence confidence = verdict == null || !complete ? Verdict.Confidence.NONE : verdict.confidence();
        String subtitle = results.provenance().dataset().spec() + " \u00b7 " + units(completeness, results) + " \u00b7 "
                + results.provenance().budget().describe() + " \u00b7 "
                + (results.provenance().startedAt() == null ? "" : results.provenance().startedAt().toString());
        String folder = folder(results, runFolder);
        return new ReportView(results.runId(), "ganiqa report: " + results.runId(), subtitle,
                "metrics marked (" + extractor + ") use the feature extractor " + extractor
                        + "; they are comparable only with numbers from the same extractor",
                sentence, complete ? confidenceText(confidence) : "no verdict: the run is incomplete",
                confidence.name().toLowerCase(),
                tables.metrics(), tables.notes(), tables.units(), tables.tests(true), tables.tests(false),
                tables.otherTestsSummary(),
                images ? figures.grids() : java.util.List.of(), figures.curves(),
                figures.distributions(), figures.measureTable(), "boxes: 25th to 75th percentile, line: median, whiskers: 5th to 95th "
                        + "percentile, dots: individual images (up to 500 per seed)",
                details.perClass(), details.perClassNote(), images ? figures.neighbours() : java.util.List.of(),
                details.provenance(),
                details.configs(), details.commandLine(), css,
                complete && verdict != null && verdict.provisional()
                        ? RunCommands.shell(RunCommands.of(results.provenance(), folder)) : null,
                complete ? tables.claims() : Tables.EMPTY, Warnings.of(results), details.tuning(), details.tuningNote(),
                figures.tuningChart(), complete ? null : completeness.describe() + "; the numbers below describe the units that finished "
                        + "at the run's budget, and nothing is ranked",
                complete ? null : RunCommands.shell(RunCommands.finish(results.provenance(), folder)),
                runFolder != null ? "in this run folder"
                        : "in the run folder it was made in (its checkpoints are not part of this document)");
    }

    /** "12 units", or for an incomplete run "3 of 4 planned units". */
    private static String units(Completeness c, RunResults results) {
        int recorded = results.units().size();
        if (c.missing().isEmpty()) {
            return recorded + (recorded == 1 ? " unit" : " units");
        }
        return recorded + " of " + c.planned() + " planned units";
    }

    /**
     * The folder the page's commands act on: the run folder as it is now when the page is rendered from one, else
     * the folder recorded with the run (a bundle or a site page has no checkpoints to continue).
     */
    private static String folder(RunResults results, Path runFolder) {
        if (runFolder != null) {
            return runFolder.toString();
        }
        String recorded = RunCommands.recordedFolder(results.provenance());
        return recorded != null ? recorded : "runs/" + results.runId();
    }

    static String confidenceText(Verdict.Confidence confidence) {
        return switch (confidence) {
            case HIGH -> "high confidence: significantly better than every other variant";
            case MODERATE -> "moderate confidence: significantly better than some variants, not all";
            case LOW -> "low confidence: no difference is significant";
            case NONE -> "no confidence: too few seeds to test";
        };
    }
}
