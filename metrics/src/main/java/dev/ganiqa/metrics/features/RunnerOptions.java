package dev.ganiqa.metrics.features;

/**
 * How {@link FeatureRunner} streams a dataset: {@code batchSize} images per {@code Session.run}, and at most
 * {@code prefetch} prepared batches waiting, which bounds memory by the batch, not by the dataset.
 */
public record RunnerOptions(int batchSize, int prefetch) {
    public static final int DEFAULT_BATCH = 100;

    public RunnerOptions {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("expected a positive batch size, found " + batchSize);
        }
        if (prefetch <= 0) {
            throw new IllegalArgumentException("expected a positive prefetch depth, found " + prefetch);
        }
    }

    public static RunnerOptions defaults() {
        return new RunnerOptions(DEFAULT_BATCH, 2);
    }

    public static RunnerOptions withBatch(int batchSize) {
        return new RunnerOptions(batchSize, 2);
    }
}
