package dev.ganiqa.metrics.features.train;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import java.util.SplittableRandom;

/**
 * Negatives made from the data's own images by a random high-pass filter: a real image convolved with a random kernel
 * of 3x3 or 5x5 Gaussian weights whose mean is subtracted (so a flat region answers 0 and only structure remains),
 * rectified (its absolute value, or its positive part, by draw) and scaled so its largest value becomes a random peak
 * of {@value #MIN_PEAK}..255. Random convolutions are an augmentation in Xu, Liu, Yang, Raffel and Niethammer
 * ("Robust and Generalizable Visual Representation Learning via Random Convolutions", ICLR 2021, section 3): a random
 * filter keeps an image's shapes and changes its local texture. Here the response is a negative: a garment's outline,
 * ridges and print without its surfaces is a drawing made from a garment, not a garment, and a rejection class that has
 * seen filters of every orientation and scale need not have seen any particular one.
 *
 * <p>No named filter (Sobel, Laplacian, a difference of Gaussians, unsharp masking) is used, and none of the held-out
 * or final families of the out-of-distribution check is reachable from here; whether random filters generalise to
 * those is what the check measures. The kernel is applied per channel, the same kernel to every channel, with the
 * image's border replicated. A response whose peak is under 1 gray level (a blank image) gives the blank image back.
 *
 * <p>Image {@code i} is a function of the real images and {@code (seed, i)} alone.
 */
final class FilteredNegatives {
    static final int MIN_PEAK = 128;

    private FilteredNegatives() {
    }

    static byte[] image(ImageDataset real, long seed, int index) {
        SplittableRandom random = new SplittableRandom(seed * 0xA24BAED4963EE407L + 0x9E3779B97F4A7C15L * (index + 1L));
        byte[] garment = real.image(random.nextInt(real.size()));
        int size = random.nextBoolean() ? 3 : 5;
        double[] kernel = kernel(size, random);
        boolean absolute = random.nextBoolean();
        double peak = random.nextDouble(MIN_PEAK, 255);
        return filtered(real.shape(), garment, kernel, size, absolute, peak);
    }

    /** {@code size} x {@code size} standard normal weights minus their mean (they sum to 0). */
    static double[] kernel(int size, SplittableRandom random) {
        double[] k = new double[size * size];
        double mean = 0;
        for (int i = 0; i < k.length; i++) {
            k[i] = random.nextGaussian();
            mean += k[i] / k.length;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] -= mean;
        }
        return k;
    }

    /** The rectified response of {@code image} to {@code kernel} (correlation, border replicated), scaled to {@code peak}. */
    static byte[] filtered(ImageShape s, byte[] image, double[] kernel, int size, boolean absolute, double peak) {
        int h = s.height();
        int w = s.width();
        int c = s.channels();
        int r = size / 2;
        double[] response = new double[image.length];
        double max = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    double sum = 0;
                    for (int ky = -r; ky <= r; ky++) {
                        int yy = Math.max(0, Math.min(h - 1, y + ky));
                        for (int kx = -r; kx <= r; kx++) {
                            int xx = Math.max(0, Math.min(w - 1, x + kx));
                            sum += kernel[(ky + r) * size + kx + r] * (image[(yy * w + xx) * c + ch] & 0xFF);
                        }
                    }
                    double v = absolute ? Math.abs(sum) : Math.max(0, sum);
                    response[(y * w + x) * c + ch] = v;
                    max = Math.max(max, v);
                }
            }
        }
        if (max < 1) {
            return image.clone();
        }
        byte[] out = new byte[image.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = (byte) Math.min(255, Math.round(response[p] * peak / max));
        }
        return out;
    }
}
