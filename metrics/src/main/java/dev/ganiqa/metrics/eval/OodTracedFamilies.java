package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.metrics.image.GaussianBlur;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The eighth final group of {@link OutOfDistribution} (written 2026-12-06 04:35 UTC, before the ensemble-gate
 * candidate after v10 was measured): the two kinds of input the default still let in, a double exposure and a
 * garment's outline, drawn another way, so that a design that keeps those two held-out families out can be judged on
 * cousins nobody looked at. The seventh final group ({@link OodRedrawnFamilies}) moved to held out: its result (all
 * four kept out by v6, v8 and every candidate since) no longer separates designs.
 * <ul>
 * <li>three garments of three classes blended at a third opacity each (the pixel mean, rounded), a triple
 * exposure;</li>
 * <li>a garment and its ghost: the garment blended at half opacity with itself shifted 5 pixels in one of the four
 * axis directions (the background filling what enters the frame);</li>
 * <li>a garment's silhouette outline: the garment pixels (8 and brighter) with a background pixel, or the frame, among
 * their four neighbours keep their value, everything else is background;</li>
 * <li>a garment's fine detail: the absolute difference between the garment and its Gaussian blur (sigma 1.5), scaled
 * so that its largest value is the garment's brightest pixel (a high-pass residual, not the Sobel operator of the
 * held-out edges).</li>
 * </ul>
 * Image {@code i} starts from real image {@code i}; everything else is a function of {@code (seed, i)}. Held out
 * since the self-blend candidate ({@link OodDoubledFamilies} is the final group now): v10's verdicts on the ghost and
 * the fine detail were looked at while that candidate was chosen.
 */
final class OodTracedFamilies {
    /** The ghost's shift in pixels. */
    static final int GHOST_SHIFT = 5;
    /** The blur the fine detail is taken against. */
    static final double DETAIL_SIGMA = 1.5;

    private OodTracedFamilies() {
    }

    static ImageDataset triple(ImageDataset real, long seed) {
        ImageShape s = real.shape();
        int n = real.size();
        byte[] all = new byte[n * s.values()];
        for (int i = 0; i < n; i++) {
            SplittableRandom random = OodCompositions.imageRandom(seed, i);
            byte[] a = real.image(i);
            int j = OodMixedFamilies.partner(real, i, random);
            int k = OodMixedFamilies.partner(real, i, random);
            for (int tries = 0; tries < 64 && real.hasLabels() && real.label(k) == real.label(j); tries++) {
                k = OodMixedFamilies.partner(real, i, random);
            }
            byte[] b = real.image(j);
            byte[] c = real.image(k);
            for (int p = 0; p < s.values(); p++) {
                double v = ((a[p] & 0xFF) + (b[p] & 0xFF) + (c[p] & 0xFF)) / 3.0;
                all[i * s.values() + p] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        return new ArrayDataset("three garments blended at a third each", s, all, null, List.of(), null, List.of());
    }

    static double[] ghost(ImageShape s, byte[] pixels, SplittableRandom random) {
        int direction = random.nextInt(4);
        int dx = direction == 0 ? GHOST_SHIFT : direction == 1 ? -GHOST_SHIFT : 0;
        int dy = direction == 2 ? GHOST_SHIFT : direction == 3 ? -GHOST_SHIFT : 0;
        double[] v = new double[pixels.length];
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                for (int ch = 0; ch < s.channels(); ch++) {
                    v[(y * s.width() + x) * s.channels() + ch] = (OodCompositions.at(s, pixels, x, y, ch)
                            + OodCompositions.at(s, pixels, x - dx, y - dy, ch)) / 2;
                }
            }
        }
        return v;
    }

    static double[] outline(ImageShape s, byte[] pixels, SplittableRandom random) {
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        double[] v = new double[pixels.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    int p = (y * w + x) * c + ch;
                    if (OodCompositions.garment(pixels[p]) && OodCompositions.touchesBackground(s, pixels, x, y, ch,
                            false)) {
                        v[p] = pixels[p] & 0xFF;
                    }
                }
            }
        }
        return v;
    }

    static double[] detail(ImageShape s, byte[] pixels, SplittableRandom random) {
        double[] v = new double[pixels.length];
        for (int p = 0; p < v.length; p++) {
            v[p] = pixels[p] & 0xFF;
        }
        double[] blurred = GaussianBlur.apply(v, s.height(), s.width(), s.channels(), DETAIL_SIGMA);
        double bright = 0;
        double max = 0;
        double[] out = new double[v.length];
        for (int p = 0; p < v.length; p++) {
            out[p] = Math.abs(v[p] - blurred[p]);
            bright = Math.max(bright, v[p]);
            max = Math.max(max, out[p]);
        }
        if (max > 0) {
            for (int p = 0; p < out.length; p++) {
                out[p] *= bright / max;
            }
        }
        return out;
    }
}
