package dev.ganiqa.harness.compare;

import dev.ganiqa.reports.Numbers;
import dev.ganiqa.reports.model.Budget;
import dev.ganiqa.reports.model.Convergence;
import dev.ganiqa.reports.model.Convergence.Trend;
import dev.ganiqa.reports.model.EpochPoint;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Decides from a unit's learning curve whether it was still improving when its budget ended: the curve FID at
 * the end against the FID at the last point at or before 3/4 of the budget (on the budget's own axis). The unit
 * counts as still improving when FID fell by more than {@link #MIN_IMPROVEMENT} and by more than the curve's
 * own sampling noise. The noise is a stated rule of thumb of ours, not a published constant: the standard
 * deviation of a FID of n samples is taken as at most 1/sqrt(n) of its value, and a change must exceed
 * {@link #NOISE_Z} of those (the curve draws every point from the same fixed noise, so consecutive points vary
 * less than independent draws would). At 500 curve samples that is 8.9%, at 60 samples 26%.
 */
final class CurveTrend {
    /** FID must fall by more than this share over the last quarter for the unit to count as still improving. */
    static final double MIN_IMPROVEMENT = 0.05;
    /** Multiples of 1/sqrt(n) that a change between two curve points must exceed to be more than noise. */
    static final double NOISE_Z = 2.0;
    /** The window: the last quarter of the budget. */
    static final double WINDOW = 0.25;

    private CurveTrend() {
    }

    static double threshold(int curveSamples) {
        return Math.max(MIN_IMPROVEMENT, NOISE_Z / Math.sqrt(curveSamples));
    }

    /** Epochs and steps are whole numbers; minutes get one decimal. */
    private static String position(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.1f", x);
    }

    static Convergence of(List<EpochPoint> curve, Budget budget) {
        List<EpochPoint> points = curve.stream()
                .filter(p -> p.fid() != null && Double.isFinite(p.fid()) && Double.isFinite(budget.position(p)))
                .sorted(Comparator.comparingDouble(budget::position)).toList();
        if (budget.curveSamples() <= 0 || points.size() < 2) {
            return new Convergence(Trend.UNKNOWN, null, null, points.isEmpty() ? "no learning curve"
                    : "a learning curve of one point cannot tell whether training had flattened");
        }
        EpochPoint last = points.get(points.size() - 1);
        double end = budget.position(last);
        double start = end * (1 - WINDOW);
        EpochPoint before = points.get(0);
        for (EpochPoint p : points) {
            if (budget.position(p) <= start) {
                before = p;
            }
        }
        if (before == last) {
            return new Convergence(Trend.UNKNOWN, null, null, "no curve point before the last quarter of the budget");
        }
        double improvement = (before.fid() - last.fid()) / before.fid();
        double threshold = threshold(budget.curveSamples());
        String detail = String.format(Locale.ROOT, "FID %s -> %s between %s %s and %s (%+.0f%%; still improving "
                        + "above %.0f%%)", Numbers.format(before.fid()), Numbers.format(last.fid()), budget.axisLabel(),
                position(budget.position(before)), position(end), -100 * improvement, 100 * threshold);
        return new Convergence(improvement > threshold ? Trend.IMPROVING : Trend.FLAT, improvement, threshold, detail);
    }
}
