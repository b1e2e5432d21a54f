package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.metrics.image.GaussianBlur;
import java.util.SplittableRandom;

/**
 * The synthetic images of {@link OutOfDistribution} drawn from a seeded random source alone: noise in frames, boxes
 * and patches, blobs, rings, scribbles. Each paints one image of a shape as values 0..255 (clipped when stored) on
 * a black background.
 */
final class OodPainters {
    private OodPainters() {
    }

    /** A 3x3 grid of uniform-noise squares (4 to 6 px) separated by black, at a random offset. */
    static double[] patches(ImageShape s, SplittableRandom random) {
        double[] v = new double[s.values()];
        int side = random.nextInt(4, 7);
        int gap = random.nextInt(2, 4);
        int span = 3 * side + 2 * gap;
        int x0 = random.nextInt(0, Math.max(1, s.width() - span + 1));
        int y0 = random.nextInt(0, Math.max(1, s.height() - span + 1));
        for (int gy = 0; gy < 3; gy++) {
            for (int gx = 0; gx < 3; gx++) {
                for (int y = y0 + gy * (side + gap); y < Math.min(s.height(), y0 + gy * (side + gap) + side); y++) {
                    for (int x = x0 + gx * (side + gap); x < Math.min(s.width(), x0 + gx * (side + gap) + side); x++) {
                        for (int c = 0; c < s.channels(); c++) {
                            v[(y * s.width() + x) * s.channels() + c] = random.nextDouble(0, 256);
                        }
                    }
                }
            }
        }
        return v;
    }

    /** Uniform noise blurred (sigma 1 px) and stretched back to the full range, inside a 3-px black frame. */
    static double[] blurredFrame(ImageShape s, SplittableRandom random) {
        double[] v = new double[s.values()];
        for (int p = 0; p < v.length; p++) {
            v[p] = random.nextDouble(0, 256);
        }
        v = GaussianBlur.apply(v, s.height(), s.width(), s.channels(), 1.0);
        double lo = java.util.Arrays.stream(v).min().orElse(0);
        double hi = java.util.Arrays.stream(v).max().orElse(255);
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                boolean frame = y < 3 || x < 3 || y >= s.height() - 3 || x >= s.width() - 3;
                for (int c = 0; c < s.channels(); c++) {
                    int p = (y * s.width() + x) * s.channels() + c;
                    v[p] = frame ? 0 : 255 * (v[p] - lo) / Math.max(1e-9, hi - lo);
                }
            }
        }
        return v;
    }

    static double[] grayFrame(ImageShape s, SplittableRandom random) {
        double[] v = framed(s, random, 6);
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                if (y < 6 || x < 6 || y >= s.height() - 6 || x >= s.width() - 6) {
                    for (int c = 0; c < s.channels(); c++) {
                        v[(y * s.width() + x) * s.channels() + c] = 128;
                    }
                }
            }
        }
        return v;
    }

    static double[] twoBoxes(ImageShape s, SplittableRandom random) {
        double[] v = new double[s.values()];
        for (int b = 0; b < 2; b++) {
            int bw = random.nextInt(s.width() / 5, s.width() / 2 + 1);
            int bh = random.nextInt(s.height() / 5, s.height() / 2 + 1);
            int x0 = random.nextInt(0, s.width() - bw + 1);
            int y0 = random.nextInt(0, s.height() - bh + 1);
            double mean = random.nextDouble(60, 200);
            double sd = random.nextDouble(20, 80);
            for (int y = y0; y < y0 + bh; y++) {
                for (int x = x0; x < x0 + bw; x++) {
                    for (int c = 0; c < s.channels(); c++) {
                        v[(y * s.width() + x) * s.channels() + c] = mean + sd * random.nextGaussian();
                    }
                }
            }
        }
        return v;
    }

    static double[] rings(ImageShape s, SplittableRandom random) {
        double[] v = new double[s.values()];
        double cx = random.nextDouble(0.3, 0.7) * s.width();
        double cy = random.nextDouble(0.3, 0.7) * s.height();
        double outer = random.nextDouble(0.3, 0.5) * s.width();
        double inner = outer * random.nextDouble(0.3, 0.7);
        double period = random.nextDouble(2, 5);
        double level = random.nextDouble(120, 256);
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                double r = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                boolean on = r >= inner && r <= outer && ((int) Math.floor((x + y) / period)) % 2 == 0;
                for (int c = 0; c < s.channels(); c++) {
                    v[(y * s.width() + x) * s.channels() + c] = on ? level : 0;
                }
            }
        }
        return v;
    }

    /** Random walks of 2-px strokes, bright on black. */
    static double[] scribbles(ImageShape s, SplittableRandom random) {
        double[] v = new double[s.values()];
        int strokes = random.nextInt(1, 4);
        for (int k = 0; k < strokes; k++) {
            double x = random.nextDouble(0, s.width());
            double y = random.nextDouble(0, s.height());
            double angle = random.nextDouble(0, 2 * Math.PI);
            double level = random.nextDouble(150, 256);
            for (int step = 0; step < 40; step++) {
                angle += random.nextDouble(-0.6, 0.6);
                x = Math.max(0, Math.min(s.width() - 1, x + Math.cos(angle)));
                y = Math.max(0, Math.min(s.height() - 1, y + Math.sin(angle)));
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int px = Math.min(s.width() - 1, (int) x + dx);
                        int py = Math.min(s.height() - 1, (int) y + dy);
                        for (int c = 0; c < s.channels(); c++) {
                            v[(py * s.width() + px) * s.channels() + c] = level;
                        }
                    }
                }
            }
        }
        return v;
    }

    static double[] framed(ImageShape s, SplittableRandom random, int border) {
        double[] v = new double[s.values()];
        for (int y = border; y < s.height() - border; y++) {
            for (int x = border; x < s.width() - border; x++) {
                for (int c = 0; c < s.channels(); c++) {
                    v[(y * s.width() + x) * s.channels() + c] = random.nextInt(256);
                }
            }
        }
        return v;
    }

    static double[] box(ImageShape s, SplittableRandom random) {
        double[] v = new double[s.values()];
        int bw = random.nextInt(s.width() / 3, s.width() * 3 / 4 + 1);
        int bh = random.nextInt(s.height() / 3, s.height() * 3 / 4 + 1);
        int x0 = random.nextInt(0, s.width() - bw + 1);
        int y0 = random.nextInt(0, s.height() - bh + 1);
        for (int y = y0; y < y0 + bh; y++) {
            for (int x = x0; x < x0 + bw; x++) {
                for (int c = 0; c < s.channels(); c++) {
                    v[(y * s.width() + x) * s.channels() + c] = random.nextInt(256);
                }
            }
        }
        return v;
    }

    static double[] blobs(ImageShape s, SplittableRandom random) {
        double[] v = new double[s.values()];
        int count = random.nextInt(1, 4);
        for (int b = 0; b < count; b++) {
            double cx = random.nextDouble(0, s.width());
            double cy = random.nextDouble(0, s.height());
            double sigma = random.nextDouble(1.5, s.width() / 5.0);
            double amp = random.nextDouble(100, 256);
            for (int y = 0; y < s.height(); y++) {
                for (int x = 0; x < s.width(); x++) {
                    double g = amp * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * sigma * sigma));
                    for (int c = 0; c < s.channels(); c++) {
                        v[(y * s.width() + x) * s.channels() + c] += g;
                    }
                }
            }
        }
        return v;
    }
}
