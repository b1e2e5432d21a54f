package dev.ganiqa.metrics.image;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.SkippedFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Measures every image of an {@link ImageDataset} on {@code threads} threads (one {@link ImageMeasurer} each).
 * An image that fails to load is recorded as skipped with its reason and the run goes on; files the dataset
 * itself refused are carried over from {@link ImageDataset#skipped()}.
 */
public final class DatasetMeasurement {
    /** Per-image results in dataset order ({@code null} where the image was skipped) and the skipped files. */
    public record Result(ImageDataset dataset, List<ImageMeasures> images, List<SkippedFile> skipped) {
        /** Per-measure summaries over the images that have a value. */
        public Map<Measure, MeasureSummary> summaries() {
            Map<Measure, MeasureSummary> out = new EnumMap<>(Measure.class);
            for (Measure m : Measure.values()) {
                double[] values = images.stream().filter(java.util.Objects::nonNull).map(i -> i.get(m))
                        .filter(MeasureValue::isPresent).mapToDouble(MeasureValue::value).toArray();
                long measured = images.stream().filter(java.util.Objects::nonNull).count();
                out.put(m, MeasureSummary.of(values, (int) (measured - values.length)));
            }
            return out;
        }
    }

    private DatasetMeasurement() {
    }

    /** {@code progress} receives the number of images done so far (from any thread). */
    public static Result run(ImageDataset dataset, int threads, IntConsumer progress) throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("expected at least 1 thread, found " + threads);
        }
        int n = dataset.size();
        ImageMeasures[] results = new ImageMeasures[n];
        String[] failures = new String[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "image-measures");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    ImageMeasurer measurer = new ImageMeasurer();
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        try {
                            results[i] = measurer.measure(dataset.image(i), dataset.shape());
                        } catch (RuntimeException e) {
                            failures[i] = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                        }
                        progress.accept(done.incrementAndGet());
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("image measurement failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<SkippedFile> skipped = new ArrayList<>(dataset.skipped());
        for (int i = 0; i < n; i++) {
            if (failures[i] != null) {
                skipped.add(new SkippedFile(dataset.name(i), failures[i]));
            }
        }
        return new Result(dataset, java.util.Arrays.asList(results), List.copyOf(skipped));
    }
}
