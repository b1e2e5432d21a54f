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
     * Features of {@code count} images given as HWC values 0..255, {@code count * shape.values()} floats, where
     * {@code info().accepts(shape)}; adapting other shapes is the caller's job ({@link ImageAdapter}, whose reference
     * resize modes give values between the 8-bit levels). The result for an image does not depend on the other
     * images in the batch (up to float rounding).
     */
    Features extract(float[] images, int count, ImageShape shape);

    /** {@link #extract(float[], int, ImageShape)} of HWC uint8 values, {@code count * shape.values()} bytes. */
    default Features extract(byte[] images, int count, ImageShape shape) {
        info().checkBatch(images.length, count, shape);
        int n = count * shape.values();
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = images[i] & 0xFF;
        }
        return extract(values, count, shape);
    }

    @Override
    void close();
}
