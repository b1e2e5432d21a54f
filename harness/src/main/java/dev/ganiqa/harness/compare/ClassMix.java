package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.ImageDataset;

/**
 * The labels a conditional generator is asked for when its samples are measured: in the proportions of the classes
 * of its training data, as the unconditional generators draw them by themselves, so FID, KID, precision and recall
 * compare the two kinds on the same class mix (BigGAN's and torch-fidelity's conditional evaluations sample labels
 * from the data's class distribution). Uniform labels were used before; they are the same on a dataset whose classes
 * are equally frequent, and on an unbalanced one (emoji: 60% "People & Body") they would score a conditional
 * generator against a mix the real images do not have.
 *
 * <p>Counts are the largest-remainder (Hamilton) rounding of {@code n} times each class's share; the labels then go
 * round-robin over the classes that still have some left, so with equal counts they are 0, 1, ..., K-1, 0, 1, ...
 * as before.
 */
public final class ClassMix {
    private ClassMix() {
    }

    /** How many images of each class {@code data} has (labels 0..K-1 of its class names). */
    public static int[] counts(ImageDataset data) {
        int[] counts = new int[data.classNames().size()];
        for (int i = 0; i < data.size(); i++) {
            int label = data.label(i);
            if (label >= 0 && label < counts.length) {
                counts[label]++;
            }
        }
        return counts;
    }

    /** {@code n} labels in the proportions of {@code counts}. */
    public static int[] labels(int n, int[] counts) {
        int k = counts.length;
        long total = 0;
        for (int c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("expected class counts of at least 0, found " + c);
            }
            total += c;
        }
        if (k == 0 || total == 0) {
            throw new IllegalArgumentException("expected at least one labelled training image, found none");
        }
        int[] quota = new int[k];
        double[] remainder = new double[k];
        int given = 0;
        for (int c = 0; c < k; c++) {
            double exact = (double) n * counts[c] / total;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            given += quota[c];
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        // Largest remainders first; ties to the lower class index, so the result is the same on every machine.
        java.util.Arrays.sort(order, (a, b) -> remainder[a] != remainder[b] ? Double.compare(remainder[b], remainder[a])
                : Integer.compare(a, b));
        for (int i = 0; given < n; i++, given++) {
            quota[order[i % k]]++;
        }
        int[] labels = new int[n];
        int filled = 0;
        while (filled < n) {
            for (int c = 0; c < k && filled < n; c++) {
                if (quota[c] > 0) {
                    quota[c]--;
                    labels[filled++] = c;
                }
            }
        }
        return labels;
    }
}
