package dev.ganiqa.reports.html;

import java.util.List;

/**
 * Everything the report template prints, already formatted. Strings are plain text (the template escapes them);
 * only {@code svg} fields and {@code css} are markup, produced by {@link Svg}, which escapes its own text.
 * {@code extendCommand} is null unless the verdict is provisional and the run complete. {@code incomplete} says what
 * an incomplete run lacks (null when complete), {@code finishCommand} how to finish it; {@code commandPlace} says
 * where both commands run: the run folder the document was rendered from, or, for a bundle or a site page, the one
 * the run was made in, whose checkpoints the document does not carry. {@code warnings} are sentences
 * about variants whose FID ranks a collapsed generator (empty when none). {@code tests} are those of the verdict's
 * metric, {@code otherTests} those of every other metric. {@code tuning} is the search that chose tuned settings
 * (empty when none), {@code tuningNote} says how it was made, {@code tuningChart} draws its trials (SVG, null when
 * none).
 */
public record ReportView(String runId, String title, String subtitle, String extractorLabel, String verdict,
                         String confidence, String confidenceClass, Table metrics, List<String> metricNotes,
                         Table units, Table tests, Table otherTests, String otherTestsSummary, List<Figure> grids, List<String> curves, List<String> distributions,
                         Table measures, String distributionNote, Table perClass, String perClassNote, List<NeighbourGroup> neighbours,
                         List<KeyValue> provenance, Table configs, String commandLine, String css,
                         String extendCommand, Table claims, List<String> warnings, Table tuning, String tuningNote,
                         String tuningChart, String incomplete, String finishCommand, String commandPlace) {

    /** A table: headings and rows of cells. */
    public record Table(List<String> headings, List<Row> rows) {
        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    /**
     * A row; {@code kind} is a CSS class ({@code ref} for the real-data row, {@code bad} for failed units,
     * {@code warn} for units flagged as collapsed).
     */
    public record Row(String label, String kind, List<Cell> cells) {
    }

    /** A cell; {@code best} highlights it, {@code detail} is a second, smaller line (e.g. the 95% CI). */
    public record Cell(String text, String detail, boolean best) {
        static Cell of(String text) {
            return new Cell(text, null, false);
        }
    }

    /** An image with a caption; {@code src} is a data URI. */
    public record Figure(String src, String caption, String detail) {
    }

    /** Nearest-neighbour pairs of one variant. */
    public record NeighbourGroup(String variant, List<Pair> pairs) {
    }

    /** A generated image, its nearest training image and their distance. */
    public record Pair(String sample, String nearest, String caption) {
    }

    /** One provenance line. */
    public record KeyValue(String key, String value) {
    }
}
