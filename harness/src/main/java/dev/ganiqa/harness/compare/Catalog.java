package dev.ganiqa.harness.compare;

import dev.ganiqa.metrics.eval.MetricDefinitions;
import dev.ganiqa.reports.model.Direction;
import dev.ganiqa.reports.model.MetricInfo;
import java.util.List;

/**
 * The metric catalogue a comparison writes into results.json: the metrics module's {@link MetricDefinitions}
 * (ids, labels, directions, defaults in one place) in the results model, so the report reads them from the file.
 */
public final class Catalog {
    private Catalog() {
    }

    public static List<MetricInfo> standard() {
        return MetricDefinitions.all().stream().map(d -> new MetricInfo(d.id(), d.label(), switch (d.direction()) {
            case LOWER_IS_BETTER -> Direction.LOWER_IS_BETTER;
            case HIGHER_IS_BETTER -> Direction.HIGHER_IS_BETTER;
            case NEUTRAL -> Direction.NEUTRAL;
        }, d.extractorBased(), d.description())).toList();
    }
}
