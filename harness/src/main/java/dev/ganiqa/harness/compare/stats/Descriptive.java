package dev.ganiqa.harness.compare.stats;

import dev.ganiqa.reports.model.MetricSummary;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Mean, sample standard deviation and the 95% confidence interval of the mean over seeds:
 * {@code mean +- t(0.975, n-1) * s / sqrt(n)} (Student's t, because n is a handful of seeds, not a large sample).
 */
public final class Descriptive {
    static final double LEVEL = 0.95;

    private Descriptive() {
    }

    /** Summary with rank 0; the caller ranks. For n=1 the interval collapses to the mean (no spread known). */
    public static MetricSummary summarise(double[] values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("summary: expected at least one value, found none");
        }
        double mean = new Mean().evaluate(values);
        double std = n > 1 ? new StandardDeviation(true).evaluate(values) : 0;
        double half = n > 1 ? new TDistribution(n - 1).inverseCumulativeProbability(0.5 + LEVEL / 2) * std
                / Math.sqrt(n) : 0;
        return new MetricSummary(n, mean, std, mean - half, mean + half, 0);
    }
}
