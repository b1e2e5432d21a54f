package dev.ganiqa.metrics.image;

/**
 * Saturation and hue of 8-bit RGB pixels exactly as OpenCV's {@code cvtColor(img, COLOR_RGB2HSV)} computes them
 * for 8-bit images, which is fixed point (OpenCV 4 {@code imgproc/src/color_hsv.simd.hpp}, {@code RGB2HSV_b},
 * {@code hsv_shift} 12): with V = max(R, G, B) and d = V - min(R, G, B),
 * <ul>
 * <li>S = (d * sdiv[V] + 2^11) >> 12, sdiv[i] = round(255 * 2^12 / i) (0 for i = 0): 0..255;</li>
 * <li>H = (h' * hdiv[d] + 2^11) >> 12, plus 180 when negative, with h' = G - B when V = R, else B - R + 2d when
 * V = G, else R - G + 4d, and hdiv[i] = round(180 * 2^12 / (6 i)) (0 for i = 0): 0..179, two degrees a unit.</li>
 * </ul>
 * Rounding half to even, as OpenCV's {@code saturate_cast<int>(double)}. Checked against Debian's python3-opencv
 * 4.6.0 on all 2^24 colours (no difference in S or H).
 */
final class Hsv {
    private static final int SHIFT = 12;
    private static final int HALF = 1 << (SHIFT - 1);
    private static final int[] SDIV = new int[256];
    private static final int[] HDIV = new int[256];

    /** Pixels whose hue counts: saturation and value at least 51 of 255 (0.2), below which hue is unstable. */
    static final int COLOURED = 51;

    /** Number of hue units (0..179), two degrees each. */
    static final int HUES = 180;

    static {
        for (int i = 1; i < 256; i++) {
            SDIV[i] = (int) Math.rint((255 << SHIFT) / (1.0 * i));
            HDIV[i] = (int) Math.rint((180 << SHIFT) / (6.0 * i));
        }
    }

    private Hsv() {
    }

    static int saturation(int r, int g, int b) {
        int v = Math.max(r, Math.max(g, b));
        int d = v - Math.min(r, Math.min(g, b));
        return (d * SDIV[v] + HALF) >> SHIFT;
    }

    static int hue(int r, int g, int b) {
        int v = Math.max(r, Math.max(g, b));
        int d = v - Math.min(r, Math.min(g, b));
        int h = v == r ? g - b : v == g ? b - r + 2 * d : r - g + 4 * d;
        h = (h * HDIV[d] + HALF) >> SHIFT;
        return h < 0 ? h + HUES : h;
    }

    /** Mean saturation (0..255) over the pixels of RGB(A) samples with {@code stride} channels per pixel. */
    static double meanSaturation(byte[] samples, int pixels, int stride) {
        long sum = 0;
        for (int i = 0, p = 0; i < pixels; i++, p += stride) {
            sum += saturation(samples[p] & 0xFF, samples[p + 1] & 0xFF, samples[p + 2] & 0xFF);
        }
        return (double) sum / pixels;
    }

    /** Adds the hue of every {@link #COLOURED} pixel to {@code histogram} (180 bins). */
    static void addHues(byte[] samples, int pixels, int stride, long[] histogram) {
        for (int i = 0, p = 0; i < pixels; i++, p += stride) {
            int r = samples[p] & 0xFF;
            int g = samples[p + 1] & 0xFF;
            int b = samples[p + 2] & 0xFF;
            if (Math.max(r, Math.max(g, b)) >= COLOURED && saturation(r, g, b) >= COLOURED) {
                histogram[hue(r, g, b)]++;
            }
        }
    }
}
