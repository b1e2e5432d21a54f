package dev.ganiqa.reports.model;

import java.util.List;

/**
 * Everything one {@code ganiqa compare} run produced: the root of results.json and the report's only input.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written; readers refuse newer major versions
 * @param runId         stable id, e.g. {@code 20261122-143551-fashion-mnist}; names the run's folder on a site
 * @param provenance    how the numbers were made
 * @param metrics       the metric ids used in this file with their direction (usually {@link MetricCatalog#standard()})
 * @param units         one entry per (variant, seed), including diverged and failed ones
 * @param reference     the real-data row (test split vs train split through the same pipeline); may be null
 * @param variants      per-variant aggregates across seeds, in the pipeline's variant order
 * @param tests         pairwise tests between variants, already Holm-corrected
 * @param verdict       the one-sentence answer; may be null until statistics ran
 */
public record RunResults(int schemaVersion, String runId, Provenance provenance, List<MetricInfo> metrics,
                         List<UnitResult> units, RealReference reference, List<VariantSummary> variants,
                         List<PairwiseTest> tests, Verdict verdict) {
    public static final int SCHEMA_VERSION = 1;

    public RunResults {
        if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion: expected 1.." + SCHEMA_VERSION + ", found "
                    + schemaVersion);
        }
        Checks.text(runId, "runId");
        Checks.present(provenance, "provenance");
        metrics = metrics == null || metrics.isEmpty() ? MetricCatalog.standard() : List.copyOf(metrics);
        units = Checks.list(units);
        variants = Checks.list(variants);
        tests = Checks.list(tests);
    }

    /** The metric's description from {@link #metrics()}, or a neutral one for an id it does not list. */
    public MetricInfo metric(String id) {
        return MetricCatalog.find(metrics, id)
                .orElseGet(() -> new MetricInfo(id, id, Direction.NEUTRAL, false, ""));
    }

    public List<UnitResult> unitsOf(String variant) {
        return units.stream().filter(u -> u.variant().equals(variant)).toList();
    }
}
