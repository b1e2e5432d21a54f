package dev.ganiqa.datasets;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/** Seeded, shuffled batch iteration over an {@link ImageDataset}. */
public final class Batches {
    private Batches() {
    }

    /** Fisher-Yates permutation of 0..n-1 from a SplittableRandom, identical on every JVM for a seed. */
    public static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    public static Iterable<Batch> over(ImageDataset dataset, int batchSize, long seed, boolean dropLast) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("expected a positive batch size, found " + batchSize);
        }
        int[] order = permutation(dataset.size(), seed);
        int count = dropLast ? dataset.size() / batchSize : (dataset.size() + batchSize - 1) / batchSize;
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int from = next++ * batchSize;
                int n = Math.min(batchSize, order.length - from);
                return gather(dataset, order, from, n);
            }
        };
    }

    /** Gathers images {@code order[from..from+n)} into one NHWC float batch. */
    public static Batch gather(ImageDataset dataset, int[] order, int from, int n) {
        ImageShape shape = dataset.shape();
        int per = shape.values();
        int[] indices = new int[n];
        float[] pixels = new float[n * per];
        int[] labels = dataset.hasLabels() ? new int[n] : null;
        for (int b = 0; b < n; b++) {
            int index = order[from + b];
            indices[b] = index;
            byte[] raw = dataset.image(index);
            int base = b * per;
            for (int i = 0; i < per; i++) {
                pixels[base + i] = (raw[i] & 0xFF) / 127.5f - 1f;
            }
            if (labels != null) {
                labels[b] = dataset.label(index);
            }
        }
        return new Batch(indices, pixels, labels, shape);
    }
}
