package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Resize;
import dev.ganiqa.datasets.Sha256;
import java.nio.charset.StandardCharsets;
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
        String preprocessing, int featureDim, int classes, Resize resize) {
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
        this(name, version, sha256, input, anySize, preprocessing, featureDim, classes, Resize.AREA);
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
    public void checkBatch(float[] images, int count, ImageShape shape) {
        checkBatch(images.length, count, shape);
    }

    /** {@link #checkBatch(float[], int, ImageShape)} given the number of values handed over. */
    public void checkBatch(long values, int count, ImageShape shape) {
        if (!accepts(shape)) {
            throw new IllegalArgumentException(name + ": expected images of shape " + input
                    + (anySize ? " (any size)" : "") + ", found " + shape + "; adapt them first");
        }
        int per = shape.values();
        if (count <= 0 || values < (long) count * per) {
            throw new IllegalArgumentException(name + ": expected " + count + " images of " + per
                    + " values, found " + values + " values");
        }
    }

    /**
     * This extractor with its images resized by {@code mode} first: itself when that is already its mode; otherwise
     * another identity (sha256 over this one's and the mode, as an ONNX extractor's covers its preprocessing, so
     * statistics of two modes are never mixed), the mode in its version and preprocessing, and images fed at its
     * nominal input size (an extractor that resized itself, Inception, now gets images of that size).
     */
    public ExtractorInfo withResize(Resize mode) {
        Objects.requireNonNull(mode, "mode");
        if (mode == resize) {
            return this;
        }
        if (anySize && (input.height() <= 1 || input.width() <= 1)) {
            throw new ExtractorException(name + ": expected an extractor with a known input size for resize="
                    + mode.label() + ", found one that takes any size without saying which");
        }
        String identity = Sha256.hex((sha256 + ";resize=" + mode.label()).getBytes(StandardCharsets.UTF_8));
        return new ExtractorInfo(name, version + "+resize=" + mode.label(), identity, input, false,
                preprocessing + "; images resized to " + input.height() + "x" + input.width() + " by " + mode.label()
                        + " first", featureDim, classes, mode);
    }

    /** Short label for reports and cache keys, e.g. {@code ganiqa-fmnist-v3 (sha256 08466e0f2923)}. */
    public String label() {
        return name + " (sha256 " + sha256.substring(0, 12) + ")";
    }
}
