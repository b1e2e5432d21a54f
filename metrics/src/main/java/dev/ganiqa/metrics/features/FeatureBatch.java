package dev.ganiqa.metrics.features;

/** One batch of features, with the set indices of its images (ascending; an undecodable image leaves a gap). */
public record FeatureBatch(int[] indices, Features features) {
    public int size() {
        return indices.length;
    }
}
