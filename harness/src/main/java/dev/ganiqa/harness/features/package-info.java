/**
 * The command-line side of feature metrics: what a metric argument names ({@link dev.ganiqa.metrics.api.SetSpec}: a folder, a dataset
 * spec with an optional split, an {@code .npz} statistics file or an {@code .npy} feature matrix), how a command
 * opens images ({@link DatasetOpener}) and reads feature files ({@link FeatureFiles}), and one command's
 * extractor, progress bars, notices and statistics cache ({@link FeatureSession}). Every number is computed by
 * the metrics module's evaluation layer ({@code dev.ganiqa.metrics.eval}); nothing here does metric math.
 */
package dev.ganiqa.harness.features;
