/**
 * Statistics across seeds for {@code ganiqa compare}: per-variant mean, std and 95% t confidence interval
 * ({@link dev.ganiqa.harness.compare.stats.Descriptive}), ranks ({@link dev.ganiqa.harness.compare.stats.Ranking}),
 * pairwise tests ({@link dev.ganiqa.harness.compare.stats.TwoSampleTest}: none below 3 seeds, Welch t below 8,
 * Mann-Whitney U from 8) with Holm's correction per metric ({@link dev.ganiqa.harness.compare.stats.Holm}), and the
 * verdict sentence. {@link dev.ganiqa.harness.compare.stats.SeedStatistics} is the entry point; it reads metric
 * directions from the results model ({@code MetricCatalog}) and fills {@code variants}, {@code tests} and
 * {@code verdict} of results.json. Nothing here trains, measures or renders.
 */
package dev.ganiqa.harness.compare.stats;
