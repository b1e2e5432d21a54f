package dev.ganiqa.reports.html;

import dev.ganiqa.reports.Numbers;
import dev.ganiqa.reports.html.ReportView.Figure;
import dev.ganiqa.reports.html.ReportView.NeighbourGroup;
import dev.ganiqa.reports.html.ReportView.Pair;
import dev.ganiqa.reports.model.Distribution;
import dev.ganiqa.reports.model.Budget;
import dev.ganiqa.reports.model.EpochPoint;
import dev.ganiqa.reports.model.MetricInfo;
import dev.ganiqa.reports.model.NeighbourPair;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The report's pictures: sample grids, learning curves, measure distributions and nearest neighbours. */
final class Figures {
    static final int NEIGHBOURS_PER_VARIANT = 8;
    private final RunResults results;
    private final Images images;
    private final List<String> variants;

    Figures(RunResults results, Images images) {
        this.results = results;
        this.images = images;
        Set<String> names = new LinkedHashSet<>();
        results.variants().forEach(v -> names.add(v.variant()));
        results.units().forEach(u -> names.add(u.variant()));
        this.variants = List.copyOf(names);
    }

    String color(String variant) {
        return Palette.color(variants.indexOf(variant));
    }

    /** Real samples first, then the first OK seed of each variant (all grids use the same noise and labels). */
    List<Figure> grids() throws IOException {
        List<Figure> figures = new ArrayList<>();
        if (results.reference() != null && results.reference().sampleGrid() != null) {
            figures.add(new Figure(images.dataUri(results.reference().sampleGrid()), "real data",
                    results.reference().description()));
        }
        for (String variant : variants) {
            for (UnitResult u : results.unitsOf(variant)) {
                if (u.ok() && u.sampleGrid() != null) {
                    String fid = u.metrics().containsKey("fid")
                            ? "FID " + Numbers.format(u.metrics().get("fid").value()) : "";
                    figures.add(new Figure(images.dataUri(u.sampleGrid()), variant, "seed " + u.seed()
                            + (fid.isEmpty() ? "" : " \u00b7 " + fid)));
                    break;
                }
            }
        }
        return figures;
    }

    /**
     * FID over training, then one chart per loss name; every unit is a line in its variant's colour. The x axis is
     * the budget's own (epochs, generator steps or minutes), so equal budgets end at the same x.
     */
    List<String> curves() {
        Budget budget = results.provenance().budget();
        String axis = budget.axisLabel();
        Set<String> losses = new LinkedHashSet<>();
        results.units().forEach(u -> u.curve().forEach(p -> losses.addAll(p.losses().keySet())));
        List<String> charts = new ArrayList<>();
        LineChart fid = fidChart(budget);
        if (!fid.isEmpty()) {
            charts.add(fid.render());
        }
        // The same points on the other axis: equal epochs give a WGAN 1/n_critic of a DCGAN's generator updates,
        // equal generator steps the reverse. Shown when the units ended at different places on that axis, so a
        // reader sees whether the ranking depends on the budget's axis (Lucic et al. 2018 compare at equal epochs).
        // Only OK units count: a diverged one stops early on every axis.
        Budget other = budget.kind().equals(Budget.GENERATOR_STEPS)
                ? new Budget(Budget.EPOCHS, 1, 0, 0, 0, null)
                : new Budget(Budget.GENERATOR_STEPS, 0, 0, 0, 0, null, 1);
        Set<Double> ends = new java.util.HashSet<>();
        results.units().stream().filter(u -> u.ok() && !u.curve().isEmpty())
                .forEach(u -> ends.add(other.position(u.curve().get(u.curve().size() - 1))));
        ends.removeIf(e -> !Double.isFinite(e));
        if (ends.size() > 1) {
            LineChart byOther = fidChart(other);
            if (!byOther.isEmpty()) {
                charts.add(byOther.render());
            }
        }
        for (String loss : losses) {
            LineChart chart = new LineChart("mean " + loss.replace('_', ' ') + " loss by " + axis, axis, "loss");
            for (UnitResult u : results.units()) {
                List<EpochPoint> points = u.curve().stream()
                        .filter(p -> p.losses().containsKey(loss) && Double.isFinite(budget.position(p))).toList();
                chart.add(new LineChart.Series(u.variant(), color(u.variant()),
                        points.stream().mapToDouble(budget::position).toArray(),
                        points.stream().mapToDouble(p -> p.losses().get(loss)).toArray(), !u.ok()));
            }
            charts.add(chart.render());
        }
        return charts;
    }

    /** FID of the curve points against {@code axis}'s position; units without that position are left out. */
    private LineChart fidChart(Budget axis) {
        String label = axis.axisLabel();
        LineChart fid = new LineChart(results.metric("fid").heading(results.provenance().extractor().name()) + " by "
                + label + " (small sample)", label, "FID");
        for (UnitResult u : results.units()) {
            List<EpochPoint> points = u.curve().stream()
                    .filter(p -> p.fid() != null && Double.isFinite(axis.position(p))).toList();
            fid.add(new LineChart.Series(u.variant(), color(u.variant()),
                    points.stream().mapToDouble(axis::position).toArray(),
                    points.stream().mapToDouble(EpochPoint::fid).toArray(), !u.ok()));
        }
        return fid;
    }

