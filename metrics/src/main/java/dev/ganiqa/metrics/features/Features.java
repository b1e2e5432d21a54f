package dev.ganiqa.metrics.features;

/**
 * Features of {@code count} images, row-major {@code [count, dim]}; {@code probabilities} is
 * {@code [count, classes]} or null when the extractor has no class head. {@code sessionNanos} is the
 * time spent inside {@code Session.run}, so callers can tell the network's cost from feeding. {@code rejection} is
 * each image's probability of the extractor's rejection class (not an image of the data), or null when it has none.
 */
public record Features(int count, int dim, float[] features, int classes, float[] probabilities, long sessionNanos,
                       float[] rejection) {
    public Features(int count, int dim, float[] features, int classes, float[] probabilities, long sessionNanos) {
        this(count, dim, features, classes, probabilities, sessionNanos, null);
    }

    public Features {
        if (rejection != null && rejection.length != count) {
            throw new IllegalArgumentException("expected " + count + " rejection probabilities, found "
                    + rejection.length);
        }
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
