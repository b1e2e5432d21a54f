package dev.ganiqa.datasets;

/**
 * How sources are opened. {@code maxPixels} refuses larger images before decoding (decompression
 * bombs); {@code threads} decodes image folders in parallel; {@code installMissing} lets the
 * {@code fashion-mnist} source install its Debian package when running as root; {@code target}, when
 * not null, is the shape an image folder is brought to by {@link Preprocessing} (null: the most common
 * image size, gray when every image is gray, else RGB).
 */
public record DatasetOptions(long maxPixels, int threads, boolean installMissing, ImageShape target) {
    public static final long DEFAULT_MAX_PIXELS = 64L * 1024 * 1024;

    public DatasetOptions {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("expected a positive pixel limit, found " + maxPixels);
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("expected a positive thread count, found " + threads);
        }
    }

    public DatasetOptions(long maxPixels, int threads, boolean installMissing) {
        this(maxPixels, threads, installMissing, null);
    }

    public static DatasetOptions defaults() {
        return new DatasetOptions(DEFAULT_MAX_PIXELS, Runtime.getRuntime().availableProcessors(), true);
    }

    public DatasetOptions withThreads(int count) {
        return new DatasetOptions(maxPixels, count, installMissing, target);
    }

    public DatasetOptions withMaxPixels(long limit) {
        return new DatasetOptions(limit, threads, installMissing, target);
    }

    public DatasetOptions withInstallMissing(boolean install) {
        return new DatasetOptions(maxPixels, threads, install, target);
    }

    public DatasetOptions withTarget(ImageShape shape) {
        return new DatasetOptions(maxPixels, threads, installMissing, shape);
    }
}
