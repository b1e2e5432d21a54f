package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Preprocessing;
import java.util.Objects;

/**
 * What an extractor is and what it expects. {@code input} is the image shape it is fed; when
 * {@code anySize} is true only the channel count must match (the Inception graph resizes to 299x299
 * itself) and {@code input}'s height and width are nominal (the network's native size where known).
 * {@code preprocessing} says what the network is fed. {@code classes} is 0 when the extractor has no class head (then no Inception Score).
 * {@code sha256} identifies the weights (and, where the extractor is told its preprocessing, that too), so numbers
 * from different extractors are never mixed. {@code resize} is the filter {@link ImageAdapter} resizes with.
 */
public record ExtractorInfo(String name, String version, String sha256, ImageShape input, boolean anySize,
        String preprocessing, int featureDim, int classes, Preprocessing.Filter resize) {
    public ExtractorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resize, "resize");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(preprocessing, "preprocessing");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("expected a 64-digit lower-case hex sha256, found " + sha256);
        }
        if (featureDim <= 0) {
            throw new IllegalArgumentException("expected a positive feature dimension, found " + featureDim);
        }
        if (classes < 0) {
            throw new IllegalArgumentException("expected a non-negative class count, found " + classes);
        }
    }

    /** An extractor whose images are resized by the default policy (area when shrinking, bilinear when enlarging). */
    public ExtractorInfo(String name, String version, String sha256, ImageShape input, boolean anySize,
            String preprocessing, int featureDim, int classes) {
        this(name, version, sha256, input, anySize, preprocessing, featureDim, classes, Preprocessing.Filter.AREA);
    }

    public boolean hasClasses() {
        return classes > 0;
    }

    /** Whether images of {@code shape} can be fed as they are. */
    public boolean accepts(ImageShape shape) {
        return anySize ? shape.channels() == input.channels() : shape.equals(input);
    }

    /**
     * Checks one batch handed to {@link FeatureExtractor#extract}: images of an accepted shape and at least
     * {@code count} images' bytes; every extractor starts with it.
     */
    public void checkBatch(byte[] images, int count, ImageShape shape) {
        if (!accepts(shape)) {
            throw new IllegalArgumentException(name + ": expected images of shape " + input
                    + (anySize ? " (any size)" : "") + ", found " + shape + "; adapt them first");
        }
        int per = shape.values();
        if (count <= 0 || images.length < (long) count * per) {
            throw new IllegalArgumentException(name + ": expected " + count + " images of " + per
                    + " bytes, found " + images.length + " bytes");
        }
    }

    /** Short label for reports and cache keys, e.g. {@code ganiqa-fmnist-v3 (sha256 08466e0f2923)}. */
    public String label() {
        return name + " (sha256 " + sha256.substring(0, 12) + ")";
    }
}
