package dev.ganiqa.harness.compare;

import dev.ganiqa.metrics.eval.ExtractedSet;
import dev.ganiqa.reports.model.Distribution;
import dev.ganiqa.reports.model.MetricValue;
import dev.ganiqa.reports.model.PerClassFid;
import java.util.Map;

/** The numbers of one evaluated image set in the results model, with the time the two phases took. */
public record UnitEvaluation(Map<String, MetricValue> metrics, Map<String, Distribution> imageMeasures,
                             PerClassFid perClass, ExtractedSet features, double featureSeconds, double metricSeconds) {
}
