package dev.ganiqa.metrics.image;

/**
 * Separable Gaussian blur with standard deviation sigma pixels: a kernel exp(-k^2 / (2 sigma^2)) normalised to sum 1,
 * radius ceil(3 sigma), edges clamped (replicated), rows first, then columns. Used to degrade real images for the
 * extractor check and to make smooth noise among the rejection images; one implementation, so both are the same blur.
 */
public final class GaussianBlur {
    private GaussianBlur() {
    }

    /** The blurred copy of {@code v}, an h x w x c interleaved plane. */
    public static double[] apply(double[] v, int h, int w, int c, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("expected a blur sigma > 0, found " + sigma);
        }
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-k * k / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        double[] rows = new double[v.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    double s = 0;
                    for (int k = -radius; k <= radius; k++) {
                        s += kernel[k + radius] * v[(y * w + clamp(x + k, w)) * c + ch];
                    }
                    rows[(y * w + x) * c + ch] = s;
                }
            }
        }
        double[] out = new double[v.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    double s = 0;
                    for (int k = -radius; k <= radius; k++) {
                        s += kernel[k + radius] * rows[(clamp(y + k, h) * w + x) * c + ch];
                    }
                    out[(y * w + x) * c + ch] = s;
                }
            }
        }
        return out;
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }
}
