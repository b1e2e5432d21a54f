package dev.ganiqa.reports.model;

/**
 * Where a unit's learning curve stood when its budget ended, read from the slope of the curve FID over the last
 * half of the budget (at least its last three points), each point weighted by its own sampling spread. A ranking of
 * units that were still improving ranks early training speed, not final quality; a unit that never reached the
 * data ranks nothing.
 *
 * @param trend       the state (see {@link Trend})
 * @param improvement relative FID decrease over the window, from the fitted line ((start - end) / start; negative:
 *                    worse); null when UNKNOWN
 * @param threshold   the smallest relative change that counts as a trend; null when UNKNOWN
 * @param detail      the numbers in words, e.g. {@code FID 96.1 -> 71.0 over epochs 2-4 (-26%, slope 5.1 standard
 *                    errors)}
 * @param slopeZ      the fitted slope in standard errors (negative: falling FID); null when UNKNOWN or not fitted
 */
public record Convergence(Trend trend, Double improvement, Double threshold, String detail, Double slopeZ) {
    public Convergence {
        Checks.present(trend, "convergence trend");
        Checks.text(detail, "convergence detail");
    }

    public Convergence(Trend trend, Double improvement, Double threshold, String detail) {
        this(trend, improvement, threshold, detail, null);
    }

    /**
     * IMPROVING: FID still falling, significantly and by more than the threshold; FLAT: no significant trend and
     * the points within their spread; WORSENING: FID rising likewise; OSCILLATING: the points scatter around the line
     * far more than their own spread allows; NOT_STARTED: the generator has not reached the data (recall near 0
     * and a FID many times the real row's); UNKNOWN: a curve too short to tell.
     */
    public enum Trend { IMPROVING, FLAT, WORSENING, OSCILLATING, NOT_STARTED, UNKNOWN }

    public boolean improving() {
        return trend == Trend.IMPROVING;
    }

    /** In words, for tables: "still improving", "flat", ... */
    public String words() {
        return switch (trend) {
            case IMPROVING -> "still improving";
            case FLAT -> "flat";
            case WORSENING -> "worsening";
            case OSCILLATING -> "oscillating";
            case NOT_STARTED -> "not started";
            case UNKNOWN -> "unknown";
        };
    }
}
