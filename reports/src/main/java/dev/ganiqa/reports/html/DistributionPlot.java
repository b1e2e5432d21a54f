package dev.ganiqa.reports.html;

import dev.ganiqa.reports.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Horizontal box plots with the individual values as a jittered strip, one row per group (variant or real
 * data), on a shared axis: the spread of per-image sharpness or noise is visible, not only its mean. Boxes span
 * p25..p75 with the median marked; whiskers span p5..p95 (stated in the caption, not Tukey's 1.5 IQR).
 */
final class DistributionPlot {
    private static final double WIDTH = 640;
    private static final double LEFT = 110;
    private static final double RIGHT = 20;
    private static final double TOP = 34;
    private static final double ROW = 46;
    private static final double BOTTOM = 44;

    /** One row: its values (a bounded subsample) and the summary percentiles. */
    record Group(String name, String color, List<Double> values, double p5, double median, double p95) {
    }

    private final String title;
    private final String axisLabel;
    private final List<Group> groups = new ArrayList<>();

    DistributionPlot(String title, String axisLabel) {
        this.title = title;
        this.axisLabel = axisLabel;
    }

    DistributionPlot add(Group group) {
        groups.add(group);
        return this;
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    String render() {
        double height = TOP + ROW * Math.max(1, groups.size()) + BOTTOM;
        Svg svg = new Svg(WIDTH, height, title);
        svg.text(LEFT, 20, title, "start", "title", false);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Group g : groups) {
            for (double v : g.values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            lo = Math.min(lo, g.p5());
            hi = Math.max(hi, g.p95());
        }
        if (groups.isEmpty()) {
            return svg.text(WIDTH / 2, height / 2, "no data", "middle", "axis", false).end();
        }
        Ticks ticks = Ticks.of(lo, hi, 6);
        double plotW = WIDTH - LEFT - RIGHT;
        double bottom = TOP + ROW * groups.size();
        java.util.function.DoubleUnaryOperator px = v -> LEFT + (v - ticks.min()) / (ticks.max() - ticks.min()) * plotW;
        for (double v : ticks.values()) {
            svg.line(px.applyAsDouble(v), TOP, px.applyAsDouble(v), bottom, "grid");
            svg.text(px.applyAsDouble(v), bottom + 17, ticks.label(v), "middle", "axis", false);
        }
        svg.line(LEFT, bottom, LEFT + plotW, bottom, "frame");
        svg.text(LEFT + plotW / 2, height - 8, axisLabel, "middle", "axis-label", false);
        // Seeded jitter: the same results.json always renders the same picture.
        Random jitter = new Random(42);
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            double mid = TOP + ROW * i + ROW / 2;
            svg.text(LEFT - 8, mid + 4, g.name(), "end", "legend", false);
            double[] sorted = g.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double q1 = sorted.length == 0 ? g.median() : quantile(sorted, 0.25);
            double q3 = sorted.length == 0 ? g.median() : quantile(sorted, 0.75);
            for (double v : g.values()) {
                svg.circle(px.applyAsDouble(v), mid + (jitter.nextDouble() - 0.5) * ROW * 0.6, 1.6, g.color(), 0.35);
            }
            svg.line(px.applyAsDouble(g.p5()), mid, px.applyAsDouble(q1), mid, "whisker");
            svg.line(px.applyAsDouble(q3), mid, px.applyAsDouble(g.p95()), mid, "whisker");
            svg.rect(px.applyAsDouble(q1), mid - ROW * 0.3, px.applyAsDouble(q3) - px.applyAsDouble(q1), ROW * 0.6,
                    g.color(), "#222", 0.25);
            svg.line(px.applyAsDouble(g.median()), mid - ROW * 0.3, px.applyAsDouble(g.median()), mid + ROW * 0.3,
                    "median");
            svg.text(WIDTH - RIGHT, mid - ROW * 0.3 - 2, "median " + Numbers.format(g.median()), "end", "note", false);
        }
        return svg.end();
    }

    private static double quantile(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }
}
