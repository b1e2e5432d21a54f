package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ImageShape;
import java.util.SplittableRandom;

/**
 * The sixth final group of {@link OutOfDistribution} (written 2026-12-05 12:45 UTC, before the cut-and-paste
 * negatives candidate was built or measured), held out since the seventh ({@link OodRedrawnFamilies}) was written:
 * a garment altered the way no image of the data is, one alteration each.
 * The fifth final group ({@link OodPatternFamilies}) moved to held out: v6's failures on it (mosaic blocks, grid
 * lines) suggested that candidate.
 * <ul>
 * <li>a garment turned 45 degrees about the image centre (bilinear, the background filling the corners);</li>
 * <li>a garment with salt and pepper on 20% of the image's pixels (each such pixel 0 or 255 with equal odds);</li>
 * <li>a garment posterised to two levels: 255 where a pixel is at least the mean of the image's non-background
 * pixels (8 and brighter), 0 elsewhere;</li>
 * <li>a corner of a garment: the image shifted by half its side towards a random corner, the background filling
 * what it uncovers, so a quarter of the garment remains, at the opposite corner.</li>
 * </ul>
 * Every image is a function of the real image it is made from and {@code (seed, index)}.
 */
final class OodAlteredFamilies {
    /** Share of a garment's pixels set to 0 or 255. */
    static final double SALT_AND_PEPPER = 0.2;

    private OodAlteredFamilies() {
    }

    static double[] turned45(ImageShape s, byte[] pixels, SplittableRandom random) {
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        double cos = Math.cos(Math.PI / 4);
        double sin = Math.sin(Math.PI / 4);
        double[] v = new double[pixels.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // The source of (x, y): the inverse turn about the centre.
                double sx = cos * (x - cx) + sin * (y - cy) + cx;
                double sy = -sin * (x - cx) + cos * (y - cy) + cy;
                for (int ch = 0; ch < c; ch++) {
                    v[(y * w + x) * c + ch] = OodCompositions.bilinear(s, pixels, sx, sy, ch);
                }
            }
        }
        return v;
    }


    static double[] saltAndPepper(ImageShape s, byte[] pixels, SplittableRandom random) {
        double[] v = new double[pixels.length];
        int c = s.channels();
        for (int p = 0; p < pixels.length; p += c) {
            boolean hit = random.nextDouble() < SALT_AND_PEPPER;
            double level = random.nextBoolean() ? 255 : 0;
            for (int ch = 0; ch < c; ch++) {
                v[p + ch] = hit ? level : pixels[p + ch] & 0xFF;
            }
        }
        return v;
    }

    static double[] posterised(ImageShape s, byte[] pixels, SplittableRandom random) {
        double cut = OodCompositions.garmentMean(pixels, 128);
        double[] v = new double[pixels.length];
        for (int p = 0; p < v.length; p++) {
            v[p] = (pixels[p] & 0xFF) >= cut ? 255 : 0;
        }
        return v;
    }

    static double[] corner(ImageShape s, byte[] pixels, SplittableRandom random) {
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        int dx = (random.nextBoolean() ? 1 : -1) * (w / 2);
        int dy = (random.nextBoolean() ? 1 : -1) * (h / 2);
        double[] v = new double[pixels.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    v[(y * w + x) * c + ch] = OodCompositions.at(s, pixels, x - dx, y - dy, ch);
                }
            }
        }
        return v;
    }
}
