package dev.ganiqa.harness.compare.stats;

import dev.ganiqa.metrics.eval.MetricDefinitions;
import dev.ganiqa.reports.model.Completeness;
import dev.ganiqa.reports.model.Direction;
import dev.ganiqa.reports.model.MetricCatalog;
import dev.ganiqa.reports.model.Convergence;
import dev.ganiqa.reports.model.MetricInfo;
import dev.ganiqa.reports.model.MetricSummary;
import dev.ganiqa.reports.model.MetricValue;
import dev.ganiqa.reports.model.PairwiseTest;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.VariantSummary;
import dev.ganiqa.reports.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics across seeds (Lucic et al. 2018, "Are GANs Created Equal?": single-seed comparisons mislead):
 * per-variant mean, std and 95% CI per metric, ranks, pairwise tests with Holm correction per metric, the
 * verdict, and the study's claims answered ({@link Claims}). Only OK units count; directions come from {@link RunResults#metrics()}.
 */
public final class SeedStatistics {
    public static final double ALPHA = 0.05;

    private SeedStatistics() {
    }

    /** The statistics part of results.json. */
    public record Result(List<VariantSummary> variants, List<PairwiseTest> tests, Verdict verdict) {
    }

    /**
     * {@code results} with {@code variants}, {@code tests} and {@code verdict} (re)computed from its units. Units
     * behind the run's budget (an extension stopped before it continued them) enter no statistic: their numbers are
     * those of an earlier budget. An incomplete run (planned units missing, or units behind) is described, not
     * ranked: per-variant summaries of the units at the run's budget without ranks, no pairwise tests, no claims, and
     * a verdict naming what is missing instead of a winner, since any ranking would compare variants that lack units.
     */
    public static RunResults apply(RunResults results) {
        List<UnitResult> behind = results.behind();
        List<UnitResult> counted = results.units().stream().filter(u -> !behind.contains(u)).toList();
        Result r = of(counted, results.metrics(), results.provenance().extractor().name(),
                results.provenance().budget());
        Completeness completeness = Completeness.of(results);
        if (!completeness.complete()) {
            List<VariantSummary> unranked = r.variants().stream().map(v -> new VariantSummary(v.variant(),
                    results.unitsOf(v.variant()).size(), v.okUnits(), unrankedMetrics(v))).toList();
            return results.withStatistics(unranked, List.of(), Verdicts.incomplete(completeness))
                    .withClaims(List.of());
        }
        // Claims at a budget where units had not settled (still improving, worsening, oscillating, not started)
        // hold at that budget only.
        boolean stillImproving = results.units().stream().anyMatch(u -> u.ok() && u.convergence() != null
                && u.convergence().trend() != Convergence.Trend.FLAT
                && u.convergence().trend() != Convergence.Trend.UNKNOWN);
        return results.withStatistics(r.variants(), r.tests(), r.verdict())
                .withClaims(new Claims(results.units(), results.provenance().variantConfigs(), stillImproving)
                        .answer());
    }

    private static Map<String, MetricSummary> unrankedMetrics(VariantSummary v) {
        Map<String, MetricSummary> out = new LinkedHashMap<>();
        v.metrics().forEach((id, s) -> out.put(id, new MetricSummary(s.n(), s.mean(), s.std(), s.ciLow(), s.ciHigh(),
                0)));
        return out;
    }

    public static Result of(List<UnitResult> units, List<MetricInfo> metrics, String extractorName) {
        return of(units, metrics, extractorName, null);
    }

