package dev.ganiqa.reports.model;

/**
 * One metric of one variant across its OK seeds.
 *
 * @param n      seeds that contributed
 * @param mean   mean over seeds
 * @param std    sample standard deviation (n-1); 0 for n=1
 * @param ciLow  lower end of the 95% confidence interval of the mean (Student t, n-1 df); NaN-free: equals the
 *               mean when n=1 (the report then shows "n/a")
 * @param ciHigh upper end
 * @param rank   1 = best among variants for this metric (ties share the lower rank); 0 for neutral metrics
 */
public record MetricSummary(int n, double mean, double std, double ciLow, double ciHigh, int rank) {
    public MetricSummary {
        if (n < 1) {
            throw new IllegalArgumentException("metric summary: expected n >= 1, found " + n);
        }
    }
}
