package dev.ganiqa.datasets;

import java.util.Arrays;
import java.util.List;

/**
 * An in-memory dataset: all pixels in one HWC uint8 array (image i at {@code i * shape.values()}),
 * labels as bytes or ints, optional per-image names and the files that were skipped on the way.
 */
public final class ArrayDataset implements ImageDataset {
    private final String description;
    private final ImageShape shape;
    private final byte[] pixels;
    private final int size;
    private final int[] labels;
    private final List<String> classNames;
    private final List<String> names;
    private final List<SkippedFile> skipped;

    /**
     * @param labels null for an unlabelled dataset, else one label in 0..classNames.size()-1 per image
     * @param names  null for the default {@code %06d.png} names
     */
    public ArrayDataset(String description, ImageShape shape, byte[] pixels, int[] labels,
                        List<String> classNames, List<String> names, List<SkippedFile> skipped) {
        if (pixels.length % shape.values() != 0) {
            throw new DatasetException(description + ": expected a multiple of " + shape.values()
                    + " pixel bytes, found " + pixels.length);
        }
        this.description = description;
        this.shape = shape;
        this.pixels = pixels;
        this.size = pixels.length / shape.values();
        this.classNames = List.copyOf(classNames);
        if (labels != null) {
            if (labels.length != size) {
                throw new DatasetException(description + ": expected " + size + " labels (one per image), found " + labels.length);
            }
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] < 0 || labels[i] >= this.classNames.size()) {
                    throw new DatasetException(description + ": label of image " + i + ": expected 0.."
                            + (this.classNames.size() - 1) + ", found " + labels[i]);
                }
            }
        } else if (!this.classNames.isEmpty()) {
            throw new DatasetException(description + ": expected labels for " + classNames.size() + " classes, found none");
        }
        this.labels = labels;
        if (names != null && names.size() != size) {
            throw new DatasetException(description + ": expected " + size + " names, found " + names.size());
        }
        this.names = names == null ? null : List.copyOf(names);
        this.skipped = List.copyOf(skipped);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int label(int index) {
        java.util.Objects.checkIndex(index, size);
        return labels == null ? -1 : labels[index];
    }

    @Override
    public byte[] image(int index) {
        java.util.Objects.checkIndex(index, size);
        int per = shape.values();
        return Arrays.copyOfRange(pixels, index * per, (index + 1) * per);
    }

    @Override
    public String name(int index) {
        java.util.Objects.checkIndex(index, size);
        return names == null ? ImageDataset.super.name(index) : names.get(index);
    }

    @Override
    public List<SkippedFile> skipped() {
        return skipped;
    }

    /** Number of images per label, indexed by label. */
    public static int[] classCounts(ImageDataset dataset) {
        int[] counts = new int[dataset.classNames().size()];
        for (int i = 0; i < dataset.size(); i++) {
            int label = dataset.label(i);
            if (label >= 0) {
                counts[label]++;
            }
        }
        return counts;
    }
}
