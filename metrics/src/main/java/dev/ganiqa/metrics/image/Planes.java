package dev.ganiqa.metrics.image;

import dev.ganiqa.datasets.ImageShape;

/**
 * Colour planes in double on the 0..255 scale, row-major H x W. The products are evaluated left to right
 * exactly as numpy evaluates {@code 0.299 * R + 0.587 * G + 0.114 * B}, so references agree to the last bit.
 */
final class Planes {
    private Planes() {
    }

    /** ITU-R BT.601 luma Y = 0.299 R + 0.587 G + 0.114 B; gray images as they are. */
    static double[] luma(byte[] hwc, ImageShape shape) {
        checkLength(hwc, shape);
        int n = shape.pixels();
        double[] y = new double[n];
        if (shape.channels() == 1) {
            for (int i = 0; i < n; i++) {
                y[i] = hwc[i] & 0xFF;
            }
            return y;
        }
        for (int i = 0, p = 0; i < n; i++, p += 3) {
            double r = hwc[p] & 0xFF;
            double g = hwc[p + 1] & 0xFF;
            double b = hwc[p + 2] & 0xFF;
            y[i] = 0.299 * r + 0.587 * g + 0.114 * b;
        }
        return y;
    }

    /**
     * BT.601 full-range chroma as JPEG/JFIF defines it: Cb = 128 - 0.168736 R - 0.331264 G + 0.5 B and
     * Cr = 128 + 0.5 R - 0.418688 G - 0.081312 B. Returns {Cb, Cr}; RGB only.
     */
    static double[][] chroma(byte[] hwc, ImageShape shape) {
        checkLength(hwc, shape);
        int n = shape.pixels();
        double[] cb = new double[n];
        double[] cr = new double[n];
        for (int i = 0, p = 0; i < n; i++, p += 3) {
            double r = hwc[p] & 0xFF;
            double g = hwc[p + 1] & 0xFF;
            double b = hwc[p + 2] & 0xFF;
            cb[i] = 128.0 - 0.168736 * r - 0.331264 * g + 0.5 * b;
            cr[i] = 128.0 + 0.5 * r - 0.418688 * g - 0.081312 * b;
        }
        return new double[][] {cb, cr};
    }

    private static void checkLength(byte[] hwc, ImageShape shape) {
        if (hwc.length != shape.values()) {
            throw new IllegalArgumentException("expected " + shape.values() + " bytes for a " + shape
                    + " image, found " + hwc.length);
        }
    }
}
