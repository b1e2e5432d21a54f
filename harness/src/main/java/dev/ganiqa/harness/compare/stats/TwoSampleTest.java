package dev.ganiqa.harness.compare.stats;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Which two-sided test compares two variants' per-seed values, and its p-value.
 *
 * <p>The choice depends on the number of OK seeds per variant, {@code n = min(nA, nB)}:
 * <ul>
 *   <li>{@code n < 3}: no test. With two seeds the variance estimate has one degree of freedom and a Welch t
 *       test has (almost) no power; we say so rather than print a p-value that looks meaningful.</li>
 *   <li>{@code 3 <= n < 8}: Welch's t test (unequal variances, Welch-Satterthwaite df; commons-math3
 *       {@link TTest#tTest(double[], double[])}, same as {@code scipy.stats.ttest_ind(equal_var=False)}).
 *       A rank test cannot help here: the exact Mann-Whitney U test's smallest two-sided p-value is
 *       2 / C(nA+nB, nA), 0.10 for 3 vs 3, so it could never reach 0.05. Welch assumes the per-seed metric is
 *       roughly normal, which holds for FID over seeds far better than for single images.</li>
 *   <li>{@code n >= 8}: Mann-Whitney U (commons-math3 {@link MannWhitneyUTest}, normal approximation with tie
 *       correction, no continuity correction; same as {@code scipy.stats.mannwhitneyu(method="asymptotic",
 *       use_continuity=False)}), robust to outlier seeds where enough seeds make the approximation fair.</li>
 * </ul>
 */
public final class TwoSampleTest {
    public static final int MIN_SEEDS = 3;
    public static final int RANK_TEST_SEEDS = 8;

    private TwoSampleTest() {
    }

    /** A p-value, or no test with the reason. */
    public record Outcome(String test, double pValue, boolean tested, String note) {
    }

    public static Outcome compare(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        if (n < MIN_SEEDS) {
            return new Outcome("none", 1, false, n + " seed" + (n == 1 ? "" : "s")
                    + " per variant: a test would have no power (needs " + MIN_SEEDS + ")");
        }
        if (n >= RANK_TEST_SEEDS) {
            return new Outcome("Mann-Whitney U", new MannWhitneyUTest().mannWhitneyUTest(a, b), true, null);
        }
        if (variance(a) == 0 && variance(b) == 0) {
            return new Outcome("Welch t", 1, false, "no variation between seeds: the t test is undefined");
        }
        return new Outcome("Welch t", new TTest().tTest(a, b), true, null);
    }

    private static double variance(double[] values) {
        return values.length < 2 ? 0 : new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(values);
    }
}
