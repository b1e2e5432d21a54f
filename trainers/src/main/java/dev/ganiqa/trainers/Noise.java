package dev.ganiqa.trainers;

import java.util.SplittableRandom;

/**
 * All randomness of training and sampling, drawn in Java from explicit seeds so that it is identical on
 * every machine and independent of TF's op scheduling. Training draws are keyed by (run seed, stream,
 * step), so a resumed run continues the same sequence from its step counters alone.
 */
final class Noise {
    static final long STREAM_CRITIC_Z = 1;
    static final long STREAM_GENERATOR_Z = 2;
    static final long STREAM_EPSILON = 3;
    /** The second latent batch of the mode-seeking term. */
    static final long STREAM_SECOND_Z = 4;
    /** Seed of the per-epoch sample grids: fixed, so every variant and every run shows the same noise. */
    static final long GRID_SEED = 0x6A11_6A11L;

    private Noise() {
    }

    static long key(long seed, long stream, long step) {
        return new SplittableRandom(seed).split().nextLong() ^ (stream * 0x9E3779B97F4A7C15L) ^ (step * 0xBF58476D1CE4E5B9L);
    }

    /** n x dim standard normal values. */
    static float[] latent(int n, int dim, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] z = new float[n * dim];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }

    static float[] uniform(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] u = new float[n];
        for (int i = 0; i < n; i++) {
            u[i] = (float) random.nextDouble();
        }
        return u;
    }

    /** One-hot rows; an unconditional graph still has a (zero) one-column label input. */
    static float[] oneHot(int[] labels, int n, int classes) {
        int width = Math.max(classes, 1);
        float[] out = new float[n * width];
        if (labels != null && classes > 0) {
            for (int i = 0; i < n; i++) {
                if (labels[i] < 0 || labels[i] >= classes) {
                    throw new IllegalArgumentException("expected a label in 0.." + (classes - 1) + ", found " + labels[i]);
                }
                out[i * width + labels[i]] = 1f;
            }
        }
        return out;
    }

    /** Grid labels: row r (of 10 images) shows class r mod classes. */
    static int[] gridLabels(int n, int classes) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = classes > 0 ? (i / 10) % classes : 0;
        }
        return labels;
    }
}
