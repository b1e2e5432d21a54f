package dev.ganiqa.metrics.features.train;

/**
 * How a feature classifier is trained: Adam (Kingma and Ba 2015) on softmax cross-entropy, a fixed number
 * of epochs, shuffled per epoch from {@code seed}; {@code threads} is TF's intra-op pool size.
 */
public record TrainingConfig(int epochs, int batchSize, float learningRate, long seed, int threads) {
    public TrainingConfig {
        if (epochs <= 0) {
            throw new IllegalArgumentException("expected a positive number of epochs, found " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("expected a positive batch size, found " + batchSize);
        }
        if (!(learningRate > 0f)) {
            throw new IllegalArgumentException("expected a positive learning rate, found " + learningRate);
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("expected a positive thread count, found " + threads);
        }
    }

    /** The settings that produced the shipped {@code ganiqa-fmnist-v1}. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(15, 100, 1e-3f, 1L, Runtime.getRuntime().availableProcessors());
    }
}
