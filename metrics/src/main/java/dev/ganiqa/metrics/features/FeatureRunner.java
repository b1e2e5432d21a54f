package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Streams a dataset through an extractor: a producer thread reads and adapts images into batches while
 * the caller's thread runs the TF session on the previous batch, so decoding and the network overlap.
 * Images go in dataset order (index 0 first) and each batch is handed to the sink before the next is
 * taken, so the output is deterministic and memory holds at most {@code prefetch + 2} batches.
 */
public final class FeatureRunner {
    private final RunnerOptions options;

    public FeatureRunner(RunnerOptions options) {
        this.options = options;
    }

    /** The line to show the user, e.g. {@code adapted 32x32x3 -> 28x28x1: area resize, BT.601 luma}. */
    public static String adaptation(ImageDataset data, FeatureExtractor extractor) {
        return ImageAdapter.forExtractor(extractor.info(), data.shape()).description();
    }

    public RunSummary run(ImageDataset data, FeatureExtractor extractor, FeatureSink sink) {
        return run(data, extractor, sink, Progress.NONE);
    }

    public RunSummary run(ImageDataset data, FeatureExtractor extractor, FeatureSink sink, Progress progress) {
        ImageAdapter adapter = ImageAdapter.forExtractor(extractor.info(), data.shape());
        ImageShape fed = adapter.target();
        int n = data.size();
        int batches = (n + options.batchSize() - 1) / options.batchSize();
        BlockingQueue<Prepared> queue = new ArrayBlockingQueue<>(options.prefetch());
        long[] prepareNanos = new long[1];
        Thread producer = new Thread(() -> produce(data, adapter, batches, queue, prepareNanos),
                "ganiqa-features-prepare");
        producer.setDaemon(true);
        long start = System.nanoTime();
        long sessionNanos = 0;
        int done = 0;
        producer.start();
        try {
            for (int b = 0; b < batches; b++) {
                Prepared p = queue.take();
                if (p.failure != null) {
                    throw p.failure;
                }
                Features f = extractor.extract(p.pixels, p.indices.length, fed);
                sessionNanos += f.sessionNanos();
                sink.accept(new FeatureBatch(p.indices, f));
                done += p.indices.length;
                progress.update(done, n, done / ((System.nanoTime() - start) / 1e9));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("feature extraction interrupted", e);
        } finally {
            producer.interrupt();
            try {
                producer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RunSummary(n, batches, adapter.description(), extractor.info(), seconds, sessionNanos / 1e9,
                prepareNanos[0] / 1e9);
    }

    private void produce(ImageDataset data, ImageAdapter adapter, int batches, BlockingQueue<Prepared> queue,
            long[] prepareNanos) {
        int per = adapter.target().values();
        try {
            for (int b = 0; b < batches; b++) {
                long t0 = System.nanoTime();
                int from = b * options.batchSize();
                int count = Math.min(options.batchSize(), data.size() - from);
                int[] indices = new int[count];
                byte[] pixels = new byte[count * per];
                for (int i = 0; i < count; i++) {
                    indices[i] = from + i;
                    adapter.apply(data.image(from + i), 0, pixels, i * per);
                }
                prepareNanos[0] += System.nanoTime() - t0;
                queue.put(new Prepared(indices, pixels, null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                queue.put(new Prepared(null, null, e));
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Prepared(int[] indices, byte[] pixels, RuntimeException failure) {
    }
}
