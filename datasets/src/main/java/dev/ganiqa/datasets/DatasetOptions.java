package dev.ganiqa.datasets;

/**
 * How sources are opened. {@code maxPixels} refuses larger images before decoding (decompression
 * bombs); {@code threads} decodes image folders in parallel.
 */
public record DatasetOptions(long maxPixels, int threads, boolean installMissing) {
    public static final long DEFAULT_MAX_PIXELS = 64L * 1024 * 1024;

    public DatasetOptions {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("expected a positive pixel limit, found " + maxPixels);
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("expected a positive thread count, found " + threads);
        }
    }

    public static DatasetOptions defaults() {
        return new DatasetOptions(DEFAULT_MAX_PIXELS, Runtime.getRuntime().availableProcessors(), true);
    }
}
