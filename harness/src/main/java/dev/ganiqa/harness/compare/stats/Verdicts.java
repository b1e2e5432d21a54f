package dev.ganiqa.harness.compare.stats;

import dev.ganiqa.metrics.eval.MetricDefinitions;
import dev.ganiqa.reports.Numbers;
import dev.ganiqa.reports.model.Direction;
import dev.ganiqa.reports.model.MetricCatalog;
import dev.ganiqa.reports.model.MetricInfo;
import dev.ganiqa.reports.model.MetricSummary;
import dev.ganiqa.reports.model.PairwiseTest;
import dev.ganiqa.reports.model.VariantSummary;
import dev.ganiqa.reports.model.Verdict;
import dev.ganiqa.reports.model.Verdict.Confidence;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one-sentence verdict: the best variant on the primary metric (final FID when measured, else the first
 * ranked metric), its mean +- std over seeds, and whether its lead over the runner-up is significant.
 * Confidence: HIGH when it beats every other variant significantly, MODERATE when it beats some but not the
 * runner-up, LOW when tested and nothing is significant, NONE when the seeds are too few to test.
 */
final class Verdicts {
    private final List<MetricInfo> metrics;
    private final String extractorName;

    Verdicts(List<MetricInfo> metrics, String extractorName) {
        this.metrics = metrics;
        this.extractorName = extractorName;
    }

    Verdict verdict(List<VariantSummary> variants, List<PairwiseTest> tests) {
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
        if (ranked.size() == 1) {
            return new Verdict(head + "; no other variant finished to compare with.", Confidence.NONE,
                    metric.id(), winner.variant());
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
        } else {
            int n = Math.min(lead.nA(), lead.nB());
            tail = "; the difference to " + runnerUp + " cannot be tested with " + n + (n == 1 ? " seed" : " seeds")
                    + " (at least " + TwoSampleTest.MIN_SEEDS + " per variant needed)";
            confidence = Confidence.NONE;
        }
        return new Verdict(head + tail + ".", confidence, metric.id(), winner.variant());
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
