package dev.ganiqa.reports.model;

/** Which way a metric improves; decides ranks, the highlighted best cell and the verdict. */
public enum Direction {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER,
    /** Descriptive only (e.g. sharpness): never ranked or highlighted. */
    NEUTRAL;

    /** True when {@code a} is strictly better than {@code b}; always false for {@link #NEUTRAL}. */
    public boolean better(double a, double b) {
        return switch (this) {
            case LOWER_IS_BETTER -> a < b;
            case HIGHER_IS_BETTER -> a > b;
            case NEUTRAL -> false;
        };
    }
}
