package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.metrics.features.train.RejectionImages;
import dev.ganiqa.metrics.image.GaussianBlur;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The families of {@link OutOfDistribution} made from the real images they are checked against (outlines, shuffled
 * pixels, pairs, silhouettes, overlays) or from other sources (text, fractal noise, procedural shapes, the
 * rejection kinds), and the loops that turn one painter or one per-image operation into a set.
 */
final class OodCompositions {
    private OodCompositions() {
    }

    /** Pixels of a garment: brighter than the near-black background. */
    static boolean garment(byte value) {
        return (value & 0xFF) >= 8;
    }

    /** Pixel (x, y) of channel ch, 0 (the background) outside the image. */
    static double at(ImageShape s, byte[] pixels, int x, int y, int ch) {
        if (x < 0 || y < 0 || x >= s.width() || y >= s.height()) {
            return 0;
        }
        return pixels[(y * s.width() + x) * s.channels() + ch] & 0xFF;
    }

    /** The bilinear sample of channel ch at (sx, sy) in pixel coordinates, the background (0) outside the image. */
    static double bilinear(ImageShape s, byte[] pixels, double sx, double sy, int ch) {
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        return (1 - fy) * ((1 - fx) * at(s, pixels, x0, y0, ch) + fx * at(s, pixels, x0 + 1, y0, ch))
                + fy * ((1 - fx) * at(s, pixels, x0, y0 + 1, ch) + fx * at(s, pixels, x0 + 1, y0 + 1, ch));
    }

    /** The mean of an image's garment pixels, {@code none} when it has none. */
    static double garmentMean(byte[] pixels, double none) {
        double sum = 0;
        int n = 0;
        for (byte b : pixels) {
            if (garment(b)) {
                sum += b & 0xFF;
                n++;
            }
        }
        return n == 0 ? none : sum / n;
    }

