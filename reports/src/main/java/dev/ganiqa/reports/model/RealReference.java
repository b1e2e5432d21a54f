package dev.ganiqa.reports.model;

import java.util.Map;

/**
 * The real-data row: the test split measured against the train split through the same pipeline, the ceiling a
 * perfect generator would reach.
 *
 * @param description   e.g. {@code test (10000) vs train (10000)}
 * @param metrics       by metric id, as in {@link UnitResult#metrics()}
 * @param imageMeasures per-image measure distributions of the real images
 * @param perClass      per-class FID of real vs real (null for unlabelled data)
 * @param sampleGrid    real images laid out like the sample grids (same class order)
 */
public record RealReference(String description, Map<String, MetricValue> metrics,
                            Map<String, Distribution> imageMeasures, PerClassFid perClass, ImageRef sampleGrid) {
    public RealReference {
        Checks.text(description, "reference description");
        metrics = Checks.map(metrics);
        imageMeasures = Checks.map(imageMeasures);
    }
}
