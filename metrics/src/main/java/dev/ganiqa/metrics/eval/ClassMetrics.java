package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.Batches;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.MeanPairwiseDistance;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a person checks first in a conditional generator's grid, as numbers: does each sample show the class that
 * was asked for, and do the samples of one class differ from each other?
 * <ul>
 *   <li>Class consistency (conditional sets): the share of samples whose class predicted by the extractor's own
 *       classifier equals the requested label (the "classification accuracy score" reading of conditional
 *       generators; Ravuri and Vinyals 2019 train on samples instead, we only classify them).</li>
 *   <li>Class balance (unlabelled sets): the total variation distance 1/2 sum_c |p_fake(c) - p_real(c)| between
 *       the predicted-class histogram of the samples and the real label histogram (0 = the real mix).</li>
 *   <li>Within-class diversity: for each class, the mean pairwise feature distance of the samples of that class
 *       divided by the same quantity on real images of that class (1.0 = as diverse as real, near 0 = one image
 *       per class, the collapse of Shahbazi et al., ICLR 2022); samples are grouped by label, or by predicted
 *       class when unlabelled. At most {@link #MAX_PER_CLASS} images per class (a seeded subset) enter each mean.</li>
 * </ul>
 */
public final class ClassMetrics {
    /** Images per class in a pairwise mean: 500 gives 124,750 pairs, ample for a mean and quick (O(n^2 d)). */
    public static final int MAX_PER_CLASS = 500;
    /** A class needs this many images in both sets to get a diversity ratio. */
    public static final int MIN_PER_CLASS = 10;
    static final long SUBSET_SEED = 2020;

    private ClassMetrics() {
    }

    /**
     * @param consistency null unless the generated set is labelled with the reference's classes
     * @param balance     null unless the generated set is unlabelled
     * @param diversity   per-class ratios (classes with too few images are absent)
     */
    public record Result(Double consistency, Double balance, Double meanDiversity, Map<String, Double> diversity) {
    }

    /** Null when the reference has no classes or the generated set has neither labels nor a class head. */
    public static Result compute(Reference real, ExtractedSet fake) {
        var names = real.classNames();
        int[] group = fake.classGroups(names);
        if (group == null) {
            return null;
        }
        int k = names.size();
        Double consistency = null;
        Double balance = null;
        if (fake.labelledWith(names)) {
            if (fake.probabilities() != null) {
                int agree = 0;
                for (int i = 0; i < fake.size(); i++) {
                    agree += fake.predictedClass(i) == group[i] ? 1 : 0;
                }
                consistency = (double) agree / fake.size();
            }
        } else {
            double[] pf = new double[k];
            for (int i = 0; i < group.length; i++) {
                if (group[i] >= 0 && group[i] < k) {
                    pf[group[i]] += 1.0 / group.length;
                }
            }
            double[] pr = real.classShares();
            double tv = 0;
            for (int c = 0; c < k; c++) {
                tv += Math.abs(pf[c] - pr[c]);
            }
            balance = tv / 2;
        }
        Map<String, Double> diversity = new LinkedHashMap<>();
        double sum = 0;
        for (int c = 0; c < k; c++) {
            int[] rows = Reference.rowsOf(group, c);
            double realSpread = real.classSpread(c);
            if (rows.length >= MIN_PER_CLASS && Double.isFinite(realSpread) && realSpread > 0) {
                double ratio = spread(fake.features(), rows) / realSpread;
                diversity.put(names.get(c), ratio);
                sum += ratio;
            }
        }
        return new Result(consistency, balance, diversity.isEmpty() ? null : sum / diversity.size(), diversity);
    }

    /** Mean pairwise distance of {@code rows} of {@code x}, on a seeded subset of at most MAX_PER_CLASS rows. */
    static double spread(FeatureMatrix x, int[] rows) {
        int[] pick = rows;
        if (rows.length > MAX_PER_CLASS) {
            int[] order = Batches.permutation(rows.length, SUBSET_SEED);
            pick = new int[MAX_PER_CLASS];
            for (int i = 0; i < MAX_PER_CLASS; i++) {
                pick[i] = rows[order[i]];
            }
            java.util.Arrays.sort(pick);
        }
        return MeanPairwiseDistance.of(x.select(pick));
    }
}
