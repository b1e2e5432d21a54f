package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.ImageShape;

/**
 * A network that maps images to feature vectors (for FID, KID, precision/recall, density/coverage) and,
 * optionally, to class probabilities (for the Inception Score). Holds native TensorFlow resources:
 * close it. Not thread-safe: one caller at a time (the {@link FeatureRunner} feeds it from one thread).
 */
public interface FeatureExtractor extends AutoCloseable {
    ExtractorInfo info();

    /**
     * Features of {@code count} images given as HWC uint8 values, {@code count * shape.values()} bytes,
     * where {@code info().accepts(shape)}; adapting other shapes is the caller's job ({@link ImageAdapter}).
     * The result for an image does not depend on the other images in the batch (up to float rounding).
     */
    Features extract(byte[] images, int count, ImageShape shape);

    @Override
    void close();
}
