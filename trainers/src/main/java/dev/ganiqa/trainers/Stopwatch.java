package dev.ganiqa.trainers;

/** Training wall time across resumes: the earlier sessions' seconds plus this session's since it started. */
final class Stopwatch {
    private final double earlierSeconds;
    private final long startNanos = System.nanoTime();

    Stopwatch(double earlierSeconds) {
        this.earlierSeconds = earlierSeconds;
    }

    double seconds() {
        return earlierSeconds + (System.nanoTime() - startNanos) / 1e9;
    }
}
