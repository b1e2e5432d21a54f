package dev.ganiqa.harness.compare;

import dev.ganiqa.metrics.eval.ClassFid;
import dev.ganiqa.metrics.eval.Evaluation;
import dev.ganiqa.metrics.eval.MetricDefinitions;
import dev.ganiqa.metrics.eval.SetEvaluation;
import dev.ganiqa.metrics.image.Measure;
import dev.ganiqa.reports.model.Budget;
import dev.ganiqa.reports.model.Collapse;
import dev.ganiqa.reports.model.Direction;
import dev.ganiqa.reports.model.Distribution;
import dev.ganiqa.reports.model.ExtractorInfo;
import dev.ganiqa.reports.model.MetricInfo;
import dev.ganiqa.reports.model.MetricValue;
import dev.ganiqa.reports.model.PerClassFid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every conversion of a metrics or trainers type into the reports module's results model, in one place: the
 * reports module knows only its own model (so results.json stays readable by a report built from any version),
 * and these are the types mirrored on both sides (the metric catalogue and its directions, metric values, per-class
 * FID, per-image distributions, the extractor, the budget, the collapse check). No numbers are computed here.
 */
public final class ResultsMapping {
    private ResultsMapping() {
    }

    /** The metric catalogue results.json carries: the metrics module's {@link MetricDefinitions}, so the report reads them from the file. */
    public static List<MetricInfo> catalogue() {
        return MetricDefinitions.all().stream().map(d -> new MetricInfo(d.id(), d.label(), direction(d.direction()),
                d.extractorBased(), d.description())).toList();
    }

    static Direction direction(MetricDefinitions.Direction d) {
        return switch (d) {
            case LOWER_IS_BETTER -> Direction.LOWER_IS_BETTER;
            case HIGHER_IS_BETTER -> Direction.HIGHER_IS_BETTER;
            case NEUTRAL -> Direction.NEUTRAL;
        };
    }

    /**
     * The set metrics of one evaluation, {@code n} generated against {@code r} real vectors: KID with its subset
     * count, IS with its split count (it reads no real set), every other metric with both sizes.
     */
    static Map<String, MetricValue> setMetrics(Evaluation.Result result, int n, int r) {
        Map<String, MetricValue> out = new LinkedHashMap<>();
        result.metrics().forEach((id, v) -> out.put(id, switch (id) {
            case MetricDefinitions.KID -> new MetricValue(v.value(), v.std(), n, r, v.subsets());
            case MetricDefinitions.IS -> new MetricValue(v.value(), v.std(), n, 0, v.splits());
            default -> MetricValue.of(v.value(), n, r);
        }));
        return out;
    }

    /**
     * Every number of one set's evaluation against {@code r} real vectors: the set metrics, then those measured on
     * the set alone (sharpness, noise and their shifts, with no real count).
     */
    static Map<String, MetricValue> metrics(SetEvaluation.Result result, int r) {
        Map<String, MetricValue> out = setMetrics(result.set(), result.features().size(), r);
        result.measured().forEach((id, v) -> out.put(id, MetricValue.of(v.value(), v.samples(), 0)));
        return out;
    }

    /** Every per-image measure's values as a distribution, keyed by its column name. */
    static Map<String, Distribution> distributions(Map<Measure, double[]> perImage) {
        Map<String, Distribution> out = new LinkedHashMap<>();
        perImage.forEach((m, values) -> out.put(m.column(), Distribution.of(values)));
        return out;
    }

    /** Per-class FID, or null when the set had no labels. */
    static PerClassFid perClass(ClassFid c) {
        return c == null ? null : new PerClassFid(c.groupedBy(), c.fid(), c.counts());
    }

    static ExtractorInfo extractor(dev.ganiqa.metrics.features.ExtractorInfo info) {
        return new ExtractorInfo(info.name(), info.version(), info.sha256(), info.featureDim());
    }

    /** The comparison's budget as results.json records it. */
    static Budget budget(CompareConfig config) {
        dev.ganiqa.trainers.Budget b = config.budget();
        return new Budget(b.kind().word, b.epochs(), b.minutes(), config.samples(), config.curveSamples(),
                config.preset(), b.generatorSteps());
    }

    /** The trainer's collapse check (null when the trainer had none). */
    static Collapse collapse(dev.ganiqa.trainers.Collapse c) {
        return c == null ? null : new Collapse(c.byClass(), c.realSpread(), c.finalSpread(), c.fraction(),
                c.collapsed(), c.reason());
    }
}
