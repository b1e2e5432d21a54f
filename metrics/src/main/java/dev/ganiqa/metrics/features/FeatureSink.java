package dev.ganiqa.metrics.features;

/**
 * Receives features batch by batch, in dataset order, on the caller's thread; a statistics accumulator
 * folds them in and keeps nothing per image. The batch's arrays are not reused after the call returns.
 */
@FunctionalInterface
public interface FeatureSink {
    void accept(FeatureBatch batch);
}
