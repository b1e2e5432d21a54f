package dev.ganiqa.metrics.features.train;

import java.util.random.RandomGenerator;

/**
 * Additive Gaussian noise on 8-bit pixels: every value plus N(0, sigma^2) (in 0..255 units), rounded and clipped
 * to 0..255. One routine for the extractor check's noise degradation ({@code Degradations.noise}) and for the
 * training augmentation that teaches a rejection class that a noisy garment is still a garment
 * ({@link TrainingConfig#noiseAugment()}).
 */
public final class GaussianNoise {
    private GaussianNoise() {
    }

    /** A noisy copy of {@code pixels}; {@code random} draws one Gaussian per value, in order. */
    public static byte[] add(byte[] pixels, double sigma, RandomGenerator random) {
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            double v = (pixels[i] & 0xFF) + sigma * random.nextGaussian();
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
        return out;
    }

    /**
     * The training augmentation: with probability one half, {@code pixels} with noise of a standard deviation drawn
     * uniformly from (0, maxSigma]; otherwise {@code pixels} itself. Light noise is a degradation the metrics must
     * grade (a noisy garment is a worse garment), not an input to reject; rejection images made by blending
     * something into part of a garment (DRAEM, {@link DraemNegatives}) teach the opposite unless noisy garments
     * are shown as garments (BENCHMARKS.md, "DRAEM negatives").
     */
    public static byte[] augment(byte[] pixels, double maxSigma, RandomGenerator random) {
        if (maxSigma <= 0 || !random.nextBoolean()) {
            return pixels;
        }
        return upTo(pixels, maxSigma, random);
    }

    /** {@code pixels} with noise of a standard deviation drawn uniformly from (0, maxSigma], then the noise. */
    public static byte[] upTo(byte[] pixels, double maxSigma, RandomGenerator random) {
        double sigma = maxSigma * (1 - random.nextDouble());
        return add(pixels, sigma, random);
    }
}
