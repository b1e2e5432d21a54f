package dev.ganiqa.metrics.image;

/**
 * Bytes that concurrent measurements may hold at once. {@link #acquire} waits until the bytes fit; a request
 * larger than the whole budget runs alone (nothing else held), so one huge image is measured, not refused.
 * Records the peak held, which tests check against the budget.
 */
final class MemoryBudget {
    private final long limit;
    private long held;
    private long peak;

    MemoryBudget(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("expected a positive memory budget, found " + limit);
        }
        this.limit = limit;
    }

    synchronized void acquire(long bytes) throws InterruptedException {
        while (held > 0 && held + bytes > limit) {
            wait();
        }
        held += bytes;
        peak = Math.max(peak, held);
    }

    synchronized void release(long bytes) {
        held -= bytes;
        notifyAll();
    }

    synchronized long peak() {
        return peak;
    }
}
