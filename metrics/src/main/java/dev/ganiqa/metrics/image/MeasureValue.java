package dev.ganiqa.metrics.image;

/**
 * One measure of one image: a finite value, or no value and the reason (image too small, flat, gray).
 * Missing values are left out of averages rather than entering them as NaN.
 */
public record MeasureValue(double value, String reason) {
    public MeasureValue {
        if (reason == null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("expected a finite measure value, found " + value);
        }
        if (reason != null && !Double.isNaN(value)) {
            throw new IllegalArgumentException("a missing value carries NaN, found " + value);
        }
    }

    public static MeasureValue of(double value) {
        return new MeasureValue(value, null);
    }

    public static MeasureValue missing(String reason) {
        return new MeasureValue(Double.NaN, reason);
    }

    public boolean isPresent() {
        return reason == null;
    }
}
