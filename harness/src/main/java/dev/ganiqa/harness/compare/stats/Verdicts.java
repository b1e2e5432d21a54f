package dev.ganiqa.harness.compare.stats;

import dev.ganiqa.metrics.eval.MetricDefinitions;
import dev.ganiqa.reports.Numbers;
import dev.ganiqa.reports.model.Budget;
import dev.ganiqa.reports.model.Completeness;
import dev.ganiqa.reports.model.Convergence;
import dev.ganiqa.reports.model.Direction;
import dev.ganiqa.reports.model.MetricCatalog;
import dev.ganiqa.reports.model.MetricInfo;
import dev.ganiqa.reports.model.MetricSummary;
import dev.ganiqa.reports.model.PairwiseTest;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.VariantSummary;
import dev.ganiqa.reports.model.Verdict;
import dev.ganiqa.reports.model.Verdict.Confidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one-sentence verdict: the best variant on the primary metric (final FID when measured, else the first
 * ranked metric), its mean +- std over seeds, and whether its lead over the runner-up is significant.
 * Confidence: HIGH when it beats every other variant significantly, MODERATE when it beats some but not all (the
 * sentence names those on the other side of significance from the runner-up), LOW when tested and nothing is
 * significant, NONE when the seeds are too few to test. When OK units were still improving at the end of the
 * budget, the same sentence says the ranking is provisional and why.
 */
final class Verdicts {
    /** The preset whose runs only check that the pipeline works. */
    static final String SMOKE = "smoke";
    private final List<MetricInfo> metrics;
    private final String extractorName;
    private final List<UnitResult> units;
    private final Budget budget;

    /**
     * @param units  every unit, for whether the OK ones had stopped improving ({@link UnitResult#convergence()})
     * @param budget the comparison's budget, named in a provisional verdict; may be null
     */
    Verdicts(List<MetricInfo> metrics, String extractorName, List<UnitResult> units, Budget budget) {
        this.metrics = metrics;
        this.extractorName = extractorName;
        this.units = List.copyOf(units);
        this.budget = budget;
    }

    /**
     * The verdict of an incomplete run: no winner, what is missing, and how to finish (the recorded command on
     * the run folder runs only what has no result).
     */
    static Verdict incomplete(Completeness c) {
        return new Verdict("No verdict, the run is incomplete: " + c.describe() + "; run the comparison on its "
                + "folder again to finish it.", Confidence.NONE, null, null);
    }

    Verdict verdict(List<VariantSummary> variants, List<PairwiseTest> tests) {
        if (budget != null && SMOKE.equals(budget.preset())) {
            return new Verdict("Smoke test (preset smoke, " + budget.describe() + " per unit): every stage ran; it "
                    + "draws no conclusion about the variants.", Confidence.NONE, null, null);
        }
        Optional<MetricInfo> primary = primary(variants);
        if (primary.isEmpty()) {
            return new Verdict("No variant finished with a ranked metric; see the units table for the reasons.",
                    Confidence.NONE, null, null);
        }
        MetricInfo metric = primary.get();
        List<VariantSummary> ranked = variants.stream().filter(v -> v.metrics().containsKey(metric.id()))
                .sorted(Comparator.comparingInt(v -> v.metrics().get(metric.id()).rank())).toList();
        VariantSummary winner = ranked.get(0);
        MetricSummary w = winner.metrics().get(metric.id());
        String adjective = metric.direction() == Direction.LOWER_IS_BETTER ? "lowest" : "highest";
        String head = winner.variant() + " has the " + adjective + " " + metric.heading(extractorName) + ": "
                + Numbers.format(w.mean()) + " \u00b1 " + Numbers.formatLike(w.std(), w.mean()) + " over " + w.n()
                + (w.n() == 1 ? " seed" : " seeds");
        Optional<String> caveat = provisional();
        String but = caveat.map(c -> " \u2014 but " + c).orElse("");
        if (ranked.size() == 1) {
            return new Verdict(head + "; no other variant finished to compare with" + but + ".", Confidence.NONE,
                    metric.id(), winner.variant(), caveat.isPresent());
        }
        String runnerUp = ranked.get(1).variant();
        PairwiseTest lead = find(tests, metric.id(), winner.variant(), runnerUp);
        List<PairwiseTest> own = ranked.stream().skip(1)
                .map(v -> find(tests, metric.id(), winner.variant(), v.variant())).toList();
        long significant = own.stream().filter(PairwiseTest::significant).count();
        String tail;
        Confidence confidence;
        if (!lead.test().equals("none") && lead.note() == null) {
            tail = "; the difference to " + runnerUp + " is " + (lead.significant() ? "" : "not ")
                    + "significant (" + Numbers.pValue(lead.pAdjusted()) + ", " + lead.test() + ", Holm-adjusted)";
            confidence = significant == own.size() ? Confidence.HIGH
                    : significant > 0 ? Confidence.MODERATE : Confidence.LOW;
            // The runner-up by mean need not be the closest call: a variant further behind with a wider spread over
            // seeds may not be separated when the runner-up is (or the other way round); name those.
            List<String> otherwise = own.stream().skip(1)
                    .filter(t -> !t.test().equals("none") && t.note() == null && t.significant() != lead.significant())
                    .map(t -> "; to " + other(t, winner.variant()) + " it is" + (lead.significant() ? " not" : "")
                            + " (" + Numbers.pValue(t.pAdjusted()) + ")").toList();
            tail += String.join("", otherwise);
        } else {
            int n = Math.min(lead.nA(), lead.nB());
            tail = "; the difference to " + runnerUp + " cannot be tested with " + n + (n == 1 ? " seed" : " seeds")
                    + " (at least " + TwoSampleTest.MIN_SEEDS + " per variant needed)";
            confidence = Confidence.NONE;
        }
        return new Verdict(head + tail + but + ".", confidence, metric.id(), winner.variant(), caveat.isPresent());
    }

