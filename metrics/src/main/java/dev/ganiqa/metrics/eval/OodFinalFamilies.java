package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The third final group of {@link OutOfDistribution} (written 2026-12-05 before the generator-texture candidate
 * was trained or measured): inputs made only of the data's own pixels, rearranged so that no garment is left.
 * Like the two families of the previous final group that no candidate passed, they keep the data's intensities
 * and strokes; unlike them, they were never looked at while choosing a design.
 * <ul>
 * <li>a garment cut into a 4x4 grid of tiles (side / 4 pixels each, rounded down; a remainder strip at the right
 * and bottom edges stays in place) placed in a random order;</li>
 * <li>a garment's edges: the Sobel gradient magnitude (3x3 kernels) scaled so its largest value is the garment's
 * brightest pixel;</li>
 * <li>four quarter-size garments (2x2 pixel means) in a 2x2 grid;</li>
 * <li>a garment whose rows are shifted left or right by up to a quarter of the width, a random offset every 2 to 4
 * rows (a torn scan), the background filling the gaps.</li>
 * </ul>
 * Every image is a function of the real image(s) it is made from and {@code (seed, index)}. Held out since the
 * rotation-pretext candidate (a scratch probe on approximations of torn rows and edges helped choose that design);
 * {@link OodMixedFamilies} is the final group now.
 */
final class OodFinalFamilies {
    private OodFinalFamilies() {
    }

    static double[] tiles(ImageShape s, byte[] pixels, SplittableRandom random) {
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        int tw = Math.max(1, w / 4);
        int th = Math.max(1, h / 4);
        int cols = w / tw;
        int rows = h / th;
        int[] order = new int[cols * rows];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double[] v = new double[pixels.length];
        for (int p = 0; p < v.length; p++) {
            v[p] = pixels[p] & 0xFF;
        }
        for (int t = 0; t < order.length; t++) {
            int fromX = (order[t] % cols) * tw;
            int fromY = (order[t] / cols) * th;
            int toX = (t % cols) * tw;
            int toY = (t / cols) * th;
            for (int y = 0; y < th; y++) {
                for (int x = 0; x < tw; x++) {
                    for (int ch = 0; ch < c; ch++) {
                        v[((toY + y) * w + toX + x) * c + ch] = pixels[((fromY + y) * w + fromX + x) * c + ch] & 0xFF;
                    }
                }
            }
        }
        return v;
    }

    static double[] edges(ImageShape s, byte[] pixels, SplittableRandom random) {
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        double[] v = new double[pixels.length];
        for (int ch = 0; ch < c; ch++) {
            double max = 0;
            double bright = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double gx = 0;
                    double gy = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int yy = Math.max(0, Math.min(h - 1, y + dy));
                            int xx = Math.max(0, Math.min(w - 1, x + dx));
                            double p = pixels[(yy * w + xx) * c + ch] & 0xFF;
                            gx += dx * (dy == 0 ? 2 : 1) * p;
                            gy += dy * (dx == 0 ? 2 : 1) * p;
                        }
                    }
                    double m = Math.hypot(gx, gy);
                    v[(y * w + x) * c + ch] = m;
                    max = Math.max(max, m);
                    bright = Math.max(bright, pixels[(y * w + x) * c + ch] & 0xFF);
                }
            }
            for (int p = ch; p < v.length; p += c) {
                v[p] = max > 0 ? v[p] * bright / max : 0;
            }
        }
        return v;
    }

    /** Four real images (the first is image {@code i}), each shrunk 2x by 2x2 means, in a 2x2 grid. */
    static ImageDataset quarters(ImageDataset real, long seed) {
        ImageShape s = real.shape();
        int n = real.size();
        int w = s.width();
        int h = s.height();
        byte[] all = new byte[n * s.values()];
        for (int i = 0; i < n; i++) {
            SplittableRandom random = OodCompositions.imageRandom(seed, i);
            for (int k = 0; k < 4; k++) {
                byte[] image = real.image(k == 0 ? i : random.nextInt(n));
                OodCompositions.pasteHalf(image, s, all, i * s.values(), (k % 2) * (w / 2), (k / 2) * (h / 2));
            }
        }
        return new ArrayDataset("four quarter-size garments in a grid", s, all, null, List.of(), null, List.of());
    }

    static double[] tornRows(ImageShape s, byte[] pixels, SplittableRandom random) {
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        double[] v = new double[pixels.length];
        int y = 0;
        while (y < h) {
            int band = random.nextInt(2, 5);
            int shift = random.nextInt(-w / 4, w / 4 + 1);
            for (int yy = y; yy < Math.min(h, y + band); yy++) {
                for (int x = 0; x < w; x++) {
                    int from = x - shift;
                    for (int ch = 0; ch < c; ch++) {
                        v[(yy * w + x) * c + ch] = from < 0 || from >= w ? 0 : pixels[(yy * w + from) * c + ch] & 0xFF;
                    }
                }
            }
            y += band;
        }
        return v;
    }
}
