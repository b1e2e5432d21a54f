package dev.ganiqa.reports.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A line chart as inline SVG (no script): one polyline per series, a legend of distinct series names, nice
 * ticks. Used for FID per epoch and mean losses per epoch.
 */
final class LineChart {
    static final double WIDTH = 640;
    static final double HEIGHT = 300;
    private static final double LEFT = 58;
    private static final double RIGHT = 16;
    private static final double TOP = 50;
    private static final double BOTTOM = 46;

    /** One line; series with the same name share one legend entry (e.g. the seeds of one variant). */
    record Series(String name, String color, double[] x, double[] y, boolean dashed) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();

    LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    LineChart add(Series s) {
        if (s.x().length != s.y().length) {
            throw new IllegalArgumentException("series " + s.name() + ": expected as many x as y, found "
                    + s.x().length + " and " + s.y().length);
        }
        // A diverged unit may log NaN or infinite losses: those points are left out, the rest is drawn.
        int finite = 0;
        double[] x = new double[s.x().length];
        double[] y = new double[s.y().length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                x[finite] = s.x()[i];
                y[finite++] = s.y()[i];
            }
        }
        if (finite > 0) {
            series.add(new Series(s.name(), s.color(), java.util.Arrays.copyOf(x, finite),
                    java.util.Arrays.copyOf(y, finite), s.dashed()));
        }
        return this;
    }

    boolean isEmpty() {
        return series.isEmpty();
    }

    String render() {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                xMin = Math.min(xMin, s.x()[i]);
                xMax = Math.max(xMax, s.x()[i]);
                yMin = Math.min(yMin, s.y()[i]);
                yMax = Math.max(yMax, s.y()[i]);
            }
        }
        Svg svg = new Svg(WIDTH, HEIGHT, title);
        svg.text(LEFT, 20, title, "start", "title", false);
        if (series.isEmpty()) {
            return svg.text(WIDTH / 2, HEIGHT / 2, "no data", "middle", "axis", false).end();
        }
        Ticks xt = Ticks.of(xMin, xMax, Math.min(8, (int) Math.round(xMax - xMin) + 1));
        Ticks yt = Ticks.of(yMin, yMax, 5);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        java.util.function.DoubleUnaryOperator px = v -> LEFT + (v - xt.min()) / (xt.max() - xt.min()) * plotW;
        java.util.function.DoubleUnaryOperator py = v -> TOP + plotH - (v - yt.min()) / (yt.max() - yt.min()) * plotH;
        for (double v : yt.values()) {
            svg.line(LEFT, py.applyAsDouble(v), LEFT + plotW, py.applyAsDouble(v), "grid");
            svg.text(LEFT - 6, py.applyAsDouble(v) + 4, yt.label(v), "end", "axis", false);
        }
        for (double v : xt.values()) {
            svg.line(px.applyAsDouble(v), TOP + plotH, px.applyAsDouble(v), TOP + plotH + 4, "tick");
            svg.text(px.applyAsDouble(v), TOP + plotH + 17, xt.label(v), "middle", "axis", false);
        }
        svg.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "frame");
        svg.line(LEFT, TOP, LEFT, TOP + plotH, "frame");
        svg.text(LEFT + plotW / 2, HEIGHT - 8, xLabel, "middle", "axis-label", false);
        svg.text(14, TOP + plotH / 2, yLabel, "middle", "axis-label", true);
        for (Series s : series) {
            double[] xs = new double[s.x().length];
            double[] ys = new double[s.y().length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = px.applyAsDouble(s.x()[i]);
                ys[i] = py.applyAsDouble(s.y()[i]);
            }
            svg.polyline(xs, ys, s.color(), 0.85, s.dashed());
            for (int i = 0; i < xs.length; i++) {
                svg.circle(xs[i], ys[i], 3, s.color(), 0.9);
            }
        }
        legend(svg);
        return svg.end();
    }

    private void legend(Svg svg) {
        Map<String, String> entries = new LinkedHashMap<>();
        series.forEach(s -> entries.putIfAbsent(s.name(), s.color()));
        // One row under the title, left-aligned with the plot, wrapping when the names do not fit.
        double x = LEFT;
        double y = 28;
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            double width = 7.5 * entry.getKey().length() + 30;
            if (x + width > WIDTH - RIGHT && x > LEFT) {
                x = LEFT;
                y += 14;
            }
            svg.rect(x, y, 11, 11, entry.getValue(), "none", 1);
            svg.text(x + 15, y + 10, entry.getKey(), "start", "legend", false);
            x += width;
        }
    }
}
