package dev.ganiqa.reports.model;

/**
 * Whether a unit's learning curve had flattened when its budget ended: the relative FID improvement over the last
 * quarter of the budget, against the threshold above which it counts as still improving (the larger of a fixed
 * share and the small-sample FID's own noise). A ranking of units that were still improving ranks early training
 * speed, not final quality.
 *
 * @param trend       IMPROVING, FLAT, or UNKNOWN (a curve too short to tell)
 * @param improvement relative FID decrease over the last quarter ((before - last) / before; negative: worse);
 *                    null when UNKNOWN
 * @param threshold   improvement above which the unit counts as still improving; null when UNKNOWN
 * @param detail      the numbers in words, e.g. {@code FID 96.1 -> 71.0 between epoch 2 and 3 (-26%)}
 */
public record Convergence(Trend trend, Double improvement, Double threshold, String detail) {
    public Convergence {
        Checks.present(trend, "convergence trend");
        Checks.text(detail, "convergence detail");
    }

    public enum Trend { IMPROVING, FLAT, UNKNOWN }

    public boolean improving() {
        return trend == Trend.IMPROVING;
    }
}
