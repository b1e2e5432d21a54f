package dev.ganiqa.reports.model;

import java.util.Map;

/**
 * One variant across its seeds.
 *
 * @param variant   variant name
 * @param units     units run (all statuses)
 * @param okUnits   units that finished OK and entered the statistics
 * @param metrics   metric id to its summary over OK units
 */
public record VariantSummary(String variant, int units, int okUnits, Map<String, MetricSummary> metrics) {
    public VariantSummary {
        Checks.text(variant, "variant");
        metrics = Checks.map(metrics);
    }
}
