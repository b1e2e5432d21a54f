package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.DecodedImage;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageDecoder;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Preprocessing;
import dev.ganiqa.datasets.SkippedFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Streams an {@link ImageSet} through an extractor: a producer thread reads each image at its own size, adapts
 * it to the extractor's input ({@link Preprocessing}, the datasets module's one policy) and packs batches, while
 * the caller's thread runs the TF session on the previous batch, so decoding and the network overlap. Memory
 * holds one decoded image and at most {@code prefetch + 2} adapted batches, whatever the number or size of the
 * files (a batch of large images holds fewer of them: no more than one run's worth,
 * {@link ModelBounds#MAX_RUN_VALUES}). Images go in set order; an image that cannot be decoded is left out and
 * reported in {@link RunSummary#skipped()}, never silently dropped. Features that are not finite stop the run with
 * a one-line error naming the extractor, the image and the set ({@link FiniteFeatures}).
 *
 * <p>Extractors of a fixed input size get every image adapted to it. Extractors that resize themselves
 * (Inception: {@link ExtractorInfo#anySize()}) get only their channels adapted, so one batch holds images of
 * one size: a batch ends early where the size changes.
 */
public final class FeatureRunner {
    /** How images are adapted, in one line (the policy of {@link Preprocessing}). */
    static final String POLICY = "BT.601 luma or gray tiled to RGB, one scale to cover (area when shrinking, "
            + "bilinear when enlarging), centre crop";

    /**
     * At most this many values in one prepared batch (512 MiB of float32): batches wait as floats (the reference
     * resize modes give values between the 8-bit levels), four times the bytes they once were, and up to
     * {@code prefetch + 2} of them are held; a folder of 12 MP photos fed at their own size (Inception) then holds
     * about 10 photos a batch rather than 44.
     */
    static final long QUEUED_VALUES = 1L << 27;

    private final RunnerOptions options;

    public FeatureRunner(RunnerOptions options) {
        this.options = options;
    }

    /** The line for a set whose images all have {@code shape}, e.g. {@code adapted 32x32x3 -> 28x28x1: area resize}. */
    public static String adaptation(ImageShape shape, ExtractorInfo extractor) {
        return ImageAdapter.forExtractor(extractor, shape).description();
    }

    /** {@link #adaptation(ImageShape, ExtractorInfo)} of a dataset (all its images have one shape). */
    public static String adaptation(ImageDataset data, FeatureExtractor extractor) {
        return adaptation(data.shape(), extractor.info());
    }

    public RunSummary run(ImageDataset data, FeatureExtractor extractor, FeatureSink sink) {
        return run(ImageSet.of(data), extractor, sink, Progress.NONE);
    }

    public RunSummary run(ImageDataset data, FeatureExtractor extractor, FeatureSink sink, Progress progress) {
        return run(ImageSet.of(data), extractor, sink, progress);
    }

    public RunSummary run(ImageSet data, FeatureExtractor extractor, FeatureSink sink, Progress progress) {
        BlockingQueue<Prepared> queue = new ArrayBlockingQueue<>(options.prefetch());
        Producer producer = new Producer(data, extractor.info(), queue);
        Thread thread = new Thread(producer, "ganiqa-features-prepare");
        thread.setDaemon(true);
        long start = System.nanoTime();
        long sessionNanos = 0;
        int done = 0;
        int batches = 0;
        int n = data.size();
        thread.start();
        try {
            while (true) {
                Prepared p = queue.take();
                if (p.failure != null) {
                    throw p.failure;
                }
                if (p.indices == null) {
                    break;
                }
                Features f = extractor.extract(p.pixels, p.indices.length, p.shape);
                FiniteFeatures.require(f, p.indices, data, extractor.info());
                sessionNanos += f.sessionNanos();
                sink.accept(new FeatureBatch(p.indices, f));
                batches++;
                done = p.reached;
                progress.update(done, n, done / ((System.nanoTime() - start) / 1e9));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("feature extraction interrupted", e);
        } finally {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<SkippedFile> skipped = new ArrayList<>(data.skipped());
        skipped.addAll(producer.refused);
        return new RunSummary(n - producer.refused.size(), batches, producer.describe(extractor.info()),
                extractor.info(), seconds, sessionNanos / 1e9, producer.prepareNanos / 1e9, List.copyOf(skipped));
    }

    /** Reads, adapts and packs images into batches; the end of the set is a batch with null indices. */
    private final class Producer implements Runnable {
        private final ImageSet data;
        private final ExtractorInfo info;
        private final BlockingQueue<Prepared> queue;
        /** The one adapter of each source shape met, built on first sight, in that order. */
        private final Map<ImageShape, ImageAdapter> adapters = new LinkedHashMap<>();
        final List<SkippedFile> refused = new ArrayList<>();
        long prepareNanos;

        Producer(ImageSet data, ExtractorInfo info, BlockingQueue<Prepared> queue) {
            this.data = data;
            this.info = info;
            this.queue = queue;
        }

        @Override
        public void run() {
            try {
                int batch = options.batchSize();
                ImageShape shape = null;
                int[] indices = new int[batch];
                float[] pixels = null;
                int count = 0;
                int capacity = 0;
                for (int i = 0; i < data.size(); i++) {
                    long t0 = System.nanoTime();
                    DecodedImage image;
                    try {
                        image = data.read(i);
                    } catch (ImageDecoder.Refused e) {
                        refused.add(new SkippedFile(data.name(i), e.getMessage()));
                        continue;
                    }
                    ImageShape source = new ImageShape(image.height(), image.width(), image.isGray() ? 1 : 3);
                    ImageAdapter adapter = adapters.computeIfAbsent(source, s -> ImageAdapter.forExtractor(info, s));
                    ImageShape target = adapter.target();
                    if (count > 0 && !target.equals(shape)) {
                        prepareNanos += System.nanoTime() - t0;
                        queue.put(new Prepared(java.util.Arrays.copyOf(indices, count),
                                java.util.Arrays.copyOf(pixels, count * shape.values()), shape, i, null));
                        count = 0;
                    }
                    if (count == 0) {
                        shape = target;
                        // Large inputs (a model's 8192x8192) run in smaller batches: one batch's floats must fit
                        // the buffers of one run, and batch x values must not overflow the int it is sized with.
                        capacity = Math.min(ModelBounds.imagesPerRun(batch, target.values()),
                                (int) Math.max(1, QUEUED_VALUES / target.values()));
                        pixels = new float[capacity * target.values()];
                    }
                    float[] adapted = adapter.apply(image);
                    System.arraycopy(adapted, 0, pixels, count * target.values(), target.values());
                    indices[count++] = i;
                    prepareNanos += System.nanoTime() - t0;
                    if (count == capacity) {
                        queue.put(new Prepared(indices.clone(), pixels, shape, i + 1, null));
                        count = 0;
                    }
                }
                if (count > 0) {
                    queue.put(new Prepared(java.util.Arrays.copyOf(indices, count),
                            java.util.Arrays.copyOf(pixels, count * shape.values()), shape, data.size(), null));
                }
                queue.put(new Prepared(null, null, null, data.size(), null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                try {
                    queue.put(new Prepared(null, null, null, 0, e));
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** One line: the adaptation of the only source shape, or a summary over several. */
        String describe(ExtractorInfo extractor) {
            if (adapters.isEmpty()) {
                return "no image decoded";
            }
            if (adapters.size() == 1) {
                return adapters.values().iterator().next().description();
            }
            long adapted = adapters.values().stream().filter(a -> !a.isIdentity()).count();
            ImageShape first = adapters.keySet().iterator().next();
            String target = extractor.anySize() ? "their own size, " + extractor.input().channels() + " channel(s)"
                    : extractor.input().toString();
            return "images of " + adapters.size() + " shapes (" + first + ", ...), " + adapted + " shape(s) adapted -> "
                    + target + ": " + POLICY;
        }
    }

    /** A packed batch; {@code reached}: entries read so far (for progress); null indices end the stream. */
    private record Prepared(int[] indices, float[] pixels, ImageShape shape, int reached, RuntimeException failure) {
    }
}
