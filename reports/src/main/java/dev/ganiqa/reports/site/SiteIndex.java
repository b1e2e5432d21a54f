package dev.ganiqa.reports.site;

import java.util.List;

/**
 * What the site index shows; plain text throughout (the template escapes it).
 *
 * @param boards one leaderboard per (dataset, extractor): numbers from different extractors are never mixed
 * @param runs   every published run, newest first
 * @param css    the shared style sheet
 * @param csp    its Content-Security-Policy
 */
public record SiteIndex(List<Board> boards, List<RunLine> runs, String css, String csp) {

    /** A leaderboard: {@code title} names the dataset and the extractor with their checksums. */
    public record Board(String title, String detail, List<String> headings, List<Entry> entries) {
    }

    /**
     * One variant of one run on a board; a variant of an incomplete run (published with {@code --allow-incomplete})
     * has rank 0, is listed after the ranked ones and carries {@code incomplete}, what its run lacks.
     */
    public record Entry(int rank, String variant, String runId, String href, String seeds, List<String> values,
                        boolean best, String incomplete) {
    }

    /** One run in the list of runs; {@code incomplete} says what it lacks (null when complete). */
    public record RunLine(String runId, String href, String resultsHref, String dataset, String extractor,
                          String started, String verdict, String incomplete) {
    }
}
