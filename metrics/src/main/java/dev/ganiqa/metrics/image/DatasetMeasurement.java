package dev.ganiqa.metrics.image;

import dev.ganiqa.datasets.DecodedImage;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageDecoder;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.datasets.SkippedFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Measures every image of an {@link ImageSet}, each at its own size and channels as {@link ImageSet#read}
 * decodes it, streamed: {@code threads} workers (one {@link ImageMeasurer} each) take the next entry, decode it,
 * then wait until its {@link ImageMeasurer#workingBytes} fit the memory budget before measuring. Memory thus
 * stays within the budget plus at most {@code threads} decoded images waiting for it, however many files the
 * set has. An image that cannot be decoded (or measured) is a {@link SkippedFile} with its reason and the run
 * goes on; files the set refused before decoding are carried over from {@link ImageSet#skipped()}. Results are
 * in set order whatever the thread count.
 */
public final class DatasetMeasurement {
    /**
     * Per-image results in set order ({@code null} where the image was skipped), the skipped files sorted by
     * path, and the most bytes measurements held at once ({@link ImageMeasurer#workingBytes} summed).
     */
    public record Result(ImageSet set, List<ImageMeasures> images, List<SkippedFile> skipped, long peakWorkingBytes) {
        /** The values of {@code m} over the measured images that have one, in set order. */
        public double[] values(Measure m) {
            return images.stream().filter(java.util.Objects::nonNull).map(i -> i.get(m))
                    .filter(MeasureValue::isPresent).mapToDouble(MeasureValue::value).toArray();
        }

        /** Per-measure summaries over the images that have a value. */
        public Map<Measure, MeasureSummary> summaries() {
            Map<Measure, MeasureSummary> out = new EnumMap<>(Measure.class);
            for (Measure m : Measure.values()) {
                double[] values = values(m);
                long measured = images.stream().filter(java.util.Objects::nonNull).count();
                out.put(m, MeasureSummary.of(values, (int) (measured - values.length)));
            }
            return out;
        }
    }

    private DatasetMeasurement() {
    }

    /**
     * The default budget: a quarter of the JVM's maximum heap, between 64 MiB and 1 GiB (beyond which more images
     * in flight than threads gain nothing). A 12-megapixel RGB photo needs about 150 MB.
     */
    public static long defaultBudget() {
        return Math.max(64L << 20, Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4));
    }

    /** An in-memory dataset's images (all of its shape), measured as {@link #run(ImageSet, int, long, IntConsumer)}. */
    public static Result run(ImageDataset dataset, int threads, IntConsumer progress) throws InterruptedException {
        return run(ImageSet.of(dataset), threads, defaultBudget(), progress);
    }

    /** {@link #run(ImageSet, int, long, IntConsumer)} with the {@link #defaultBudget()}. */
    public static Result run(ImageSet set, int threads, IntConsumer progress) throws InterruptedException {
        return run(set, threads, defaultBudget(), progress);
    }

    /** {@code progress} receives the number of images done so far (from any thread). */
    public static Result run(ImageSet set, int threads, long budgetBytes, IntConsumer progress)
            throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("expected at least 1 thread, found " + threads);
        }
        int n = set.size();
        MemoryBudget budget = new MemoryBudget(budgetBytes);
        ImageMeasures[] results = new ImageMeasures[n];
        String[] failures = new String[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int workers = Math.max(1, Math.min(threads, n));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "image-measures");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < workers; t++) {
                futures.add(pool.submit(() -> {
                    ImageMeasurer measurer = new ImageMeasurer();
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        measureOne(set, i, measurer, budget, results, failures);
                        progress.accept(done.incrementAndGet());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException("image measurement failed: " + cause.getMessage(), cause);
        } finally {
            pool.shutdownNow();
        }
        List<SkippedFile> skipped = new ArrayList<>(set.skipped());
        for (int i = 0; i < n; i++) {
            if (failures[i] != null) {
                skipped.add(new SkippedFile(set.name(i), failures[i]));
            }
        }
        skipped.sort(Comparator.comparing(SkippedFile::path));
        return new Result(set, java.util.Arrays.asList(results), List.copyOf(skipped), budget.peak());
    }

    private static void measureOne(ImageSet set, int i, ImageMeasurer measurer, MemoryBudget budget,
                                   ImageMeasures[] results, String[] failures) throws InterruptedException {
        DecodedImage image;
        try {
            image = set.read(i);
        } catch (ImageDecoder.Refused e) {
            failures[i] = e.getMessage();
            return;
        } catch (RuntimeException e) {
            failures[i] = message(e);
            return;
        }
        long cost = ImageMeasurer.workingBytes(image.height(), image.width(), image.channels());
        budget.acquire(cost);
        try {
            results[i] = measurer.measure(image);
        } catch (RuntimeException e) {
            failures[i] = message(e);
        } finally {
            budget.release(cost);
        }
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
