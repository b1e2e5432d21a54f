package dev.ganiqa.reports.site;

import dev.ganiqa.reports.Numbers;
import dev.ganiqa.reports.model.Completeness;
import dev.ganiqa.reports.model.Direction;
import dev.ganiqa.reports.model.MetricCatalog;
import dev.ganiqa.reports.model.MetricInfo;
import dev.ganiqa.reports.model.MetricSummary;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.VariantSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Leaderboards across runs, one per (dataset spec + checksum, extractor name + checksum): FID from two
 * extractors, or on two datasets, measure different things and must never share a ranking.
 */
final class Leaderboards {
    private Leaderboards() {
    }

    /** Runs grouped by their comparability key, in first-seen order. */
    static Map<String, List<RunResults>> group(List<RunResults> runs) {
        Map<String, List<RunResults>> groups = new LinkedHashMap<>();
        for (RunResults r : runs) {
            var p = r.provenance();
            String key = p.dataset().spec() + "\u0000" + p.dataset().sha256() + "\u0000" + p.extractor().name()
                    + "\u0000" + p.extractor().sha256();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    static SiteIndex.Board board(List<RunResults> runs, Map<String, String> hrefs) {
        RunResults first = runs.get(0);
        String extractor = first.provenance().extractor().name();
        List<MetricInfo> metrics = rankedMetrics(runs);
        MetricInfo primary = metrics.stream().filter(m -> m.id().equals(MetricCatalog.FID)).findFirst()
                .orElse(metrics.isEmpty() ? null : metrics.get(0));
        record Candidate(RunResults run, VariantSummary variant) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (RunResults r : runs) {
            for (VariantSummary v : r.variants()) {
                if (primary != null && v.metrics().containsKey(primary.id())) {
                    candidates.add(new Candidate(r, v));
                }
            }
        }
        if (primary != null) {
            Comparator<Candidate> order = Comparator.comparingDouble(c -> c.variant().metrics().get(primary.id()).mean());
            candidates.sort(primary.direction() == Direction.HIGHER_IS_BETTER ? order.reversed() : order);
        }
        // Variants of incomplete runs are shown, marked and after the ranked ones: they draw no verdict.
        candidates.sort(Comparator.comparing(c -> c.run().incomplete()));
        List<String> headings = new ArrayList<>(List.of("#", "variant", "run", "seeds"));
        metrics.forEach(m -> headings.add(m.heading(extractor)
                + (m.direction() == Direction.LOWER_IS_BETTER ? " \u2193" : " \u2191")));
        List<SiteIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            boolean ranked = !c.run().incomplete();
            List<String> values = new ArrayList<>();
            for (MetricInfo m : metrics) {
                MetricSummary s = c.variant().metrics().get(m.id());
                values.add(s == null ? "\u2013" : s.n() > 1 ? Numbers.format(s.mean()) + " \u00b1 "
                        + Numbers.formatLike(s.std(), s.mean()) : Numbers.format(s.mean()));
            }
            entries.add(new SiteIndex.Entry(ranked ? i + 1 : 0, c.variant().variant(), c.run().runId(),
                    hrefs.get(c.run().runId()), c.variant().okUnits() + " / " + c.variant().units(), values,
                    i == 0 && ranked, ranked ? null : Completeness.of(c.run()).describe()));
        }
        var p = first.provenance();
        String title = p.dataset().spec() + " \u00b7 " + extractor;
        String detail = "dataset sha256 " + orDash(p.dataset().sha256()) + " \u00b7 extractor " + extractor + " "
                + orDash(p.extractor().version()) + ", sha256 " + orDash(p.extractor().sha256()) + " \u00b7 "
                + runs.size() + (runs.size() == 1 ? " run" : " runs") + (primary == null ? ""
                : " \u00b7 ranked by " + primary.heading(extractor) + ", mean over seeds");
        return new SiteIndex.Board(title, detail, headings, entries);
    }

    /** Ranked (non-neutral) metrics present in any run, in the catalog order of the first run. */
    private static List<MetricInfo> rankedMetrics(List<RunResults> runs) {
        Set<String> present = new LinkedHashSet<>();
        runs.forEach(r -> r.variants().forEach(v -> present.addAll(v.metrics().keySet())));
        List<MetricInfo> out = new ArrayList<>();
        for (RunResults r : runs) {
            for (MetricInfo m : r.metrics()) {
                if (present.contains(m.id()) && m.direction() != Direction.NEUTRAL
                        && out.stream().noneMatch(o -> o.id().equals(m.id()))) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static String orDash(String s) {
        return s == null ? "\u2013" : s;
    }
}
