package dev.ganiqa.reports.html;

import dev.ganiqa.reports.Numbers;
import dev.ganiqa.reports.html.ReportView.Cell;
import dev.ganiqa.reports.html.ReportView.Row;
import dev.ganiqa.reports.html.ReportView.Table;
import dev.ganiqa.reports.model.Direction;
import dev.ganiqa.reports.model.MetricInfo;
import dev.ganiqa.reports.model.MetricSummary;
import dev.ganiqa.reports.model.MetricValue;
import dev.ganiqa.reports.model.PairwiseTest;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.VariantSummary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The report's numeric tables: metrics over seeds (with the real-data row), units and pairwise tests. */
final class Tables {
    static final Table EMPTY = new Table(List.of(), List.of());
    private final RunResults results;
    private final String extractor;
    private final boolean ranked;

    /** @param ranked false: no best cell and no pairwise tests (an incomplete run ranks nothing) */
    Tables(RunResults results, boolean ranked) {
        this.results = results;
        this.extractor = results.provenance().extractor().name();
        this.ranked = ranked;
    }

    /** Metric ids with a value somewhere, in the order of {@link RunResults#metrics()}, unknown ids last. */
    List<MetricInfo> shownMetrics() {
        Set<String> ids = new LinkedHashSet<>();
        results.variants().forEach(v -> ids.addAll(v.metrics().keySet()));
        if (results.reference() != null) {
            ids.addAll(results.reference().metrics().keySet());
        }
        List<MetricInfo> shown = new ArrayList<>();
        results.metrics().stream().filter(m -> ids.contains(m.id())).forEach(shown::add);
        ids.stream().filter(id -> shown.stream().noneMatch(m -> m.id().equals(id))).map(results::metric)
                .forEach(shown::add);
        return shown;
    }

    String heading(MetricInfo m) {
        String arrow = switch (m.direction()) {
            case LOWER_IS_BETTER -> " \u2193";
            case HIGHER_IS_BETTER -> " \u2191";
            case NEUTRAL -> "";
        };
        return m.heading(extractor) + arrow;
    }

