package dev.ganiqa.datasets;

import java.util.List;

/**
 * A fixed, indexable collection of same-shape images with optional class labels: what the trainers consume.
 * Pixels are HWC uint8 (0..255); {@link #imageFloat} maps them to [-1, 1] as the GAN generators emit them.
 * The measures read images through {@link ImageSet} instead (each image at its own size, decoded when asked for);
 * {@link ImageSet#of} shows a dataset as one.
 */
public interface ImageDataset {
    /** What the dataset is, e.g. the spec string and split it was opened from. */
    String description();

    int size();

    ImageShape shape();

    /** Class names in label order; empty when the dataset has no labels. */
    List<String> classNames();

    default boolean hasLabels() {
        return !classNames().isEmpty();
    }

    /** Label of image {@code index} in 0..classNames().size()-1, or -1 when the dataset has no labels. */
    int label(int index);

    /** Image {@code index} as HWC uint8 values, {@code shape().values()} bytes. */
    byte[] image(int index);

    /** Image {@code index} as HWC floats in [-1, 1]: v / 127.5 - 1. */
    default float[] imageFloat(int index) {
        byte[] raw = image(index);
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = (raw[i] & 0xFF) / 127.5f - 1f;
        }
        return out;
    }

    /** Relative path (or a synthetic name) of image {@code index}, for reports and per-image CSVs. */
    default String name(int index) {
        return String.format("%06d.png", index);
    }

    /** Files that were found but refused, each with its reason. */
    default List<SkippedFile> skipped() {
        return List.of();
    }

    /**
     * Batches over the whole dataset in an order shuffled deterministically from {@code seed}
     * (the same seed gives the same order on every machine); the last batch may be smaller unless
     * {@code dropLast}.
     */
    default Iterable<Batch> batches(int batchSize, long seed, boolean dropLast) {
        return Batches.over(this, batchSize, seed, dropLast);
    }
}
