package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ninth final group of {@link OutOfDistribution} (written 2026-12-06 05:35 UTC, before the self-blend candidate
 * was measured; nobody looked at any extractor's result on it before): doubled garments and drawn contours, neither
 * the way the held-out double exposure, ghost, Sobel edges, outline or fine detail are made. The eighth final group
 * ({@link OodTracedFamilies}) moved to held out: v10's verdicts on it were looked at while the self-blend candidate
 * was chosen.
 * <ul>
 * <li>a garment blended at half opacity with itself upside down (rows in reverse order);</li>
 * <li>two garments of two classes blended at half opacity, the second shifted right by a quarter of the width (the
 * background filling what enters the frame);</li>
 * <li>a garment's contour drawn in white: every pixel of the garment (8 and brighter) with a background pixel, or the
 * frame, among its eight neighbours set to 255, everything else background;</li>
 * <li>a garment's Laplacian magnitude (4-neighbour kernel, the frame's edge pixels repeated), scaled so that its
 * largest value is the garment's brightest pixel.</li>
 * </ul>
 * Image {@code i} starts from real image {@code i}; everything else is a function of {@code (seed, i)}. Held out
 * since the filtered-negatives candidate ({@link OodReliefFamilies} is the final group now): v12's verdict on the
 * Laplacian was looked at while that candidate was chosen.
 */
final class OodDoubledFamilies {
    private OodDoubledFamilies() {
    }

    static double[] upsideDown(ImageShape s, byte[] pixels, SplittableRandom random) {
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        double[] v = new double[pixels.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    v[(y * w + x) * c + ch] = ((pixels[(y * w + x) * c + ch] & 0xFF)
                            + (pixels[((h - 1 - y) * w + x) * c + ch] & 0xFF)) / 2.0;
                }
            }
        }
        return v;
    }

    static ImageDataset shiftedPair(ImageDataset real, long seed) {
        ImageShape s = real.shape();
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        int shift = w / 4;
        byte[] all = new byte[real.size() * s.values()];
        for (int i = 0; i < real.size(); i++) {
            SplittableRandom random = OodCompositions.imageRandom(seed, i);
            byte[] a = real.image(i);
            byte[] b = real.image(OodMixedFamilies.partner(real, i, random));
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int ch = 0; ch < c; ch++) {
                        double v = ((a[(y * w + x) * c + ch] & 0xFF) + OodCompositions.at(s, b, x - shift, y, ch)) / 2;
                        all[i * s.values() + (y * w + x) * c + ch] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                    }
                }
            }
        }
        return new ArrayDataset("two garments blended, one shifted a quarter", s, all, null, List.of(), null, List.of());
    }

    static double[] contour(ImageShape s, byte[] pixels, SplittableRandom random) {
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        double[] v = new double[pixels.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    if (!OodCompositions.garment(pixels[(y * w + x) * c + ch])) {
                        continue;
                    }
                    v[(y * w + x) * c + ch] = OodCompositions.touchesBackground(s, pixels, x, y, ch, true) ? 255 : 0;
                }
            }
        }
        return v;
    }

    static double[] laplacian(ImageShape s, byte[] pixels, SplittableRandom random) {
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        double[] v = new double[pixels.length];
        double max = 0;
        double bright = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    double centre = pixels[(y * w + x) * c + ch] & 0xFF;
                    double sum = clamped(s, pixels, x - 1, y, ch) + clamped(s, pixels, x + 1, y, ch)
                            + clamped(s, pixels, x, y - 1, ch) + clamped(s, pixels, x, y + 1, ch) - 4 * centre;
                    double m = Math.abs(sum);
                    v[(y * w + x) * c + ch] = m;
                    max = Math.max(max, m);
                    bright = Math.max(bright, centre);
                }
            }
        }
        if (max > 0) {
            for (int p = 0; p < v.length; p++) {
                v[p] *= bright / max;
            }
        }
        return v;
    }

    /** Pixel (x, y) of channel ch, the nearest edge pixel outside the frame. */
    private static double clamped(ImageShape s, byte[] pixels, int x, int y, int ch) {
        int xx = Math.max(0, Math.min(s.width() - 1, x));
        int yy = Math.max(0, Math.min(s.height() - 1, y));
        return pixels[(yy * s.width() + xx) * s.channels() + ch] & 0xFF;
    }
}
