/**
 * Feature-based metrics for the command line: what a metric argument names ({@link SetInput}: a folder, a
 * dataset spec with an optional split, an {@code .npz} statistics file or an {@code .npy} feature matrix),
 * streaming Gaussian statistics of a dataset ({@link StreamingStats}), the content checksum
 * ({@link DatasetChecksum}) and the on-disk cache of reference statistics ({@link StatsCache}), and the set
 * metrics of one generated set against a real one ({@link SetMetrics}). The metric math lives in the metrics
 * module; the commands that print these are in {@code dev.ganiqa.harness.commands}.
 */
package dev.ganiqa.harness.features;
