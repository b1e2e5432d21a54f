package dev.ganiqa.harness.compare.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * One-sided Welch t test of two variants' per-seed values (Welch 1947; the statistic and Welch-Satterthwaite degrees
 * of freedom of {@code scipy.stats.ttest_ind(equal_var=False, alternative=...)}), the difference a seed count could
 * detect, and a bootstrap interval of the difference of means.
 */
final class OneSidedTest {
    private OneSidedTest() {
    }

    /**
     * @param difference mean(a) - mean(b)
     * @param pFor       one-sided p-value in the claim's direction
     * @param pAgainst   one-sided p-value in the opposite direction
     * @param detectable the smallest |difference| a one-sided test at alpha would detect with the given power, at the
     *                   observed spreads: (t_(1-alpha) + t_power) x standard error, both quantiles at the Welch df
     */
    record Outcome(double difference, double pFor, double pAgainst, double detectable) {
    }

    /** {@code lower}: the claim is mean(a) &lt; mean(b); otherwise mean(a) &gt; mean(b). */
    static Outcome welch(double[] a, double[] b, boolean lower, double alpha, double power) {
        double ma = mean(a);
        double mb = mean(b);
        double va = variance(a) / a.length;
        double vb = variance(b) / b.length;
        double se = Math.sqrt(va + vb);
        if (!(se > 0)) {
            // No spread between seeds on either side: the t statistic is undefined, nothing is decided.
            return new Outcome(ma - mb, 1, 1, Double.NaN);
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        TDistribution t = new TDistribution(df);
        double stat = (ma - mb) / se;
        double below = t.cumulativeProbability(stat);
        double pFor = lower ? below : 1 - below;
        double pAgainst = lower ? 1 - below : below;
        double detectable = (t.inverseCumulativeProbability(1 - alpha) + t.inverseCumulativeProbability(power)) * se;
        return new Outcome(ma - mb, pFor, pAgainst, detectable);
    }

    /** The 2.5th and 97.5th percentiles of mean(a*) - mean(b*) over resamples of each side's seeds. */
    static double[] bootstrapDifference(double[] a, double[] b, int resamples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] d = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            d[r] = resampledMean(a, random) - resampledMean(b, random);
        }
        Arrays.sort(d);
        return new double[] {percentile(d, 2.5), percentile(d, 97.5)};
    }

    private static double resampledMean(double[] x, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[random.nextInt(x.length)];
        }
        return sum / x.length;
    }

    /** Linear interpolation between order statistics (numpy's default percentile). */
    static double percentile(double[] sorted, double p) {
        double pos = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(Double.NaN);
    }

    static double variance(double[] x) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return x.length < 2 ? 0 : ss / (x.length - 1);
    }
}
