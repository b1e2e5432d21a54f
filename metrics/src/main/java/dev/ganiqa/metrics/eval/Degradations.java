package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.metrics.image.GaussianBlur;
import java.util.List;
import java.util.Random;

/**
 * Seeded degradations of real images, the known answers of an extractor check ({@link ExtractorCheck}): additive
 * Gaussian noise, Gaussian blur, uniform noise images, constant images, one class only, one image repeated. Each
 * returns a new in-memory dataset of the same shape (labels kept where they still mean something).
 */
public final class Degradations {
    private Degradations() {
    }

    /** Every pixel plus N(0, sigma^2) noise (in 0..255 units), rounded and clipped; seeded. */
    public static ImageDataset noise(ImageDataset data, double sigma, long seed) {
        Random random = new Random(seed);
        return map(data, "noise " + sigma, pixels -> dev.ganiqa.metrics.features.train.GaussianNoise.add(pixels, sigma,
                random));
    }

    /** {@link GaussianBlur} with standard deviation {@code sigma} pixels, rounded back to 8 bits. */
    public static ImageDataset blur(ImageDataset data, double sigma) {
        ImageShape s = data.shape();
        return map(data, "blur " + sigma, pixels -> {
            double[] v = new double[pixels.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = pixels[i] & 0xFF;
            }
            double[] blurred = GaussianBlur.apply(v, s.height(), s.width(), s.channels(), sigma);
            byte[] out = new byte[pixels.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = clip(blurred[i]);
            }
            return out;
        });
    }

    /** Images of independent uniform noise 0..255 in every sample, as many as {@code data} has; seeded. */
    public static ImageDataset uniformNoise(ImageDataset data, long seed) {
        Random random = new Random(seed);
        return map(data, "uniform noise", pixels -> {
            byte[] out = new byte[pixels.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) random.nextInt(256);
            }
            return out;
        });
    }

    /** Every image replaced by one flat gray level {@code value}. */
    public static ImageDataset constant(ImageDataset data, int value) {
        return map(data, "constant " + value, pixels -> {
            byte[] out = new byte[pixels.length];
            java.util.Arrays.fill(out, clip(value));
            return out;
        });
    }

    /** The first image of {@code data}, repeated {@code data.size()} times. */
    public static ImageDataset oneImage(ImageDataset data) {
        byte[] first = data.image(0);
        return map(data, "one image repeated", pixels -> first.clone());
    }

    /** Only the images of class {@code label}; the dataset must be labelled. */
    public static ImageDataset oneClass(ImageDataset data, int label) {
        if (!data.hasLabels()) {
            throw new IllegalArgumentException(data.description() + ": expected labels to keep one class, found none");
        }
        int per = data.shape().values();
        int[] rows = java.util.stream.IntStream.range(0, data.size()).filter(i -> data.label(i) == label).toArray();
        byte[] all = new byte[rows.length * per];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(data.image(rows[i]), 0, all, i * per, per);
            labels[i] = label;
        }
        return new ArrayDataset(data.description() + " + class " + data.classNames().get(label) + " only",
                data.shape(), all, labels, data.classNames(), null, List.of());
    }

    private interface ImageOp {
        byte[] apply(byte[] pixels);
    }

    private static ImageDataset map(ImageDataset data, String what, ImageOp op) {
        int per = data.shape().values();
        byte[] all = new byte[data.size() * per];
        int[] labels = data.hasLabels() ? new int[data.size()] : null;
        for (int i = 0; i < data.size(); i++) {
            System.arraycopy(op.apply(data.image(i)), 0, all, i * per, per);
            if (labels != null) {
                labels[i] = data.label(i);
            }
        }
        return new ArrayDataset(data.description() + " + " + what, data.shape(), all, labels, data.classNames(), null,
                List.of());
    }

    private static byte clip(double v) {
        return (byte) Math.max(0, Math.min(255, Math.round(v)));
    }
}
