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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Families of inputs that are not images of the data, for the out-of-distribution protocol of
 * {@code ganiqa extractor check}. Three groups, each decided before the measurement it serves and kept here:
 * <ul>
 * <li>{@link Group#TUNING}: the kinds an extractor may be built or tuned with: the full-frame kinds of
 * {@link RejectionImages} (v2's rejection class was trained on them) and the check's own pure-noise and constant
 * sets;</li>
 * <li>{@link Group#HELD_OUT}: compositions no extractor is built with (the training code must not use this group;
 * ArchitectureTest keeps it out of {@code features.train}), but which were looked at while choosing a design:
 * noise inside black or gray frames, boxes and grids of noise on black, rendered letters and digits, smooth fractal
 * noise, smooth blobs, rings, scribbles, the data's own silhouettes filled with noise, real images under a
 * checkerboard overlay, inverted, on a noise background or half replaced by noise, and another dataset's images
 * (procedural shapes);</li>
 * <li>{@link Group#FINAL}: written before the shipped design was measured on it and used for no decision (the
 * previous final group, v3's, moved to HELD_OUT once v3's result on it shaped v4): noise along a garment's
 * outline, a garment's pixels shuffled inside its silhouette, a garment dithered to random dots, two half-size
 * garments side by side.</li>
 * </ul>
 * A score tuned against a group says nothing about its generalisation; only the FINAL group does.
 * Every family is a function of (the real images it composes with, count, seed) alone. "Black" is the data's own
 * background: on light-background data the families are made on inverted images and inverted back.
 */
public final class OutOfDistribution {
    /**
     * TUNING: may be used to build or tune an extractor; HELD_OUT: never trained on, but looked at while choosing
     * between designs (v3's and v4's candidates, and the rule that rejected samples count as outside, were compared
     * on it); FINAL: written and committed before the shipped design was measured on it, never used for any
     * decision: the group that measures generalisation. A group that informed a choice moves to HELD_OUT and a new
     * FINAL group is written before the next design is measured.
     */
    public enum Group { TUNING, HELD_OUT, FINAL }

    /** One family: its name, group, and how it makes n images like {@code real} (shape, and as a source of shapes). */
    public record Family(String name, Group group, BiFunction<ImageDataset, Long, ImageDataset> make) {
    }

    private OutOfDistribution() {
    }

    /** Every family, the tuning group first. */
    public static List<Family> families() {
        List<Family> out = new ArrayList<>();
        for (RejectionImages.Kind k : RejectionImages.Kind.values()) {
            out.add(new Family("full frame: " + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    Group.TUNING, (real, seed) -> rejection(real, seed, k)));
        }
        out.add(family("noise in a 2-px black frame", (shape, random) -> framed(shape, random, 2)));
        out.add(family("noise in a 4-px black frame", (shape, random) -> framed(shape, random, 4)));
        out.add(family("a box of noise on black", OutOfDistribution::box));
        out.add(family("smooth blobs on black", OutOfDistribution::blobs));
        out.add(new Family("smooth fractal noise", Group.HELD_OUT, OutOfDistribution::fractal));
        out.add(new Family("letters and digits", Group.HELD_OUT, OutOfDistribution::text));
        out.add(new Family("silhouettes filled with noise", Group.HELD_OUT, OutOfDistribution::silhouettes));
        out.add(new Family("checkerboard over real images", Group.HELD_OUT, OutOfDistribution::overlay));
        out.add(new Family("procedural shapes (another dataset)", Group.HELD_OUT, OutOfDistribution::shapes));
        out.add(family("noise in a 6-px mid-gray frame", OutOfDistribution::grayFrame));
        out.add(family("two boxes of Gaussian noise on black", OutOfDistribution::twoBoxes));
        out.add(family("rings of stripes on black", OutOfDistribution::rings));
        out.add(family("scribbles on black", OutOfDistribution::scribbles));
        out.add(new Family("inverted real images", Group.HELD_OUT, (real, seed) -> fromReal(real, seed,
                "inverted real images", (pixels, random) -> {
                    double[] v = new double[pixels.length];
                    for (int p = 0; p < v.length; p++) {
                        v[p] = 255 - (pixels[p] & 0xFF);
                    }
                    return v;
                })));
        out.add(family("a grid of noise patches on black", OutOfDistribution::patches));
        out.add(family("blurred noise in a 3-px black frame", OutOfDistribution::blurredFrame));
        out.add(new Family("real garments on a noise background", Group.HELD_OUT, (real, seed) -> fromReal(real, seed,
                "real garments on a noise background", (pixels, random) -> {
                    double[] v = new double[pixels.length];
                    for (int p = 0; p < v.length; p++) {
                        int g = pixels[p] & 0xFF;
                        v[p] = g < 8 ? random.nextDouble(0, 256) : g;
                    }
                    return v;
                })));
        out.add(new Family("half a garment, half noise", Group.HELD_OUT, (real, seed) -> fromReal(real, seed,
                "half a garment, half noise", (pixels, random) -> {
                    ImageShape s = real.shape();
                    boolean left = random.nextBoolean();
                    double[] v = new double[pixels.length];
                    for (int p = 0; p < v.length; p++) {
                        int x = (p / s.channels()) % s.width();
                        v[p] = (x < s.width() / 2) == left ? random.nextDouble(0, 256) : pixels[p] & 0xFF;
                    }
                    return v;
                })));
        out.add(new Family("noise along a garment's outline", Group.FINAL, (real, seed) -> fromReal(real, seed,
                "noise along a garment's outline", (pixels, random) -> outline(real.shape(), pixels, random))));
        out.add(new Family("a garment's pixels shuffled inside it", Group.FINAL, (real, seed) -> fromReal(real, seed,
                "a garment's pixels shuffled inside it", (pixels, random) -> shuffled(pixels, random))));
        out.add(new Family("a garment dithered to random dots", Group.FINAL, (real, seed) -> fromReal(real, seed,
                "a garment dithered to random dots", (pixels, random) -> {
                    double[] v = new double[pixels.length];
                    for (int p = 0; p < v.length; p++) {
                        v[p] = random.nextDouble(0, 255) < (pixels[p] & 0xFF) ? 255 : 0;
                    }
                    return v;
                })));
        out.add(new Family("two half-size garments side by side", Group.FINAL, OutOfDistribution::pairs));
        return out.stream().map(f -> new Family(f.name(), f.group(), onItsBackground(f.make()))).toList();
    }

    /**
     * The families are written for a dark background ("on black", a garment is what is brighter than it). On data
     * with a light background (emoji on white) each family is made from the inverted real images and inverted
     * back, so "black" reads as the data's own background; dark data is untouched, byte for byte.
     */
    private static BiFunction<ImageDataset, Long, ImageDataset> onItsBackground(
            BiFunction<ImageDataset, Long, ImageDataset> make) {
        return (real, seed) -> dev.ganiqa.datasets.Backgrounds.light(real)
                ? dev.ganiqa.datasets.Backgrounds.inverted(make.apply(dev.ganiqa.datasets.Backgrounds.inverted(real), seed))
                : make.apply(real, seed);
    }


    /** Pixels of a garment: brighter than the near-black background. */
    private static boolean garment(byte value) {
        return (value & 0xFF) >= 8;
    }

    /** Uniform noise on the garment's pixels that touch the background (4-neighbourhood), black elsewhere. */
    private static double[] outline(ImageShape s, byte[] pixels, SplittableRandom random) {
        double[] v = new double[pixels.length];
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!garment(pixels[(y * w + x) * c])) {
                    continue;
                }
                boolean edge = false;
                int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
                for (int[] d : steps) {
                    int nx = x + d[0];
                    int ny = y + d[1];
                    edge |= nx < 0 || ny < 0 || nx >= w || ny >= h || !garment(pixels[(ny * w + nx) * c]);
                }
                if (edge) {
                    for (int ch = 0; ch < c; ch++) {
                        v[(y * w + x) * c + ch] = random.nextDouble(0, 256);
                    }
                }
            }
        }
        return v;
    }

    /** The garment's own pixel values in a random order over its own pixels (Fisher-Yates); background kept. */
    private static double[] shuffled(byte[] pixels, SplittableRandom random) {
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
    private static ImageDataset pairs(ImageDataset real, long seed) {
        ImageShape s = real.shape();
        int n = real.size();
        int w = s.width();
        int h = s.height();
        int c = s.channels();
        byte[] all = new byte[n * s.values()];
        for (int i = 0; i < n; i++) {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x2545F4914F6CDD1DL * (i + 1L));
            byte[][] two = {real.image(i), real.image(random.nextInt(n))};
            int top = (h - h / 2) / 2;
            for (int k = 0; k < 2; k++) {
                for (int y = 0; y < h / 2; y++) {
                    for (int x = 0; x < w / 2; x++) {
                        for (int ch = 0; ch < c; ch++) {
                            double sum = 0;
                            for (int dy = 0; dy < 2; dy++) {
                                for (int dx = 0; dx < 2; dx++) {
                                    sum += two[k][((2 * y + dy) * w + 2 * x + dx) * c + ch] & 0xFF;
                                }
                            }
                            int px = k * (w / 2) + x;
                            all[i * s.values() + ((top + y) * w + px) * c + ch] = (byte) Math.round(sum / 4);
                        }
                    }
                }
            }
        }
        return new ArrayDataset("two half-size garments side by side", s, all, null, List.of(), null, List.of());
    }

    /** Paints one image of a shape from a seeded random source. */
    private interface Painter {
        double[] paint(ImageShape shape, SplittableRandom random);
    }

    private static Family family(String name, Painter painter) {
        return new Family(name, Group.HELD_OUT, (real, seed) -> generate(real, seed, name,
                random -> painter.paint(real.shape(), random)));
    }

    private static Family finalFamily(String name, Painter painter) {
        return new Family(name, Group.FINAL, (real, seed) -> generate(real, seed, name,
                random -> painter.paint(real.shape(), random)));
    }

    /** A 3x3 grid of uniform-noise squares (4 to 6 px) separated by black, at a random offset. */
    private static double[] patches(ImageShape s, SplittableRandom random) {
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
    private static double[] blurredFrame(ImageShape s, SplittableRandom random) {
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

    private static double[] grayFrame(ImageShape s, SplittableRandom random) {
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

    private static double[] twoBoxes(ImageShape s, SplittableRandom random) {
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

    private static double[] rings(ImageShape s, SplittableRandom random) {
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
    private static double[] scribbles(ImageShape s, SplittableRandom random) {
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

    private static ImageDataset generate(ImageDataset real, long seed, String name,
                                         java.util.function.Function<SplittableRandom, double[]> one) {
        ImageShape shape = real.shape();
        int n = real.size();
        byte[] all = new byte[n * shape.values()];
        for (int i = 0; i < n; i++) {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x2545F4914F6CDD1DL * (i + 1L));
            double[] v = one.apply(random);
            for (int p = 0; p < v.length; p++) {
                all[i * shape.values() + p] = (byte) Math.max(0, Math.min(255, Math.round(v[p])));
            }
        }
        return new ArrayDataset(name, shape, all, null, List.of(), null, List.of());
    }

    private static ImageDataset rejection(ImageDataset real, long seed, RejectionImages.Kind kind) {
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

    private static double[] framed(ImageShape s, SplittableRandom random, int border) {
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

    private static double[] box(ImageShape s, SplittableRandom random) {
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

    private static double[] blobs(ImageShape s, SplittableRandom random) {
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

    /** 1/f-like noise: three octaves of blurred uniform noise (sigma 4, 2, 1 px; weights 1, 1/2, 1/4), stretched. */
    private static ImageDataset fractal(ImageDataset real, long seed) {
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
    private static ImageDataset text(ImageDataset real, long seed) {
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
    private static ImageDataset silhouettes(ImageDataset real, long seed) {
        return fromReal(real, seed, "silhouettes filled with noise", (pixels, random) -> {
            double[] v = new double[pixels.length];
            for (int p = 0; p < v.length; p++) {
                v[p] = (pixels[p] & 0xFF) > 20 ? random.nextInt(256) : 0;
            }
            return v;
        });
    }

    /** Each real image with a checkerboard of 2-4 px cells laid over it at half opacity. */
    private static ImageDataset overlay(ImageDataset real, long seed) {
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

    private interface FromReal {
        double[] apply(byte[] pixels, SplittableRandom random);
    }

    private static ImageDataset fromReal(ImageDataset real, long seed, String name, FromReal op) {
        ImageShape shape = real.shape();
        byte[] all = new byte[real.size() * shape.values()];
        for (int i = 0; i < real.size(); i++) {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x2545F4914F6CDD1DL * (i + 1L));
            double[] v = op.apply(real.image(i), random);
            for (int p = 0; p < v.length; p++) {
                all[i * shape.values() + p] = (byte) Math.max(0, Math.min(255, Math.round(v[p])));
            }
        }
        return new ArrayDataset(name, shape, all, null, List.of(), null, List.of());
    }

    /** Procedurally drawn shapes ({@code synthetic:shapes}) at the real images' size and channels. */
    private static ImageDataset shapes(ImageDataset real, long seed) {
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