    private static String other(PairwiseTest t, String winner) {
        return t.variantA().equals(winner) ? t.variantB() : t.variantA();
    }

    /**
     * Why the ranking is provisional, naming each state that is not "flat" ({@link Convergence.Trend}): units still
     * improving, getting worse, oscillating, not started, or with a curve too short to tell; empty when every OK
     * unit with a recorded trend had flattened.
     */
    private Optional<String> provisional() {
        List<UnitResult> ok = units.stream().filter(u -> u.ok() && u.convergence() != null).toList();
        if (ok.isEmpty()) {
            return Optional.empty();
        }
        String under = (budget == null ? "at the end of the budget" : "under " + budget.describe()) + otherAxis();
        List<UnitResult> improving = with(ok, Convergence.Trend.IMPROVING);
        if (improving.size() == ok.size()) {
            return Optional.of(under + " all units were still improving: this ranks early training speed, not final "
                    + "quality");
        }
        List<String> parts = new ArrayList<>();
        state(parts, ok, Convergence.Trend.NOT_STARTED, "had not started (their samples reach no part of the real "
                + "data: their FID ranks nothing)");
        state(parts, ok, Convergence.Trend.IMPROVING, "were still improving");
        state(parts, ok, Convergence.Trend.WORSENING, "were getting worse");
        state(parts, ok, Convergence.Trend.OSCILLATING, "were oscillating beyond their curve's sampling spread");
        long unknown = with(ok, Convergence.Trend.UNKNOWN).size();
        if (unknown > 0) {
            parts.add("whether training had flattened is unknown for " + (unknown == ok.size() ? "every unit"
                    : unknown + " of " + ok.size() + " units") + " (learning curve too short)");
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(under + " " + String.join("; ", parts) + ", so the ranking is provisional");
    }

    private static List<UnitResult> with(List<UnitResult> ok, Convergence.Trend trend) {
        return ok.stream().filter(u -> u.convergence().trend() == trend).toList();
    }

    /** "2 of 12 units (wgan) had not started". */
    private static void state(List<String> parts, List<UnitResult> ok, Convergence.Trend trend, String words) {
        List<UnitResult> these = with(ok, trend);
        if (!these.isEmpty()) {
            String names = these.stream().map(UnitResult::variant).distinct().collect(Collectors.joining(", "));
            parts.add(these.size() + " of " + ok.size() + " units (" + names + ") " + words);
        }
    }

    /**
     * The work the budget meant on another axis, per variant: generator steps under an epoch or time budget
     * (equal epochs give a WGAN a fifth of a DCGAN's generator updates), epochs under a generator-step budget.
     */
    private String otherAxis() {
        boolean steps = budget == null || !Budget.GENERATOR_STEPS.equals(budget.kind());
        Map<Long, List<String>> byAmount = new LinkedHashMap<>();
        units.stream().filter(u -> u.ok() && u.training() != null)
                .collect(Collectors.toMap(UnitResult::variant, u -> steps ? u.training().generatorSteps()
                        : u.training().epochs(), (a, b) -> a, LinkedHashMap::new))
                .forEach((variant, amount) -> byAmount.computeIfAbsent(amount, k -> new ArrayList<>()).add(variant));
        if (byAmount.isEmpty()) {
            return "";
        }
        String unit = steps ? " generator steps" : " epochs";
        if (byAmount.size() == 1) {
            return " (" + byAmount.keySet().iterator().next() + unit + " each)";
        }
        List<String> parts = new ArrayList<>();
        byAmount.forEach((amount, names) -> parts.add(amount + (parts.isEmpty() ? unit : "") + " for "
                + String.join(" and ", names)));
        return " (" + String.join(", ", parts) + ")";
    }

    private Optional<MetricInfo> primary(List<VariantSummary> variants) {
        List<MetricInfo> candidates = new java.util.ArrayList<>();
        MetricCatalog.find(metrics, MetricDefinitions.FID).ifPresent(candidates::add);
        metrics.stream().filter(m -> m.direction() != Direction.NEUTRAL).forEach(candidates::add);
        return candidates.stream()
                .filter(m -> variants.stream().anyMatch(v -> v.metrics().containsKey(m.id())))
                .findFirst();
    }

    private static PairwiseTest find(List<PairwiseTest> tests, String metric, String a, String b) {
        return tests.stream().filter(t -> t.metric().equals(metric)
                        && (t.variantA().equals(a) && t.variantB().equals(b)
                        || t.variantA().equals(b) && t.variantB().equals(a)))
                .findFirst().orElseThrow(() -> new IllegalStateException("no test of " + a + " vs " + b));
    }
}
