package dev.ganiqa.metrics.image;

import java.util.Arrays;

/**
 * Summary of one measure over a set of images: count of images with a value, mean, population standard
 * deviation, and the median, 5th and 95th percentiles with numpy's default linear interpolation
 * ({@code np.percentile(..., method='linear')}). All NaN when no image had a value ({@code count} 0).
 */
public record MeasureSummary(int count, int missing, double mean, double std, double median, double p5, double p95) {
    /** Summarises the present values; {@code missing} counts the images without one. */
    public static MeasureSummary of(double[] values, int missing) {
        int n = values.length;
        if (n == 0) {
            return new MeasureSummary(0, missing, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= n;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return new MeasureSummary(n, missing, mean, Math.sqrt(ss / n), percentile(v, 50), percentile(v, 5),
                percentile(v, 95));
    }

    /** numpy 'linear': position q/100 * (n - 1) between the sorted neighbours. */
    static double percentile(double[] sorted, double q) {
        double pos = q / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }
}
