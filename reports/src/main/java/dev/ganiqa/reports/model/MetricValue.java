package dev.ganiqa.reports.model;

/**
 * One metric of one unit.
 *
 * @param value   the value (the mean over subsets for KID and IS)
 * @param std     spread over subsets/splits for KID and IS, else null
 * @param samples generated images it was computed on
 * @param real    real images it was compared with (0 when not applicable, e.g. IS)
 * @param splits  subsets or splits behind {@code std} (0 when not applicable)
 */
public record MetricValue(double value, Double std, int samples, int real, int splits) {
    public MetricValue {
        Checks.finite(value, "metric value");
    }

    public static MetricValue of(double value, int samples, int real) {
        return new MetricValue(value, null, samples, real, 0);
    }
}
