package dev.ganiqa.trainers;

import dev.ganiqa.datasets.Batches;
import dev.ganiqa.datasets.ImageDataset;

/**
 * The spread of images within their groups (a group is a class, or all images for unconditional data): per pixel
 * the standard deviation across the images of one group, averaged over pixels and then over groups. Real data and
 * generator output go through the same accumulator, on the same [-1, 1] scale, so the two numbers compare.
 * A conditional generator that ignores z draws one image per class: its within-class spread is 0 although its
 * spread over all classes can look healthy (Shahbazi et al., ICLR 2022, "Collapse by Conditioning").
 */
final class WithinClassSpread {
    /** Real images per class that enter the reference (a seeded subset): ample for a per-pixel std, and quick. */
    static final int MAX_REAL_PER_GROUP = 1000;
    static final long SUBSET_SEED = 2022;

    private final int values;
    private final double[][] sum;
    private final double[][] squares;
    private final int[] count;

    /** @param groups number of groups (classes; 1 for unconditional), {@code values} pixel values per image */
    WithinClassSpread(int groups, int values) {
        if (groups < 1 || values < 1) {
            throw new IllegalArgumentException("expected at least one group and one value, found " + groups
                    + " groups of " + values + " values");
        }
        this.values = values;
        this.sum = new double[groups][values];
        this.squares = new double[groups][values];
        this.count = new int[groups];
    }

    /** Adds image {@code index} of {@code images} (values in [-1, 1], image after image) to {@code group}. */
    void add(int group, float[] images, int index) {
        double[] s = sum[group];
        double[] q = squares[group];
        int from = index * values;
        for (int p = 0; p < values; p++) {
            double v = images[from + p];
            s[p] += v;
            q[p] += v * v;
        }
        count[group]++;
    }

    int count(int group) {
        return count[group];
    }

    /**
     * Mean over groups with at least two images of the mean over pixels of the sample standard deviation (n - 1:
     * a group of 10 generated images compares fairly with a thousand real ones); NaN when no group qualifies.
     */
    double value() {
        double total = 0;
        int groups = 0;
        for (int g = 0; g < count.length; g++) {
            int n = count[g];
            if (n < 2) {
                continue;
            }
            double pixels = 0;
            for (int p = 0; p < values; p++) {
                double mean = sum[g][p] / n;
                pixels += Math.sqrt(Math.max(0, (squares[g][p] - n * mean * mean) / (n - 1)));
            }
            total += pixels / values;
            groups++;
        }
        return groups == 0 ? Double.NaN : total / groups;
    }

    /**
     * The real within-class spread of {@code data} ({@code byClass}) or its spread over all images, from at most
     * {@link #MAX_REAL_PER_GROUP} images per group in a seeded order.
     */
    static double ofData(ImageDataset data, boolean byClass) {
        int groups = byClass ? data.classNames().size() : 1;
        WithinClassSpread spread = new WithinClassSpread(groups, data.shape().values());
        int[] order = Batches.permutation(data.size(), SUBSET_SEED);
        int full = 0;
        for (int k = 0; k < order.length && full < groups; k++) {
            int i = order[k];
            int g = byClass ? data.label(i) : 0;
            if (g < 0 || g >= groups || spread.count(g) >= MAX_REAL_PER_GROUP) {
                continue;
            }
            spread.add(g, data.imageFloat(i), 0);
            if (spread.count(g) == MAX_REAL_PER_GROUP) {
                full++;
            }
        }
        return spread.value();
    }

    /**
     * The generator's spread across z: for a conditional generator within each class, the same
     * {@code perClass} latent vectors for every class (fixed seed); for an unconditional one over
     * {@code perClass} samples.
     */
    static double ofGenerator(Generator generator, int perClass, long seed) {
        int classes = generator.classes();
        int groups = Math.max(classes, 1);
        int dim = generator.latentDim();
        float[] z0 = Noise.latent(perClass, dim, seed);
        int n = perClass * groups;
        float[] z = new float[n * dim];
        int[] labels = classes > 0 ? new int[n] : null;
        for (int g = 0; g < groups; g++) {
            System.arraycopy(z0, 0, z, g * perClass * dim, z0.length);
            if (labels != null) {
                java.util.Arrays.fill(labels, g * perClass, (g + 1) * perClass, g);
            }
        }
        float[] x = generator.generate(z, n, labels);
        WithinClassSpread spread = new WithinClassSpread(groups, generator.shape().values());
        for (int i = 0; i < n; i++) {
            spread.add(i / perClass, x, i);
        }
        return spread.value();
    }
}
