package dev.ganiqa.datasets;

/**
 * One rule for deriving the seed of a stream (an epoch's data order, a class's samples, the final sample set) from
 * a run's seed, so every module draws the same numbers for the same (seed, stream): {@code seed * 1_000_003 +
 * stream}. The multiplier is a prime larger than any stream index used (epochs, classes, the sample streams below
 * a million), so distinct pairs give distinct seeds; the generators that consume them (SplittableRandom, TF's
 * stateless ops) mix the bits themselves.
 */
public final class Seeds {
    static final long STRIDE = 1_000_003L;

    private Seeds() {
    }

    /** The seed of {@code stream} under {@code seed}. */
    public static long derive(long seed, long stream) {
        return seed * STRIDE + stream;
    }
}