    /** @param budget the comparison's budget, named when the verdict is provisional; may be null */
    public static Result of(List<UnitResult> units, List<MetricInfo> metrics, String extractorName,
                            dev.ganiqa.reports.model.Budget budget) {
        Map<String, Map<String, double[]>> observed = observations(units);
        Map<String, Direction> directions = MetricCatalog.directions(metrics);
        List<String> metricIds = new ArrayList<>();
        observed.values().forEach(m -> m.keySet().forEach(id -> {
            if (!metricIds.contains(id)) {
                metricIds.add(id);
            }
        }));
        Map<String, Map<String, MetricSummary>> summaries = new LinkedHashMap<>();
        observed.keySet().forEach(v -> summaries.put(v, new LinkedHashMap<>()));
        List<PairwiseTest> tests = new ArrayList<>();
        for (String id : metricIds) {
            Direction direction = directions.getOrDefault(id, Direction.NEUTRAL);
            Map<String, MetricSummary> byVariant = new LinkedHashMap<>();
            observed.forEach((variant, values) -> {
                if (values.containsKey(id)) {
                    byVariant.put(variant, Descriptive.summarise(values.get(id)));
                }
            });
            Map<String, Double> means = new LinkedHashMap<>();
            byVariant.forEach((v, s) -> means.put(v, s.mean()));
            Map<String, Integer> ranks = Ranking.rank(means, direction);
            byVariant.forEach((v, s) -> summaries.get(v).put(id, new MetricSummary(s.n(), s.mean(), s.std(),
                    s.ciLow(), s.ciHigh(), ranks.get(v))));
            if (direction != Direction.NEUTRAL) {
                tests.addAll(pairwise(id, observed));
            }
        }
        List<VariantSummary> variants = new ArrayList<>();
        observed.keySet().forEach(v -> {
            List<UnitResult> all = units.stream().filter(u -> u.variant().equals(v)).toList();
            variants.add(new VariantSummary(v, all.size(), (int) all.stream().filter(UnitResult::ok).count(),
                    summaries.get(v)));
        });
        Verdicts verdicts = new Verdicts(metrics, extractorName, units, budget);
        return new Result(variants, tests, verdicts.verdict(variants, tests));
    }

    /**
     * Variant to metric id to per-seed values of its OK units, in the order units appear. Adds
     * {@link MetricCatalog#FID_BEST} from each unit's best epoch. Variants without OK units map to no metrics.
     */
    public static Map<String, Map<String, double[]>> observations(List<UnitResult> units) {
        Map<String, Map<String, List<Double>>> lists = new LinkedHashMap<>();
        for (UnitResult unit : units) {
            Map<String, List<Double>> metrics = lists.computeIfAbsent(unit.variant(), v -> new LinkedHashMap<>());
            if (!unit.ok()) {
                continue;
            }
            for (Map.Entry<String, MetricValue> e : unit.metrics().entrySet()) {
                metrics.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().value());
            }
            if (unit.best() != null && !unit.metrics().containsKey(MetricDefinitions.FID_BEST)) {
                metrics.computeIfAbsent(MetricDefinitions.FID_BEST, k -> new ArrayList<>()).add(unit.best().fid());
            }
        }
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        lists.forEach((variant, metrics) -> {
            Map<String, double[]> arrays = new LinkedHashMap<>();
            metrics.forEach((id, values) -> arrays.put(id, values.stream().mapToDouble(Double::doubleValue).toArray()));
            out.put(variant, arrays);
        });
        return out;
    }

    /** All pairs of variants that have the metric, Holm-corrected over the pairs actually tested. */
    static List<PairwiseTest> pairwise(String id, Map<String, Map<String, double[]>> observed) {
        List<String> variants = observed.entrySet().stream().filter(e -> e.getValue().containsKey(id))
                .map(Map.Entry::getKey).toList();
        List<String[]> pairs = new ArrayList<>();
        List<TwoSampleTest.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            for (int j = i + 1; j < variants.size(); j++) {
                pairs.add(new String[] {variants.get(i), variants.get(j)});
                outcomes.add(TwoSampleTest.compare(observed.get(variants.get(i)).get(id),
                        observed.get(variants.get(j)).get(id)));
            }
        }
        double[] raw = outcomes.stream().filter(TwoSampleTest.Outcome::tested)
                .mapToDouble(TwoSampleTest.Outcome::pValue).toArray();
        double[] adjusted = Holm.adjust(raw);
        List<PairwiseTest> tests = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < pairs.size(); i++) {
            TwoSampleTest.Outcome o = outcomes.get(i);
            double adj = o.tested() ? adjusted[k++] : 1;
            String a = pairs.get(i)[0];
            String b = pairs.get(i)[1];
            tests.add(new PairwiseTest(id, a, b, o.test(), observed.get(a).get(id).length,
                    observed.get(b).get(id).length, o.pValue(), adj, o.tested() && adj < ALPHA, o.note()));
        }
        return tests;
    }
}
