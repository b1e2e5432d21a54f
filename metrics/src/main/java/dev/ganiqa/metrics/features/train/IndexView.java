package dev.ganiqa.metrics.features.train;

import dev.ganiqa.datasets.Batches;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import java.util.Arrays;
import java.util.List;

/** The images {@code indices} of {@code base}, in that order; used to hold out a test part of a dataset. */
public record IndexView(ImageDataset base, int[] indices, String part) implements ImageDataset {
    /**
     * Splits {@code all} into [train, test] with {@code testFraction} of the images in test, chosen by a seeded
     * permutation, for labelled sources that have no test split of their own (image folders, synthetic).
     */
    public static ImageDataset[] holdOut(ImageDataset all, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("expected a test fraction in (0, 1), found " + testFraction);
        }
        int[] order = Batches.permutation(all.size(), seed);
        int test = Math.max(1, (int) Math.round(all.size() * testFraction));
        if (test >= all.size()) {
            throw new IllegalArgumentException(all.description() + ": expected at least 2 images to hold some out, found "
                    + all.size());
        }
        int[] testIdx = Arrays.copyOfRange(order, 0, test);
        int[] trainIdx = Arrays.copyOfRange(order, test, order.length);
        Arrays.sort(testIdx);
        Arrays.sort(trainIdx);
        return new ImageDataset[] {new IndexView(all, trainIdx, "train part"), new IndexView(all, testIdx, "held-out part")};
    }

    @Override
    public String description() {
        return base.description() + " (" + part + ", " + indices.length + " images)";
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public ImageShape shape() {
        return base.shape();
    }

    @Override
    public List<String> classNames() {
        return base.classNames();
    }

    @Override
    public int label(int index) {
        return base.label(indices[index]);
    }

    @Override
    public byte[] image(int index) {
        return base.image(indices[index]);
    }

    @Override
    public String name(int index) {
        return base.name(indices[index]);
    }
}
