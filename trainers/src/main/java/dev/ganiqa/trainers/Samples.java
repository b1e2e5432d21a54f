package dev.ganiqa.trainers;

import dev.ganiqa.datasets.ImageShape;

/**
 * Generated images as HWC uint8 values, image after image, quantised exactly as written to 8-bit PNG:
 * round((x + 1) * 127.5) clamped to 0..255 for a generator output x in [-1, 1].
 *
 * @param labels the class of each image, or null for unconditional generators
 */
public record Samples(int count, ImageShape shape, byte[] pixels, int[] labels) {
    public Samples {
        if (pixels.length != (long) count * shape.values()) {
            throw new IllegalArgumentException("expected " + (long) count * shape.values() + " values for " + count
                    + " images of " + shape + ", found " + pixels.length);
        }
    }

    /** Image i as HWC uint8 (a copy). */
    public byte[] image(int i) {
        byte[] out = new byte[shape.values()];
        System.arraycopy(pixels, i * shape.values(), out, 0, out.length);
        return out;
    }

    static byte quantise(float x) {
        long v = Math.round((x + 1.0) * 127.5);
        return (byte) Math.max(0, Math.min(255, v));
    }

    static Samples quantise(float[] images, int n, ImageShape shape, int[] labels) {
        byte[] out = new byte[images.length];
        for (int i = 0; i < images.length; i++) {
            out[i] = quantise(images[i]);
        }
        return new Samples(n, shape, out, labels);
    }
}
