package dev.ganiqa.harness.compare;

import dev.ganiqa.reports.model.Distribution;
import dev.ganiqa.reports.model.MetricValue;
import dev.ganiqa.reports.model.PerClassFid;
import java.util.Map;

/** The numbers of one evaluated image set against the real reference, with the time the two phases took. */
public record Evaluation(Map<String, MetricValue> metrics, Map<String, Distribution> imageMeasures,
                         PerClassFid perClass, ExtractedSet features, double featureSeconds, double metricSeconds) {
}
