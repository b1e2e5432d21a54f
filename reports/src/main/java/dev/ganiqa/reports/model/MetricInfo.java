package dev.ganiqa.reports.model;

/**
 * What a metric id means, stored in results.json so a report can show metrics it was not compiled with.
 *
 * @param id            key used in every metric map, e.g. {@code fid}
 * @param label         column heading, e.g. {@code FID}
 * @param direction     which way is better
 * @param extractorBased true when the value depends on the feature extractor: the report then labels it
 *                      {@code FID (ganiqa-fmnist-v1)}, never plain {@code FID}
 * @param description   one line for the table's footnote
 */
public record MetricInfo(String id, String label, Direction direction, boolean extractorBased, String description) {
    public MetricInfo {
        Checks.text(id, "metric id");
        Checks.text(label, "metric label of " + id);
        Checks.present(direction, "direction of " + id);
        description = description == null ? "" : description;
    }

    /** The heading to print: extractor-based metrics carry the extractor's name. */
    public String heading(String extractorName) {
        return extractorBased && extractorName != null ? label + " (" + extractorName + ")" : label;
    }
}
