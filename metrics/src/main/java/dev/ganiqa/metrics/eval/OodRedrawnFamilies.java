package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ImageShape;
import java.util.SplittableRandom;

/**
 * The seventh final group of {@link OutOfDistribution} (written 2026-12-05 16:00 UTC, before the next candidate was
 * built or measured): a garment redrawn so that its shape stays and what fills it, or its size, does not. Meant to be
 * harder than the sixth ({@link OodAlteredFamilies}), which moved to held out once it showed itself too easy: every
 * extractor but v3 kept all four of its families out, since a garment turned 45 degrees is what a rotation head reads.
 * <ul>
 * <li>a garment at half size: 2x2 pixel blocks averaged, the half-size garment centred on the background (the data's
 * garments fill the frame);</li>
 * <li>a garment's silhouette filled flat: every garment pixel (8 and brighter) set to the mean of the garment's
 * pixels, no shading, seams or print;</li>
 * <li>a garment inverted inside its silhouette: each garment pixel v becomes 255 - v, the background stays;</li>
 * <li>a garment at double size: the centre half of the frame enlarged twice (bilinear), a close-up of the garment
 * filling the frame.</li>
 * </ul>
 * Every image is a function of the real image it is made from and {@code (seed, index)}. Held out since the
 * ensemble-gate candidate after v10 (the final groups after it: {@link OodTracedFamilies}, then
 * {@link OodDoubledFamilies}).
 */
final class OodRedrawnFamilies {
    private OodRedrawnFamilies() {
    }

    static double[] halfSize(ImageShape s, byte[] pixels, SplittableRandom random) {
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        int hw = w / 2;
        int hh = h / 2;
        int ox = (w - hw) / 2;
        int oy = (h - hh) / 2;
        double[] v = new double[pixels.length];
        for (int y = 0; y < hh; y++) {
            for (int x = 0; x < hw; x++) {
                for (int ch = 0; ch < c; ch++) {
                    double sum = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            sum += pixels[((2 * y + dy) * w + 2 * x + dx) * c + ch] & 0xFF;
                        }
                    }
                    v[((oy + y) * w + ox + x) * c + ch] = sum / 4;
                }
            }
        }
        return v;
    }

    static double[] flat(ImageShape s, byte[] pixels, SplittableRandom random) {
        double mean = OodCompositions.garmentMean(pixels, 0);
        double[] v = new double[pixels.length];
        for (int p = 0; p < v.length; p++) {
            v[p] = OodCompositions.garment(pixels[p]) ? mean : pixels[p] & 0xFF;
        }
        return v;
    }

    static double[] invertedInside(ImageShape s, byte[] pixels, SplittableRandom random) {
        double[] v = new double[pixels.length];
        for (int p = 0; p < v.length; p++) {
            int g = pixels[p] & 0xFF;
            v[p] = OodCompositions.garment(pixels[p]) ? 255 - g : g;
        }
        return v;
    }

    static double[] doubleSize(ImageShape s, byte[] pixels, SplittableRandom random) {
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        double[] v = new double[pixels.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // Pixel centres map to the centre half: source = (x + 0.5) / 2 + w / 4 - 0.5, clamped at the edges.
                double sx = Math.max(0, Math.min(w - 1, (x + 0.5) / 2 + w / 4.0 - 0.5));
                double sy = Math.max(0, Math.min(h - 1, (y + 0.5) / 2 + h / 4.0 - 0.5));
                for (int ch = 0; ch < c; ch++) {
                    v[(y * w + x) * c + ch] = OodCompositions.bilinear(s, pixels, sx, sy, ch);
                }
            }
        }
        return v;
    }
}
