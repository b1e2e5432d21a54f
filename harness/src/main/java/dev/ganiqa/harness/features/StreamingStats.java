package dev.ganiqa.harness.features;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.FeatureRunner;
import dev.ganiqa.metrics.features.Features;
import dev.ganiqa.metrics.features.Progress;
import dev.ganiqa.metrics.features.RunSummary;
import dev.ganiqa.metrics.features.RunnerOptions;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.GaussianStats;
import dev.ganiqa.metrics.stats.MomentAccumulator;

/**
 * Mean and covariance of a dataset's features in one pass: each batch from the {@link FeatureRunner} is folded
 * into a {@link MomentAccumulator} and dropped, so memory is bounded by the batch (and the d x d scatter), not
 * by the number of images. Batches come in dataset order with a fixed size, so the same images through the
 * same extractor give bit-identical statistics.
 */
public final class StreamingStats {
    /** The batch size of every statistics pass; part of the cache key because it fixes the rounding. */
    public static final int BATCH = RunnerOptions.DEFAULT_BATCH;

    private StreamingStats() {
    }

    public record Result(GaussianStats stats, RunSummary summary) {
    }

    public static Result of(ImageDataset data, FeatureExtractor extractor, Progress progress) {
        if (data.size() < 2) {
            throw new IllegalArgumentException(data.description() + ": expected at least 2 images for a covariance, "
                    + "found " + data.size());
        }
        MomentAccumulator acc = new MomentAccumulator(extractor.info().featureDim());
        RunSummary summary = new FeatureRunner(RunnerOptions.withBatch(BATCH)).run(data, extractor, batch -> {
            Features f = batch.features();
            float[] src = f.features();
            double[] rows = new double[src.length];
            for (int i = 0; i < src.length; i++) {
                rows[i] = src[i];
            }
            acc.add(new FeatureMatrix(f.count(), f.dim(), rows));
        }, progress);
        return new Result(acc.stats(), summary);
    }

    /**
     * Statistics of features already in memory, folded in batches of {@link #BATCH} rows in order: the same
     * bits as a {@link #of(ImageDataset, FeatureExtractor, Progress) pass} over the images they came from.
     */
    public static GaussianStats of(FeatureMatrix features) {
        MomentAccumulator acc = new MomentAccumulator(features.cols());
        int d = features.cols();
        for (int from = 0; from < features.rows(); from += BATCH) {
            int count = Math.min(BATCH, features.rows() - from);
            double[] rows = java.util.Arrays.copyOfRange(features.data(), from * d, (from + count) * d);
            acc.add(new FeatureMatrix(count, d, rows));
        }
        return acc.stats();
    }
}
