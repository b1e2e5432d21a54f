package dev.ganiqa.trainers;

/**
 * One training run. Every variant of a comparison gets the same {@code budget}, {@code batchSize} and
 * {@code seed}, hence the same data in the same order.
 *
 * @param seed     drives weight initialisation, the data order of each epoch and all noise
 * @param threads  TF intra- and inter-op threads; 0 lets TF choose (one per core). Results are identical
 *                 for one seed at any fixed thread count on one machine (see package documentation)
 */
public record TrainConfig(GanVariant variant, Hyperparameters hyperparameters, Budget budget, int batchSize,
                          long seed, int threads) {
    public TrainConfig {
        if (variant == null || hyperparameters == null || budget == null) {
            throw new IllegalArgumentException("expected variant, hyperparameters and budget, found a null");
        }
        if (hyperparameters.loss() != variant.loss()) {
            throw new IllegalArgumentException("expected the " + variant.loss() + " loss for " + variant.name()
                    + ", found " + hyperparameters.loss());
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("expected a batch size >= 2, found " + batchSize);
        }
        if (hyperparameters.minibatchStd() && batchSize % Backbone.STD_GROUP != 0) {
            throw new IllegalArgumentException("expected a batch size that is a multiple of " + Backbone.STD_GROUP
                    + " with the minibatch-std feature (its groups must not mix real and fake images), found "
                    + batchSize);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("expected threads >= 0, found " + threads);
        }
    }

    /** The variant's defaults, the given budget, batch 64, TF's own thread count. */
    public static TrainConfig defaults(GanVariant variant, Budget budget, long seed) {
        return new TrainConfig(variant, variant.defaults(), budget, 64, seed, 0);
    }

    public TrainConfig withHyperparameters(Hyperparameters h) {
        return new TrainConfig(variant, h, budget, batchSize, seed, threads);
    }

    public TrainConfig withBudget(Budget b) {
        return new TrainConfig(variant, hyperparameters, b, batchSize, seed, threads);
    }

    public TrainConfig withBatchSize(int b) {
        return new TrainConfig(variant, hyperparameters, budget, b, seed, threads);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(variant, hyperparameters, budget, batchSize, s, threads);
    }

    public TrainConfig withThreads(int t) {
        return new TrainConfig(variant, hyperparameters, budget, batchSize, seed, t);
    }
}
