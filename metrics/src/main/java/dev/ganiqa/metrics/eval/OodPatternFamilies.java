package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ImageShape;
import java.util.SplittableRandom;

/**
 * The fifth final group of {@link OutOfDistribution} (written 2026-12-05 12:20 UTC, before the class-conditional
 * density candidate was built or measured; held out since v6's failures on it suggested the cut-and-paste negatives
 * candidate, and {@link OodAlteredFamilies} became the final group): regular structure that no garment photograph
 * has, on real garments and on its own. The fourth final group ({@link OodMixedFamilies}) moved to held out: every extractor failed it, and
 * that failure suggested the class-conditional candidate.
 * <ul>
 * <li>a garment in mosaic blocks: the mean of each 4x4 block (the last partial row and column of blocks too)
 * painted over the whole block, a garment at a quarter of its resolution;</li>
 * <li>a garment under a grid of black lines: every fourth row and column set to 0;</li>
 * <li>a plaid: the sum of two or three sinusoidal gratings (random orientation, a period of 3 to 12 pixels, random
 * phase) scaled to 0..255 over the whole frame;</li>
 * <li>concentric squares: nested square rings 1 to 3 pixels thick from the border to the centre, each a random gray.</li>
 * </ul>
 * Every image is a function of the real image it is made from and {@code (seed, index)}.
 */
final class OodPatternFamilies {
    /** Side of a mosaic block and spacing of the grid lines, in pixels. */
    static final int BLOCK = 4;

    private OodPatternFamilies() {
    }

    static double[] mosaic(ImageShape s, byte[] pixels, SplittableRandom random) {
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        double[] v = new double[pixels.length];
        for (int by = 0; by < h; by += BLOCK) {
            for (int bx = 0; bx < w; bx += BLOCK) {
                int yEnd = Math.min(h, by + BLOCK);
                int xEnd = Math.min(w, bx + BLOCK);
                for (int ch = 0; ch < c; ch++) {
                    double sum = 0;
                    for (int y = by; y < yEnd; y++) {
                        for (int x = bx; x < xEnd; x++) {
                            sum += pixels[(y * w + x) * c + ch] & 0xFF;
                        }
                    }
                    double mean = sum / ((yEnd - by) * (xEnd - bx));
                    for (int y = by; y < yEnd; y++) {
                        for (int x = bx; x < xEnd; x++) {
                            v[(y * w + x) * c + ch] = mean;
                        }
                    }
                }
            }
        }
        return v;
    }

    static double[] gridLines(ImageShape s, byte[] pixels, SplittableRandom random) {
        int w = s.width();
        int c = s.channels();
        double[] v = new double[pixels.length];
        for (int p = 0; p < v.length; p++) {
            int x = (p / c) % w;
            int y = (p / c) / w;
            v[p] = x % BLOCK == BLOCK - 1 || y % BLOCK == BLOCK - 1 ? 0 : pixels[p] & 0xFF;
        }
        return v;
    }

    static double[] plaid(ImageShape s, SplittableRandom random) {
        int w = s.width();
        int h = s.height();
        int gratings = random.nextInt(2, 4);
        double[] field = new double[w * h];
        for (int g = 0; g < gratings; g++) {
            double angle = random.nextDouble(0, Math.PI);
            double period = random.nextDouble(3, 12);
            double phase = random.nextDouble(0, 2 * Math.PI);
            double kx = Math.cos(angle) * 2 * Math.PI / period;
            double ky = Math.sin(angle) * 2 * Math.PI / period;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    field[y * w + x] += Math.sin(kx * x + ky * y + phase);
                }
            }
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (double f : field) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        double[] v = new double[s.values()];
        for (int p = 0; p < v.length; p++) {
            double f = field[p / s.channels()];
            v[p] = hi > lo ? 255 * (f - lo) / (hi - lo) : 128;
        }
        return v;
    }

    static double[] squares(ImageShape s, SplittableRandom random) {
        int w = s.width();
        int h = s.height();
        int rings = (Math.min(w, h) + 1) / 2;
        double[] grayOfRing = new double[rings];
        int ring = 0;
        while (ring < rings) {
            int thick = random.nextInt(1, 4);
            double gray = random.nextDouble(0, 256);
            for (int k = ring; k < Math.min(rings, ring + thick); k++) {
                grayOfRing[k] = gray;
            }
            ring += thick;
        }
        double[] v = new double[s.values()];
        for (int p = 0; p < v.length; p++) {
            int x = (p / s.channels()) % w;
            int y = (p / s.channels()) / w;
            int depth = Math.min(Math.min(x, w - 1 - x), Math.min(y, h - 1 - y));
            v[p] = grayOfRing[Math.min(rings - 1, depth)];
        }
        return v;
    }
}
