package dev.ganiqa.reports.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Helpers over the metric catalogue a results.json carries ({@link RunResults#metrics()}): which metric ids exist
 * and which way is better. The catalogue itself is written by the pipeline from the metrics module's definitions
 * (ids, labels, directions and defaults in one place), so the report shows metrics it was not compiled with.
 */
public final class MetricCatalog {
    /** The key of FID in every metric map: the primary metric of leaderboards. */
    public static final String FID = "fid";

    private MetricCatalog() {
    }

    public static Optional<MetricInfo> find(List<MetricInfo> metrics, String id) {
        return metrics.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Directions by id, for code that only needs to rank. */
    public static Map<String, Direction> directions(List<MetricInfo> metrics) {
        Map<String, Direction> out = new LinkedHashMap<>();
        metrics.forEach(m -> out.put(m.id(), m.direction()));
        return out;
    }
}
