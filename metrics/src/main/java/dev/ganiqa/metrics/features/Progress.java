package dev.ganiqa.metrics.features;

/** Called after every batch: images done so far, the total, and the rate since the start. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total, imagesPerSecond) -> { };

    void update(long done, long total, double imagesPerSecond);
}
