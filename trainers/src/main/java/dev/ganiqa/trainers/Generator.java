package dev.ganiqa.trainers;

import dev.ganiqa.datasets.ImageShape;

/**
 * A trained (or training) generator. {@link #sample} draws z ~ N(0, I) from {@code seed} in Java, so the same
 * seed gives the same images from the live session, a checkpoint or the exported SavedModel. Batch norm uses
 * its moving statistics, so an image does not depend on the others in its call.
 */
public interface Generator extends AutoCloseable {
    ImageShape shape();

    /** Number of classes for conditional generators, 0 otherwise. */
    int classes();

    int latentDim();

    /**
     * n images; {@code labels} (length n, each in 0..classes-1) is required for conditional generators and
     * must be null for unconditional ones.
     */
    Samples sample(int n, int[] labels, long seed);

    /** Raw generator outputs in [-1, 1] for the given z (n x latentDim) and labels: for tests and export checks. */
    float[] generate(float[] z, int n, int[] labels);

    @Override
    void close();
}