    Table metrics() {
        List<MetricInfo> shown = shownMetrics();
        List<String> headings = new ArrayList<>(List.of("variant", "seeds OK"));
        shown.forEach(m -> headings.add(heading(m)));
        List<Row> rows = new ArrayList<>();
        for (VariantSummary v : results.variants()) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.of(v.okUnits() + " / " + v.units()));
            for (MetricInfo m : shown) {
                cells.add(summaryCell(v.metrics().get(m.id()), ranked ? m.direction() : Direction.NEUTRAL));
            }
            rows.add(new Row(v.variant(), v.okUnits() == 0 ? "bad" : null, cells));
        }
        if (results.reference() != null) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.of("\u2013"));
            for (MetricInfo m : shown) {
                cells.add(valueCell(results.reference().metrics().get(m.id())));
            }
            rows.add(new Row("real data", "ref", cells));
        }
        return new Table(headings, rows);
    }

    private static Cell summaryCell(MetricSummary s, Direction direction) {
        if (s == null) {
            return Cell.of("\u2013");
        }
        String text = s.n() > 1 ? Numbers.format(s.mean()) + " \u00b1 " + Numbers.formatLike(s.std(), s.mean())
                : Numbers.format(s.mean());
        String detail = s.n() > 1 ? "95% CI " + Numbers.formatLike(s.ciLow(), s.mean()) + " \u2013 "
                + Numbers.formatLike(s.ciHigh(), s.mean()) : "1 seed: no interval";
        return new Cell(text, detail, direction != Direction.NEUTRAL && s.rank() == 1);
    }

    private static Cell valueCell(MetricValue v) {
        if (v == null) {
            return Cell.of("\u2013");
        }
        String text = v.std() == null ? Numbers.format(v.value())
                : Numbers.format(v.value()) + " \u00b1 " + Numbers.formatLike(v.std(), v.value());
        return new Cell(text, v.samples() > 0 ? "n=" + v.samples() : null, false);
    }

    Table units() {
        List<String> headings = List.of("variant", "seed", "status", "epochs", "G steps", "D steps", "images seen",
                "train s", "sample s", "features s", "metrics s", results.metric("fid").heading(extractor),
                "best epoch (FID)", "at the end of the budget");
        List<Row> rows = new ArrayList<>();
        List<UnitResult> behind = results.behind();
        for (UnitResult u : results.units()) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.of(Long.toString(u.seed())));
            boolean late = behind.contains(u);
            cells.add(late ? new Cell("ok, behind", "trained to " + results.budgetOf(u).describe() + " of the run's "
                    + results.provenance().budget().describe() + ": not compared with the others", false)
                    : new Cell(u.status().name().toLowerCase(), u.reason(), false));
            if (u.training() != null) {
                cells.add(Cell.of(Integer.toString(u.training().epochs())));
                cells.add(Cell.of(Long.toString(u.training().generatorSteps())));
                cells.add(Cell.of(Long.toString(u.training().criticSteps())));
                cells.add(Cell.of(Long.toString(u.training().imagesSeen())));
            } else {
                for (int i = 0; i < 4; i++) {
                    cells.add(Cell.of("\u2013"));
                }
            }
            // Training wall time across resumes when recorded; the phase time covers only the last session.
            double trainSeconds = u.training() != null && u.training().wallSeconds() > 0 ? u.training().wallSeconds()
                    : u.timings() == null ? 0 : u.timings().trainingSeconds();
            double[] t = u.timings() == null ? null : new double[] {trainSeconds,
                    u.timings().samplingSeconds(), u.timings().featureSeconds(), u.timings().metricSeconds()};
            for (int i = 0; i < 4; i++) {
                cells.add(Cell.of(t == null ? "\u2013" : String.format(java.util.Locale.ROOT, "%.1f", t[i])));
            }
            MetricValue fid = u.metrics().get("fid");
            String fidText = fid == null ? "\u2013" : Numbers.format(fid.value());
            // A collapsed generator's FID is flagged where it is read, with the trainer's reason below it.
            boolean collapsed = u.training() != null && u.training().collapsed();
            cells.add(collapsed ? new Cell(fidText + " \u26a0 collapsed", u.training().collapse().reason(), false)
                    : Cell.of(fidText));
            cells.add(Cell.of(u.best() == null ? "\u2013" : u.best().epoch() + " (" + Numbers.format(u.best().fid()) + ")"));
            cells.add(u.convergence() == null ? Cell.of("\u2013") : new Cell(switch (u.convergence().trend()) {
                case FLAT -> "flattened";
                case UNKNOWN -> "cannot tell";
                default -> u.convergence().words();
            }, u.convergence().detail(), false));
            rows.add(new Row(u.variant(), u.ok() ? (collapsed || late ? "warn" : null) : "bad", cells));
        }
        return new Table(headings, rows);
    }

    /**
     * The study's claims, each with this run's answer and the numbers behind it. The answer comes first (it is what a
     * reader opens the section for) and the rows wrap (kind "claim"): a claim is a sentence and its evidence a
     * paragraph, which on one line pushed the answer off a 1280-px screen.
     */
    Table claims() {
        List<Row> rows = new ArrayList<>();
        for (dev.ganiqa.reports.model.Claim c : results.claims()) {
            boolean supported = c.answer() == dev.ganiqa.reports.model.Claim.Answer.SUPPORTED;
            rows.add(new Row(c.answer().words, supported ? "claim supported" : "claim",
                    List.of(Cell.of(c.claim()), Cell.of(c.evidence()))));
        }
        return new Table(List.of("answer", "claim", "evidence"), rows);
    }

    /** The metric the verdict ranks by (FID when there is no verdict yet). */
    String headlineMetric() {
        return results.verdict() == null ? "fid" : results.verdict().metric();
    }

    /**
     * The pairwise tests of the headline metric ({@code headline}) or of every other metric: with a dozen metrics
     * and four variants the second set runs to 70 rows, so the page folds it away.
     */
    Table tests(boolean headline) {
        List<String> headings = List.of("metric", "comparison", "test", "seeds", "p", "p (Holm)", "significant at 0.05");
        List<Row> rows = new ArrayList<>();
        for (PairwiseTest t : ranked ? results.tests() : List.<PairwiseTest>of()) {
            if (t.metric().equals(headlineMetric()) != headline) {
                continue;
            }
            boolean tested = t.note() == null;
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.of(t.variantA() + " vs " + t.variantB()));
            cells.add(Cell.of(t.test()));
            cells.add(Cell.of(t.nA() + " vs " + t.nB()));
            cells.add(Cell.of(tested ? Numbers.pPlain(t.pValue()) : "\u2013"));
            cells.add(Cell.of(tested ? Numbers.pPlain(t.pAdjusted()) : "\u2013"));
            cells.add(new Cell(tested ? (t.significant() ? "yes" : "no") : "not tested", t.note(), t.significant()));
            rows.add(new Row(results.metric(t.metric()).heading(extractor), null, cells));
        }
        return new Table(headings, rows);
    }

    /** E.g. "tests of 12 other metrics: 9 of 72 significant". */
    String otherTestsSummary() {
        List<PairwiseTest> other = (ranked ? results.tests() : List.<PairwiseTest>of()).stream()
                .filter(t -> !t.metric().equals(headlineMetric())).toList();
        long metrics = other.stream().map(PairwiseTest::metric).distinct().count();
        long significant = other.stream().filter(PairwiseTest::significant).count();
        return "tests of " + metrics + " other metric" + (metrics == 1 ? "" : "s") + ": " + significant + " of "
                + other.size() + " significant";
    }

    /** Metric footnotes: heading and what it means. */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (MetricInfo m : shownMetrics()) {
            if (!m.description().isBlank()) {
                notes.add(m.heading(extractor) + ": " + m.description());
            }
        }
        return notes;
    }
}
