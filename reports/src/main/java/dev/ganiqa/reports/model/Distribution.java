package dev.ganiqa.reports.model;

import java.util.Arrays;
import java.util.List;

/**
 * Summary of a per-image measure over one unit's samples, plus a bounded subsample for box/strip plots.
 *
 * @param count  images measured
 * @param mean   arithmetic mean
 * @param std    sample standard deviation (n-1)
 * @param min    minimum
 * @param p5     5th percentile
 * @param median 50th percentile
 * @param p95    95th percentile
 * @param max    maximum
 * @param values at most {@link #MAX_VALUES} values (an evenly spaced subsample of the sorted values when more)
 */
public record Distribution(long count, double mean, double std, double min, double p5, double median, double p95,
                           double max, List<Double> values) {
    public static final int MAX_VALUES = 500;

    public Distribution {
        values = Checks.list(values);
        if (values.size() > MAX_VALUES) {
            throw new IllegalArgumentException("distribution values: expected at most " + MAX_VALUES
                    + ", found " + values.size());
        }
    }

    /**
     * Summarises raw values. Percentiles interpolate linearly between order statistics (numpy's default,
     * {@code np.percentile(..., method="linear")}), so they match a Python check of the same values.
     */
    public static Distribution of(double[] raw) {
        if (raw.length == 0) {
            throw new IllegalArgumentException("distribution: expected at least one value, found none");
        }
        for (int i = 0; i < raw.length; i++) {
            if (!Double.isFinite(raw[i])) {
                throw new IllegalArgumentException("distribution: expected finite values, found " + raw[i]
                        + " at index " + i);
            }
        }
        double[] sorted = raw.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        double mean = sum / sorted.length;
        double squares = 0;
        for (double v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        double std = sorted.length > 1 ? Math.sqrt(squares / (sorted.length - 1)) : 0;
        int keep = Math.min(MAX_VALUES, sorted.length);
        Double[] kept = new Double[keep];
        for (int i = 0; i < keep; i++) {
            kept[i] = sorted[keep == 1 ? 0 : (int) Math.round((double) i * (sorted.length - 1) / (keep - 1))];
        }
        return new Distribution(sorted.length, mean, std, sorted[0], percentile(sorted, 5), percentile(sorted, 50),
                percentile(sorted, 95), sorted[sorted.length - 1], List.of(kept));
    }

    static double percentile(double[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }
}
