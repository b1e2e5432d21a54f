package dev.ganiqa.metrics.features;

/**
 * Features of {@code count} images, row-major {@code [count, dim]}; {@code probabilities} is
 * {@code [count, classes]} or null when the extractor has no class head. {@code sessionNanos} is the
 * time spent inside {@code Session.run}, so callers can tell the network's cost from feeding.
 */
public record Features(int count, int dim, float[] features, int classes, float[] probabilities, long sessionNanos) {
    public Features {
        if (features.length != (long) count * dim) {
            throw new IllegalArgumentException("expected " + count + "x" + dim + " features, found " + features.length);
        }
        if (probabilities != null && probabilities.length != (long) count * classes) {
            throw new IllegalArgumentException("expected " + count + "x" + classes + " probabilities, found "
                    + probabilities.length);
        }
    }

    public float feature(int image, int k) {
        return features[image * dim + k];
    }

    public boolean hasProbabilities() {
        return probabilities != null;
    }
}
