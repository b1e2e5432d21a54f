package dev.ganiqa.metrics.features.train;

import dev.ganiqa.datasets.ImageDataset;
import java.util.SplittableRandom;

/**
 * Negatives made by mixing a real image with an outlier over the whole frame: {@code (1 - lambda) I + lambda A}, I a
 * training garment, A a gray emoji of this project's colour dataset inverted onto the data's dark background (the
 * DRAEM recipes' object source, {@link DraemNegatives#source}), lambda uniform in {@value #MIN_LAMBDA}..{@value
 * #MAX_LAMBDA} so both stay visible. Mixture outlier exposure (Zhang, Inkawhich, Linderman, Chen and Li, "Mixture
 * Outlier Exposure: Towards Out-of-Distribution Detection in Fine-grained Environments", WACV 2023, section 3) mixes
 * in-distribution images with outliers and trains on the mixtures as partly outliers; here a mixture is a rejection
 * image. DRAEM's blends are local (inside a mask) and the self-blends add a garment's own moved copy: neither is a
 * superposition of the whole frame with another object.
 *
 * <p>No two garments are mixed (that is the held-out double exposure of the out-of-distribution check), no garment
 * with a copy of itself over the whole frame (the held-out ghost), and no texture over the whole frame (a garment
 * under full-frame noise is a degraded garment, which the check expects to be counted in). Whether mixtures with
 * another dataset's objects generalise to those is what the check measures.
 *
 * <p>Image {@code i} is a function of the real images, the emoji and {@code (seed, i)} alone.
 */
final class MixedNegatives {
    static final double MIN_LAMBDA = 0.35;
    static final double MAX_LAMBDA = 0.65;

    private MixedNegatives() {
    }

    /** What image {@code i} mixes: a garment of the data, an emoji of {@link DraemNegatives#source} and the emoji's weight. */
    record Draw(int garment, int emoji, double lambda) {
    }

    static Draw draw(ImageDataset real, long seed, int index) {
        SplittableRandom random = new SplittableRandom(seed * 0xE7037ED1A0B428DBL + 0x8EBC6AF09C88C6E3L * (index + 1L));
        int garment = random.nextInt(real.size());
        int emoji = random.nextInt(DraemNegatives.source(real.shape()).size());
        return new Draw(garment, emoji, random.nextDouble(MIN_LAMBDA, MAX_LAMBDA));
    }

    static byte[] image(ImageDataset real, long seed, int index) {
        Draw d = draw(real, seed, index);
        return mixed(real.image(d.garment()), DraemNegatives.source(real.shape()).image(d.emoji()), d.lambda());
    }

    /** {@code round((1 - lambda) a + lambda b)} per value. */
    static byte[] mixed(byte[] a, byte[] b, double lambda) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("expected two images of one size, found " + a.length + " and " + b.length + " values");
        }
        byte[] out = new byte[a.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = (byte) Math.round((1 - lambda) * (a[p] & 0xFF) + lambda * (b[p] & 0xFF));
        }
        return out;
    }
}
