package dev.ganiqa.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An image folder as a dataset (every image in {@link Split#TRAIN}), laid out as {@link FolderLayout} says
 * (class subfolders, or one unlabelled set when images sit at the top level too). Two parallel passes over the sorted
 * files: the first learns each image's size and colour (refusing oversized images from the header, before
 * decoding), decoding small images right away while they fit a memory budget; the second brings every image
 * through {@link Preprocessing} into one pixel array, decoding what the first pass did not keep. Without a configured target the shape is the most
 * common image size (ties: the larger area, then the taller), with one channel when every image is gray.
 * Files that fail are listed as {@link SkippedFile}s; a folder with no usable image is a {@link DatasetException}.
 */
public final class ImageFolderReader {
    /** Decoded samples pass 1 may keep in memory so that small images are read only once. */
    static final long DECODE_BUDGET_BYTES = 256L << 20;

    private ImageFolderReader() {
    }

    public static DatasetSource source(Path dir, DatasetOptions options) {
        String spec = dir.toString();
        return new SplitSource(spec, Map.of(Split.TRAIN, () -> read(dir, options)));
    }

    public static ArrayDataset read(Path dir, DatasetOptions options) {
        return read(dir, options, DECODE_BUDGET_BYTES);
    }

    static ArrayDataset read(Path dir, DatasetOptions options, long decodeBudgetBytes) {
        FolderWalker.Listing listing = FolderWalker.walk(dir);
        List<FolderWalker.Entry> entries = listing.entries();
        int n = entries.size();
        ImageDecoder decoder = new ImageDecoder(options.maxPixels());
        String[] refused = new String[n];
        ImageDecoder.Header[] headers = new ImageDecoder.Header[n];
        DecodedImage[] early = new DecodedImage[n];
        // Pass 1 decodes while the decoded samples fit the budget (one file read for small-image folders),
        // then reads only headers; pass 2 decodes the rest once the target shape is known.
        AtomicLong budget = new AtomicLong(decodeBudgetBytes);
        parallel(n, options.threads(), i -> {
            Path file = entries.get(i).file();
            try {
                if (budget.get() > 0) {
                    DecodedImage image = decoder.decode(file);
                    budget.addAndGet(-image.samples().length);
                    early[i] = image;
                    headers[i] = new ImageDecoder.Header(image.width(), image.height(), image.isGray(), "");
                } else {
                    headers[i] = decoder.header(file);
                }
            } catch (ImageDecoder.Refused e) {
                refused[i] = e.getMessage();
            }
        });
        List<SkippedFile> skipped = new ArrayList<>(listing.skipped());
        ImageShape shape = options.target() != null ? options.target() : commonShape(headers);
        if (shape == null) {
            throw unusable(dir, entries, refused, skipped);
        }
        Preprocessing policy = new Preprocessing(shape);
        int per = shape.values();
        if ((long) n * per > Integer.MAX_VALUE - 8) {
            throw new DatasetException(dir + ": expected at most 2 GiB of pixels, found " + n + " images of " + shape
                    + " (set a smaller target shape)");
        }
        byte[] pixels = new byte[n * per];
        parallel(n, options.threads(), i -> {
            if (headers[i] == null) {
                return;
            }
            try {
                DecodedImage image = early[i] != null ? early[i] : decoder.decode(entries.get(i).file());
                early[i] = null;
                System.arraycopy(policy.apply(image), 0, pixels, i * per, per);
            } catch (ImageDecoder.Refused e) {
                refused[i] = e.getMessage();
            }
        });
        int kept = 0;
        List<String> names = new ArrayList<>();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            FolderWalker.Entry entry = entries.get(i);
            if (refused[i] != null) {
                skipped.add(new SkippedFile(entry.relative(), refused[i]));
                continue;
            }
            if (kept != i) {
                System.arraycopy(pixels, i * per, pixels, kept * per, per);
            }
            labels[kept] = entry.label();
            names.add(entry.relative());
            kept++;
        }
        if (kept == 0) {
            throw unusable(dir, entries, refused, skipped);
        }
        skipped.sort(Comparator.comparing(SkippedFile::path));
        byte[] packed = kept == n ? pixels : java.util.Arrays.copyOf(pixels, kept * per);
        int[] keptLabels = listing.classNames().isEmpty() ? null : java.util.Arrays.copyOf(labels, kept);
        return new ArrayDataset(describe(dir, listing.layout()), shape, packed, keptLabels, listing.classNames(), names,
                skipped);
    }

    /** The folder, with its layout when that is not the obvious one (images beside subfolders). */
    static String describe(Path dir, FolderLayout layout) {
        return layout.kind() == FolderLayout.Kind.MIXED ? dir + " (" + layout.describe() + ")" : dir.toString();
    }

    /** The most common (height, width), ties to the larger area then the taller; 1 channel when every
     * readable image is gray, else 3. Null when no header was readable. */
    static ImageShape commonShape(ImageDecoder.Header[] headers) {
        Map<Long, Integer> counts = new HashMap<>();
        boolean gray = true;
        for (ImageDecoder.Header header : headers) {
            if (header != null) {
                counts.merge(((long) header.height() << 32) | header.width(), 1, Integer::sum);
                gray &= header.gray();
            }
        }
        int channels = gray ? 1 : 3;
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<Long, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparingLong(e -> (e.getKey() >>> 32) * (e.getKey() & 0xFFFFFFFFL))
                        .thenComparingLong(e -> e.getKey() >>> 32))
                .map(e -> new ImageShape((int) (e.getKey() >>> 32), (int) (e.getKey() & 0xFFFFFFFFL), channels))
                .orElse(null);
    }

    private static DatasetException unusable(Path dir, List<FolderWalker.Entry> entries, String[] refused,
                                             List<SkippedFile> skipped) {
        for (int i = 0; i < entries.size(); i++) {
            if (refused[i] != null) {
                return new DatasetException(dir + ": no usable image; " + entries.get(i).relative() + ": " + refused[i]
                        + (entries.size() > 1 ? " (and " + (entries.size() - 1) + " more files refused)" : ""));
            }
        }
        if (!skipped.isEmpty()) {
            return new DatasetException(dir + ": no usable image; " + skipped.get(0)
                    + (skipped.size() > 1 ? " (and " + (skipped.size() - 1) + " more skipped)" : ""));
        }
        return new DatasetException(dir + ": no usable image; empty folder");
    }

    /** Runs {@code task(i)} for i in 0..n-1 on {@code threads} threads, each taking the next index. */
    static void parallel(int n, int threads, java.util.function.IntConsumer task) {
        int workers = Math.min(threads, Math.max(1, n));
        if (workers == 1) {
            for (int i = 0; i < n; i++) {
                task.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "ganiqa-decode");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        task.accept(i);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("image decoding interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new DatasetException("image decoding failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
