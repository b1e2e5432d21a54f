package dev.ganiqa.metrics.features;

/** One batch of features, with the dataset indices of its images (ascending, consecutive). */
public record FeatureBatch(int[] indices, Features features) {
    public int size() {
        return indices.length;
    }
}
