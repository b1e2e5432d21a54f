package dev.ganiqa.metrics.features.train;

/**
 * How a feature classifier is trained: Adam (Kingma and Ba 2015) on softmax cross-entropy, a fixed number
 * of epochs, shuffled per epoch from {@code seed}; {@code threads} is TF's intra-op pool size. {@code reject}
 * synthetic non-object images are added as one extra class when positive (0: none), made by the recipe
 * {@code negatives} ({@link Negatives}). {@code rotation} adds the rotation-prediction head and its out-of-distribution
 * score ({@link RotationPretext}) with one threshold or one per class ({@link RotationHead}); it needs square images.
 * {@code noiseAugment}, when positive, is the largest standard deviation (0..255 units) of the Gaussian noise put on
 * half of the real training images ({@link GaussianNoise#augment}); 0: none. {@code noiseStability}, when positive,
 * is the largest standard deviation of the noisy copies whose features {@link StabilityTerm} keeps at the clean
 * images' (the classifier itself sees clean images); 0: none. {@code calibrationSeed} chooses which training images
 * a rotation-head classifier holds out for calibration ({@link ClassifierTrainer#calibrationSplit}); it is
 * {@code seed} unless an ensemble's members, trained with different seeds, must all hold out the same images, so that
 * a gate made of them can be calibrated on images none of them trained on ({@code ganiqa extractor union}).
 */
public record TrainingConfig(int epochs, int batchSize, float learningRate, long seed, int threads, int reject,
                             Negatives negatives, RotationHead rotation, double noiseAugment, double noiseStability,
                             long calibrationSeed) {
    /** Calibration images chosen by {@code seed}, as every shipped extractor was trained. */
    public TrainingConfig(int epochs, int batchSize, float learningRate, long seed, int threads, int reject,
            Negatives negatives, RotationHead rotation, double noiseAugment, double noiseStability) {
        this(epochs, batchSize, learningRate, seed, threads, reject, negatives, rotation, noiseAugment, noiseStability,
                seed);
    }

    public TrainingConfig(int epochs, int batchSize, float learningRate, long seed, int threads, int reject,
            Negatives negatives, RotationHead rotation) {
        this(epochs, batchSize, learningRate, seed, threads, reject, negatives, rotation, 0, 0);
    }

    /** Without a rejection class. */
    public TrainingConfig(int epochs, int batchSize, float learningRate, long seed, int threads) {
        this(epochs, batchSize, learningRate, seed, threads, 0, Negatives.FULL_FRAME, RotationHead.NONE);
    }

    public TrainingConfig(int epochs, int batchSize, float learningRate, long seed, int threads, int reject) {
        this(epochs, batchSize, learningRate, seed, threads, reject, Negatives.FULL_FRAME, RotationHead.NONE);
    }

    public TrainingConfig(int epochs, int batchSize, float learningRate, long seed, int threads, int reject,
            Negatives negatives) {
        this(epochs, batchSize, learningRate, seed, threads, reject, negatives, RotationHead.NONE);
    }

    public TrainingConfig {
        java.util.Objects.requireNonNull(negatives, "negatives");
        java.util.Objects.requireNonNull(rotation, "rotation");
        if (!(noiseAugment >= 0 && noiseAugment <= 255)) {
            throw new IllegalArgumentException("expected a noise augmentation sigma in 0..255, found " + noiseAugment);
        }
        if (!(noiseStability >= 0 && noiseStability <= 255)) {
            throw new IllegalArgumentException("expected a noise stability sigma in 0..255, found " + noiseStability);
        }
        if (reject < 0) {
            throw new IllegalArgumentException("expected a non-negative number of rejection images, found " + reject);
        }
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

    /** The settings that produced the shipped {@code ganiqa-fmnist-v1} (no rejection class). */
    public static TrainingConfig defaults() {
        return new TrainingConfig(15, 100, 1e-3f, 1L, Runtime.getRuntime().availableProcessors());
    }
}
