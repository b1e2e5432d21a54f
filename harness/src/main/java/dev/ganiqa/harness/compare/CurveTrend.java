package dev.ganiqa.harness.compare;

import dev.ganiqa.reports.Numbers;
import dev.ganiqa.reports.model.Budget;
import dev.ganiqa.reports.model.Convergence;
import dev.ganiqa.reports.model.Convergence.Trend;
import dev.ganiqa.reports.model.EpochPoint;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Decides from a unit's learning curve where it stood when its budget ended. The window is the last half of the
 * budget on its own axis, and at least the last {@link #MIN_POINTS} points. A straight line is fitted to the
 * window's curve FIDs by weighted least squares, each point weighted by 1 / its sampling variance (the bootstrap
 * spread recorded with the point; for older curves without one, the rule of thumb FID / sqrt(n) of n curve
 * samples). Then, in this order:
 * <ul>
 * <li>NOT_STARTED when the final samples reach no part of the real data: recall below {@link #NOT_STARTED_BELOW}
 * (fewer than 1 in 200 real images lie inside the generated samples' k-NN manifold, Kynkäänniemi et al. 2019): the
 * FID of such a unit measures how far it is from starting, not how good it is;</li>
 * <li>IMPROVING / WORSENING when the slope is significant (|slope| &gt; {@link #Z} standard errors, about a 2.5%
 * one-sided level) and the fitted FID changes by more than {@link #MIN_CHANGE} over the window;</li>
 * <li>OSCILLATING when the points scatter around the line beyond their spread (chi-square of the fit, p &lt;
 * {@link #SCATTER_P});</li>
 * <li>FLAT otherwise.</li>
 * </ul>
 * The thresholds are stated choices of ours, not published constants. Consecutive points are drawn from the same
 * fixed noise, so their errors are positively correlated and the test is conservative about trends.
 */
final class CurveTrend {
    static final int MIN_POINTS = 3;
    static final double MIN_CHANGE = 0.05;
    static final double Z = 1.96;
    static final double SCATTER_P = 0.01;
    static final double NOT_STARTED_BELOW = 0.005;
    /** The window: the last half of the budget. */
    static final double WINDOW = 0.5;

    private CurveTrend() {
    }

    /** Epochs and steps are whole numbers; minutes get one decimal. */
    private static String position(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.1f", x);
    }

    /**
     * @param recall   the unit's final recall, or null when not measured
     * @param coverage the unit's final coverage, or null when not measured
     */
    static Convergence of(List<EpochPoint> curve, Budget budget, Double recall, Double coverage) {
        if (recall != null && recall < NOT_STARTED_BELOW) {
            return new Convergence(Trend.NOT_STARTED, null, null, String.format(Locale.ROOT, "recall %.3f%s: the "
                    + "samples reach no part of the real data, so the generator has not started to model it", recall,
                    coverage == null ? "" : String.format(Locale.ROOT, " (coverage %.3f)", coverage)), null);
        }
        List<EpochPoint> points = curve.stream()
                .filter(p -> p.fid() != null && Double.isFinite(p.fid()) && Double.isFinite(budget.position(p)))
                .sorted(Comparator.comparingDouble(budget::position)).toList();
        if (budget.curveSamples() <= 0 || points.size() < MIN_POINTS) {
            return new Convergence(Trend.UNKNOWN, null, null, points.isEmpty() ? "no learning curve"
                    : "a learning curve of " + points.size() + " point" + (points.size() == 1 ? "" : "s")
                    + " cannot tell a trend (needs " + MIN_POINTS + ")", null);
        }
        double end = budget.position(points.get(points.size() - 1));
        int from = points.size() - MIN_POINTS;
        while (from > 0 && budget.position(points.get(from - 1)) >= end * (1 - WINDOW)) {
            from--;
        }
        List<EpochPoint> window = points.subList(from, points.size());
        int k = window.size();
        double[] x = new double[k];
        double[] y = new double[k];
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            EpochPoint p = window.get(i);
            x[i] = budget.position(p);
            y[i] = p.fid();
            double sd = p.fidError() != null && p.fidError() > 0 ? p.fidError()
                    : Math.abs(p.fid()) / Math.sqrt(budget.curveSamples());
            w[i] = 1 / Math.max(sd * sd, 1e-12);
        }
        Fit fit = Fit.of(x, y, w);
        double start = fit.at(x[0]);
        double last = fit.at(x[k - 1]);
        double change = (start - last) / Math.abs(start);
        double z = fit.slope() / fit.slopeError();
        double scatterP = k > 2 ? 1 - new ChiSquaredDistribution(k - 2).cumulativeProbability(fit.chiSquare()) : 1;
        Trend trend;
        if (z < -Z && change > MIN_CHANGE) {
            trend = Trend.IMPROVING;
        } else if (z > Z && change < -MIN_CHANGE) {
            trend = Trend.WORSENING;
        } else if (scatterP < SCATTER_P) {
            trend = Trend.OSCILLATING;
        } else {
            trend = Trend.FLAT;
        }
        String detail = String.format(Locale.ROOT, "FID %s -> %s over %s %s-%s (fitted %+.0f%%, slope %+.1f standard "
                        + "errors; %d points, scatter %s)", Numbers.format(y[0]), Numbers.format(y[k - 1]),
                budget.axisLabel(), position(x[0]), position(x[k - 1]), -100 * change, z, k,
                Numbers.pValue(scatterP));
        return new Convergence(trend, change, MIN_CHANGE, detail, z);
    }

    /** A weighted least-squares line y = a + b x with the standard error of b and the fit's chi-square. */
    record Fit(double intercept, double slope, double slopeError, double chiSquare) {
        double at(double x) {
            return intercept + slope * x;
        }

        static Fit of(double[] x, double[] y, double[] w) {
            double sw = 0;
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < x.length; i++) {
                sw += w[i];
                sx += w[i] * x[i];
                sy += w[i] * y[i];
            }
            double mx = sx / sw;
            double my = sy / sw;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < x.length; i++) {
                sxx += w[i] * (x[i] - mx) * (x[i] - mx);
                sxy += w[i] * (x[i] - mx) * (y[i] - my);
            }
            double b = sxy / sxx;
            double a = my - b * mx;
            double chi = 0;
            for (int i = 0; i < x.length; i++) {
                double r = y[i] - a - b * x[i];
                chi += w[i] * r * r;
            }
            return new Fit(a, b, Math.sqrt(1 / sxx), chi);
        }
    }
}
