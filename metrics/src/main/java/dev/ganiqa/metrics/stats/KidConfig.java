package dev.ganiqa.metrics.stats;

/**
 * KID settings; {@link #defaults()} are torch-fidelity's (defaults.py: kid_subsets 100, kid_subset_size 1000,
 * kernel degree 3, gamma 1/d, coef0 1; rng_seed 2020). Subsets are drawn without replacement from
 * {@code seed} (java.util.SplittableRandom, so not numpy's draws: the mean and spread agree, single subsets
 * do not).
 */
public record KidConfig(int subsets, int subsetSize, long seed) {
    public KidConfig {
        if (subsets < 1) {
            throw new IllegalArgumentException("expected at least 1 KID subset, found " + subsets);
        }
        if (subsetSize < 2) {
            throw new IllegalArgumentException("expected a KID subset size of at least 2, found " + subsetSize);
        }
    }

    public static KidConfig defaults() {
        return new KidConfig(100, 1000, 2020);
    }
}