    /**
     * Whether pixel (x, y) of channel ch has a background neighbour (below the garment level) or the frame among its
     * four neighbours, or its eight with {@code diagonals}.
     */
    static boolean touchesBackground(ImageShape s, byte[] pixels, int x, int y, int ch, boolean diagonals) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if ((dx == 0 && dy == 0) || (!diagonals && dx != 0 && dy != 0)) {
                    continue;
                }
                int nx = x + dx;
                int ny = y + dy;
                if (nx < 0 || ny < 0 || nx >= s.width() || ny >= s.height()
                        || !garment(pixels[(ny * s.width() + nx) * s.channels() + ch])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Uniform noise on the garment's pixels that touch the background (4-neighbourhood), black elsewhere. */
    static double[] outline(ImageShape s, byte[] pixels, SplittableRandom random) {
        double[] v = new double[pixels.length];
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!garment(pixels[(y * w + x) * c])) {
                    continue;
                }
                if (touchesBackground(s, pixels, x, y, 0, false)) {
                    for (int ch = 0; ch < c; ch++) {
                        v[(y * w + x) * c + ch] = random.nextDouble(0, 256);
                    }
                }
            }
        }
        return v;
    }

    /** The garment's own pixel values in a random order over its own pixels (Fisher-Yates); background kept. */
    static double[] shuffled(byte[] pixels, SplittableRandom random) {
        double[] v = new double[pixels.length];
        int[] inside = java.util.stream.IntStream.range(0, pixels.length).filter(p -> garment(pixels[p])).toArray();
        for (int p = 0; p < v.length; p++) {
            v[p] = pixels[p] & 0xFF;
        }
        for (int i = inside.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = v[inside[i]];
            v[inside[i]] = v[inside[j]];
            v[inside[j]] = t;
        }
        return v;
    }

    /** Two real images, each shrunk 2x (2x2 means), side by side and centred vertically on black. */
    static ImageDataset pairs(ImageDataset real, long seed) {
        ImageShape s = real.shape();
        int n = real.size();
        int w = s.width();
        int h = s.height();
        byte[] all = new byte[n * s.values()];
        for (int i = 0; i < n; i++) {
            SplittableRandom random = imageRandom(seed, i);
            byte[][] two = {real.image(i), real.image(random.nextInt(n))};
            int top = (h - h / 2) / 2;
            for (int k = 0; k < 2; k++) {
                pasteHalf(two[k], s, all, i * s.values(), k * (w / 2), top);
            }
        }
        return new ArrayDataset("two half-size garments side by side", s, all, null, List.of(), null, List.of());
    }

    /**
     * {@code image} shrunk 2x (the mean of each 2x2 block, rounded) into {@code out} at ({@code left}, {@code top}) of
     * the image that starts at {@code offset}.
     */
    static void pasteHalf(byte[] image, ImageShape s, byte[] out, int offset, int left, int top) {
        int w = s.width();
        int c = s.channels();
        for (int y = 0; y < s.height() / 2; y++) {
            for (int x = 0; x < w / 2; x++) {
                for (int ch = 0; ch < c; ch++) {
                    double sum = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            sum += image[((2 * y + dy) * w + 2 * x + dx) * c + ch] & 0xFF;
                        }
                    }
                    out[offset + ((top + y) * w + left + x) * c + ch] = (byte) Math.round(sum / 4);
                }
            }
        }
    }

    /** The random source of image {@code i} of a family made with {@code seed}: every family draws image by image. */
    static SplittableRandom imageRandom(long seed, int i) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x2545F4914F6CDD1DL * (i + 1L));
    }

    static ImageDataset generate(ImageDataset real, long seed, String name,
                                         java.util.function.Function<SplittableRandom, double[]> one) {
        ImageShape shape = real.shape();
        int n = real.size();
        byte[] all = new byte[n * shape.values()];
        for (int i = 0; i < n; i++) {
            SplittableRandom random = imageRandom(seed, i);
            double[] v = one.apply(random);
            for (int p = 0; p < v.length; p++) {
                all[i * shape.values() + p] = (byte) Math.max(0, Math.min(255, Math.round(v[p])));
            }
        }
        return new ArrayDataset(name, shape, all, null, List.of(), null, List.of());
    }

    static ImageDataset rejection(ImageDataset real, long seed, RejectionImages.Kind kind) {
        ImageShape shape = real.shape();
        int n = real.size();
        byte[] all = new byte[n * shape.values()];
        int kinds = RejectionImages.Kind.values().length;
        for (int i = 0; i < n; i++) {
            byte[] image = RejectionImages.image(shape, seed, i * kinds + kind.ordinal());
            System.arraycopy(image, 0, all, i * shape.values(), shape.values());
        }
        return new ArrayDataset("full frame " + kind, shape, all, null, List.of(), null, List.of());
    }

    /** 1/f-like noise: three octaves of blurred uniform noise (sigma 4, 2, 1 px; weights 1, 1/2, 1/4), stretched. */
    static ImageDataset fractal(ImageDataset real, long seed) {
        ImageShape s = real.shape();
        return generate(real, seed, "smooth fractal noise", random -> {
            double[] sum = new double[s.values()];
            double weight = 1;
            for (double sigma : new double[] {4, 2, 1}) {
                double[] octave = new double[s.values()];
                for (int i = 0; i < octave.length; i++) {
                    octave[i] = random.nextDouble();
                }
                octave = GaussianBlur.apply(octave, s.height(), s.width(), s.channels(), sigma);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += weight * octave[i];
                }
                weight /= 2;
            }
            double min = java.util.Arrays.stream(sum).min().orElse(0);
            double max = java.util.Arrays.stream(sum).max().orElse(1);
            for (int i = 0; i < sum.length; i++) {
                sum[i] = 255 * (sum[i] - min) / Math.max(1e-9, max - min);
            }
            return sum;
        });
    }

    /** One to three random letters or digits, white on black, DejaVu Sans at a random size and place. */
    static ImageDataset text(ImageDataset real, long seed) {
        ImageShape s = real.shape();
        String glyphs = "ABCDEFGHJKLMNPQRSTUVWXYZabdefghkmnqrt0123456789";
        return generate(real, seed, "letters and digits", random -> {
            BufferedImage image = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int count = random.nextInt(1, 4);
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < count; i++) {
                word.append(glyphs.charAt(random.nextInt(glyphs.length())));
            }
            int size = random.nextInt(s.height() / 2, s.height() + 1);
            g.setFont(new Font("DejaVu Sans", Font.BOLD, size));
            g.setColor(new java.awt.Color(random.nextInt(150, 256), random.nextInt(150, 256), random.nextInt(150, 256)));
            int textWidth = g.getFontMetrics().stringWidth(word.toString());
            g.drawString(word.toString(), random.nextInt(Math.min(0, s.width() - textWidth) - 1, Math.max(1,
                    s.width() - textWidth + 1)), random.nextInt(size * 2 / 3, s.height() + 1));
            g.dispose();
            double[] v = new double[s.values()];
            for (int y = 0; y < s.height(); y++) {
                for (int x = 0; x < s.width(); x++) {
                    int gray = image.getRaster().getSample(x, y, 0);
                    for (int c = 0; c < s.channels(); c++) {
                        v[(y * s.width() + x) * s.channels() + c] = gray;
                    }
                }
            }
            return v;
        });
    }

    /** Each real image's silhouette (pixels above 20) filled with uniform noise, black outside. */
    static ImageDataset silhouettes(ImageDataset real, long seed) {
        return fromReal(real, seed, "silhouettes filled with noise", (pixels, random) -> {
            double[] v = new double[pixels.length];
            for (int p = 0; p < v.length; p++) {
                v[p] = (pixels[p] & 0xFF) > 20 ? random.nextInt(256) : 0;
            }
            return v;
        });
    }

    /** Each real image with a checkerboard of 2-4 px cells laid over it at half opacity. */
    static ImageDataset overlay(ImageDataset real, long seed) {
        ImageShape s = real.shape();
        return fromReal(real, seed, "checkerboard over real images", (pixels, random) -> {
            int cell = random.nextInt(2, 5);
            double[] v = new double[pixels.length];
            for (int p = 0; p < v.length; p++) {
                int pixel = p / s.channels();
                int x = pixel % s.width();
                int y = pixel / s.width();
                double board = ((x / cell + y / cell) % 2 == 0) ? 255 : 0;
                v[p] = 0.5 * (pixels[p] & 0xFF) + 0.5 * board;
            }
            return v;
        });
    }

    interface FromReal {
        double[] apply(byte[] pixels, SplittableRandom random);
    }

    static ImageDataset fromReal(ImageDataset real, long seed, String name, FromReal op) {
        ImageShape shape = real.shape();
        byte[] all = new byte[real.size() * shape.values()];
        for (int i = 0; i < real.size(); i++) {
            SplittableRandom random = imageRandom(seed, i);
            double[] v = op.apply(real.image(i), random);
            for (int p = 0; p < v.length; p++) {
                all[i * shape.values() + p] = (byte) Math.max(0, Math.min(255, Math.round(v[p])));
            }
        }
        return new ArrayDataset(name, shape, all, null, List.of(), null, List.of());
    }

    /** Procedurally drawn shapes ({@code synthetic:shapes}) at the real images' size and channels. */
    static ImageDataset shapes(ImageDataset real, long seed) {
        ImageShape s = real.shape();
        String spec = "synthetic:shapes?size=" + s.width() + "&channels=" + s.channels() + "&n=" + real.size()
                + "&seed=" + seed;
        ImageDataset d = Datasets.open(spec).open(Split.TRAIN);
        byte[] all = new byte[d.size() * s.values()];
        for (int i = 0; i < d.size(); i++) {
            System.arraycopy(d.image(i), 0, all, i * s.values(), s.values());
        }
        return new ArrayDataset("procedural shapes", s, all, null, List.of(), null, List.of());
    }
}
