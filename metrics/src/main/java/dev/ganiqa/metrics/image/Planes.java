package dev.ganiqa.metrics.image;

/**
 * The gray plane the measures read, from interleaved 8-bit samples with {@code stride} channels per pixel
 * (1 gray, 2 gray + alpha, 3 RGB, 4 RGBA; alpha is ignored, see {@link ImageMeasurer}).
 *
 * <p>Colour to gray is OpenCV's {@code cvtColor(img, COLOR_RGB2GRAY)} for 8-bit images, which is fixed point:
 * Y = (9798 R + 19235 G + 3735 B + 2^14) >> 15 (OpenCV 4 {@code imgproc/src/color_rgb.simd.hpp}, R2Y/G2Y/B2Y with
 * a 15-bit shift; the 14-bit 4899/9617/1868 of OpenCV 2-3 differs in 0.26% of colours). Checked against Debian's
 * python3-opencv 4.6.0 on all 2^24 colours. So the plane is 8-bit, as the {@code cv2.imread} +
 * {@code cvtColor} + {@code cv2.Laplacian} recipe sees it, and takes one byte per pixel (none for gray images).
 */
final class Planes {
    static final int R2Y = 9798;
    static final int G2Y = 19235;
    static final int B2Y = 3735;
    static final int SHIFT = 15;

    private Planes() {
    }

    /** The gray plane, H x W bytes; gray images without alpha return {@code samples} itself. */
    static byte[] gray(byte[] samples, int pixels, int stride) {
        if (samples.length != (long) pixels * stride) {
            throw new IllegalArgumentException("expected " + (long) pixels * stride + " samples for " + pixels
                    + " pixels of " + stride + " channels, found " + samples.length);
        }
        if (stride == 1) {
            return samples;
        }
        byte[] y = new byte[pixels];
        if (stride == 2) {
            for (int i = 0, p = 0; i < pixels; i++, p += 2) {
                y[i] = samples[p];
            }
            return y;
        }
        for (int i = 0, p = 0; i < pixels; i++, p += stride) {
            y[i] = (byte) gray(samples[p] & 0xFF, samples[p + 1] & 0xFF, samples[p + 2] & 0xFF);
        }
        return y;
    }

    /** OpenCV's 8-bit RGB2GRAY of one pixel. */
    static int gray(int r, int g, int b) {
        return (R2Y * r + G2Y * g + B2Y * b + (1 << (SHIFT - 1))) >> SHIFT;
    }

    /**
     * One BT.601 full-range chroma plane as JPEG/JFIF defines them: Cb = 128 - 0.168736 R - 0.331264 G + 0.5 B,
     * Cr = 128 + 0.5 R - 0.418688 G - 0.081312 B, as {@code ((k0 + kr R) + kg G) + kb B} in double, numpy's order.
     */
    record Chroma(double k0, double kr, double kg, double kb) {
        static final Chroma CB = new Chroma(128.0, -0.168736, -0.331264, 0.5);
        static final Chroma CR = new Chroma(128.0, 0.5, -0.418688, -0.081312);

        /** Row {@code r} of the plane into {@code out} (length w), from RGB(A) samples with {@code stride}. */
        void row(byte[] samples, int r, int w, int stride, double[] out) {
            for (int c = 0, p = r * w * stride; c < w; c++, p += stride) {
                out[c] = k0 + kr * (samples[p] & 0xFF) + kg * (samples[p + 1] & 0xFF) + kb * (samples[p + 2] & 0xFF);
            }
        }
    }
}
