package dev.ganiqa.datasets;

/**
 * A batch of images as floats in [-1, 1], NHWC row-major, with their dataset indices and labels
 * ({@code labels} is null for unlabelled datasets).
 */
public record Batch(int[] indices, float[] pixels, int[] labels, ImageShape shape) {
    public int size() {
        return indices.length;
    }
}
