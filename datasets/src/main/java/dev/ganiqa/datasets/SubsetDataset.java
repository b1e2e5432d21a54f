package dev.ganiqa.datasets;

import java.util.Arrays;
import java.util.List;

/**
 * A view of some images of another dataset, in the order of {@code indices}; pixels are read from the parent
 * on demand. Used for the training subsets of quick comparisons and for held-out splits.
 */
public final class SubsetDataset implements ImageDataset {
    private final ImageDataset parent;
    private final int[] indices;
    private final String description;

    public SubsetDataset(ImageDataset parent, int[] indices, String description) {
        for (int i : indices) {
            if (i < 0 || i >= parent.size()) {
                throw new IllegalArgumentException(parent.description() + ": expected indices in 0.."
                        + (parent.size() - 1) + ", found " + i);
            }
        }
        this.parent = parent;
        this.indices = indices.clone();
        this.description = description;
    }

    /** The first {@code n} images (all when the parent has fewer). */
    public static ImageDataset first(ImageDataset parent, int n) {
        int count = Math.min(n, parent.size());
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = i;
        }
        return new SubsetDataset(parent, indices, parent.description() + "[0:" + count + "]");
    }

    /**
     * {@code n} images drawn without replacement by a seeded permutation, kept in the parent's order so that a
     * subset of a subset is predictable; the whole parent when {@code n} is 0 or not smaller than its size.
     */
    public static ImageDataset sample(ImageDataset parent, int n, long seed) {
        if (n <= 0 || n >= parent.size()) {
            return parent;
        }
        int[] chosen = Arrays.copyOf(Batches.permutation(parent.size(), seed), n);
        Arrays.sort(chosen);
        return new SubsetDataset(parent, chosen, parent.description() + " (" + n + " of " + parent.size()
                + ", seed " + seed + ")");
    }

    /**
     * Splits {@code all} into [train, held-out] with {@code fraction} of the images held out, chosen by a seeded
     * permutation: the real reference for sources without a test split of their own (image folders, synthetic).
     */
    public static ImageDataset[] holdOut(ImageDataset all, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("expected a held-out fraction in (0, 1), found " + fraction);
        }
        int held = Math.max(1, (int) Math.round(all.size() * fraction));
        if (held >= all.size()) {
            throw new IllegalArgumentException(all.description() + ": expected at least 2 images to hold some out, "
                    + "found " + all.size());
        }
        int[] order = Batches.permutation(all.size(), seed);
        int[] heldOut = Arrays.copyOfRange(order, 0, held);
        int[] rest = Arrays.copyOfRange(order, held, order.length);
        Arrays.sort(heldOut);
        Arrays.sort(rest);
        return new ImageDataset[] {
            new SubsetDataset(all, rest, all.description() + " (without " + held + " held-out images)"),
            new SubsetDataset(all, heldOut, all.description() + " (" + held + " held-out images)")};
    }

    /** The index in the parent of image {@code index}. */
    public int parentIndex(int index) {
        return indices[index];
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public ImageShape shape() {
        return parent.shape();
    }

    @Override
    public List<String> classNames() {
        return parent.classNames();
    }

    @Override
    public int label(int index) {
        return parent.label(indices[index]);
    }

    @Override
    public byte[] image(int index) {
        return parent.image(indices[index]);
    }

    @Override
    public String name(int index) {
        return parent.name(indices[index]);
    }

    @Override
    public List<SkippedFile> skipped() {
        return parent.skipped();
    }
}