    /**
     * The tuning search as a chart: one row per searched variant, a dot per trial at its validation FID, the box
     * over the trials' middle half and whiskers from the best to the worst; null without a search (or without a
     * finished trial). Shows at a glance how far the setting moves a variant against the gaps between variants.
     */
    String tuningChart() {
        dev.ganiqa.reports.model.Tuning t = results.provenance().tuning();
        if (t == null) {
            return null;
        }
        DistributionPlot plot = new DistributionPlot("validation FID of every tuning trial (" + t.budget() + ", seed "
                + t.seed() + ")", "validation FID (" + t.extractor() + ")");
        for (String variant : t.variants()) {
            double[] fids = t.trials().stream().filter(x -> x.variant().equals(variant) && x.validationFid() != null)
                    .mapToDouble(dev.ganiqa.reports.model.Tuning.Trial::validationFid).sorted().toArray();
            if (fids.length == 0) {
                continue;
            }
            double median = fids.length % 2 == 1 ? fids[fids.length / 2]
                    : (fids[fids.length / 2 - 1] + fids[fids.length / 2]) / 2;
            plot.add(new DistributionPlot.Group(variant, color(variant),
                    java.util.Arrays.stream(fids).boxed().toList(), fids[0], median, fids[fids.length - 1]));
        }
        return plot.isEmpty() ? null : plot.render();
    }

    /** One plot per image measure: real data, then every variant with its seeds pooled. */
    List<String> distributions() {
        Set<String> measures = new LinkedHashSet<>();
        if (results.reference() != null) {
            measures.addAll(results.reference().imageMeasures().keySet());
        }
        results.units().forEach(u -> measures.addAll(u.imageMeasures().keySet()));
        List<String> plots = new ArrayList<>();
        for (String id : measures) {
            MetricInfo info = results.metric(id);
            DistributionPlot plot = new DistributionPlot(info.label() + " per image", info.label());
            if (results.reference() != null && results.reference().imageMeasures().containsKey(id)) {
                plot.add(group("real data", Palette.REAL, List.of(results.reference().imageMeasures().get(id))));
            }
            for (String variant : variants) {
                List<Distribution> parts = results.unitsOf(variant).stream().filter(UnitResult::ok)
                        .map(u -> u.imageMeasures().get(id)).filter(d -> d != null).toList();
                if (!parts.isEmpty()) {
                    plot.add(group(variant, color(variant), parts));
                }
            }
            plots.add(plot.render());
        }
        return plots;
    }

    private static DistributionPlot.Group group(String name, String color, List<Distribution> parts) {
        Distribution d = pool(parts);
        return new DistributionPlot.Group(name, color, d.values(), d.p5(), d.median(), d.p95());
    }

    /**
     * One seed keeps its exact summary; several seeds are pooled through their stored values (evenly spaced
     * order statistics of each seed, so the pooled percentiles approximate those of all images).
     */
    static Distribution pool(List<Distribution> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return Distribution.of(parts.stream().flatMap(d -> d.values().stream()).mapToDouble(Double::doubleValue)
                .toArray());
    }

    /** Median and 5th-95th percentile of each measure: real data first, then variants with seeds pooled. */
    ReportView.Table measureTable() {
        Set<String> measures = new LinkedHashSet<>();
        if (results.reference() != null) {
            measures.addAll(results.reference().imageMeasures().keySet());
        }
        results.units().forEach(u -> measures.addAll(u.imageMeasures().keySet()));
        List<String> headings = new ArrayList<>(List.of("images"));
        measures.forEach(m -> headings.add(results.metric(m).label() + " (median)"));
        List<ReportView.Row> rows = new ArrayList<>();
        if (results.reference() != null && !results.reference().imageMeasures().isEmpty()) {
            rows.add(new ReportView.Row("real data", "ref", measures.stream()
                    .map(m -> cell(results.reference().imageMeasures().get(m))).toList()));
        }
        for (String variant : variants) {
            List<ReportView.Cell> cells = new ArrayList<>();
            for (String m : measures) {
                List<Distribution> parts = results.unitsOf(variant).stream().filter(UnitResult::ok)
                        .map(u -> u.imageMeasures().get(m)).filter(d -> d != null).toList();
                cells.add(parts.isEmpty() ? ReportView.Cell.of("\u2013") : cell(pool(parts)));
            }
            rows.add(new ReportView.Row(variant, null, cells));
        }
        return new ReportView.Table(headings, rows);
    }

    private static ReportView.Cell cell(Distribution d) {
        if (d == null) {
            return ReportView.Cell.of("\u2013");
        }
        return new ReportView.Cell(Numbers.format(d.median()), "5\u201395%: " + Numbers.formatLike(d.p5(), d.median())
                + " \u2013 " + Numbers.formatLike(d.p95(), d.median()), false);
    }

    List<NeighbourGroup> neighbours() throws IOException {
        List<NeighbourGroup> groups = new ArrayList<>();
        for (String variant : variants) {
            List<Pair> pairs = new ArrayList<>();
            for (UnitResult u : results.unitsOf(variant)) {
                for (NeighbourPair p : u.neighbours()) {
                    if (pairs.size() < NEIGHBOURS_PER_VARIANT) {
                        pairs.add(new Pair(images.dataUri(p.sample()), images.dataUri(p.nearest()),
                                "seed " + u.seed() + " \u00b7 train #" + p.trainIndex() + " \u00b7 d="
                                        + Numbers.format(p.distance()) + " (" + p.space() + ")"));
                    }
                }
            }
            if (!pairs.isEmpty()) {
                groups.add(new NeighbourGroup(variant, pairs));
            }
        }
        return groups;
    }
}
