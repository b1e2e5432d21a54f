package dev.ganiqa.metrics.features.train;

import java.nio.file.Path;

/**
 * What a training run produced: the frozen graph and SavedModel paths, the frozen graph's sha256,
 * and the test accuracy measured by running that frozen graph over the whole test split. With the rotation head,
 * {@code rotationThresholds} are the calibrated thresholds of {@link RotationPretext}, one per class, over
 * {@code calibrationImages} images held out of training (empty and 0 without it).
 */
public record TrainingResult(String name, Path frozenGraph, Path savedModel, String sha256, double testAccuracy,
        int testImages, int trainImages, int classes, int featureDim, TrainingConfig config, String data,
        double seconds, float[] rotationThresholds, int calibrationImages) {
}
