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
 * {@code ganiqa extractor check}. Two groups, decided before any measurement and kept here:
 * <ul>
 * <li>{@link Group#TUNING}: the kinds an extractor may be built or tuned with: the full-frame kinds of
 * {@link RejectionImages} (v2's rejection class was trained on them) and the check's own pure-noise and constant
 * sets;</li>
 * <li>{@link Group#HELD_OUT}: compositions no extractor is built or tuned with (the training code must not use
 * this group; ArchitectureTest keeps it out of {@code features.train}): noise inside a black frame, a box of noise
 * on black, rendered letters and digits, smooth fractal noise, smooth blobs on black, the data's own silhouettes
 * filled with noise, real images under a checkerboard overlay, and another dataset's images (procedural shapes).
 * A score tuned against the first group says nothing about its generalisation; the second one does.</li>
 * </ul>
 * Every family is a function of (the real images it composes with, count, seed) alone.
 */
public final class OutOfDistribution {
    /**
     * TUNING: may be used to build or tune an extractor; HELD_OUT: never used, but the design of ganiqa-fmnist-v3
     * (its rejection probability made a feature) was chosen after seeing it; FINAL: written after that choice and
     * before v3 was measured on it, never used for any decision: the group that measures generalisation.
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
        out.add(finalFamily("noise in a 6-px mid-gray frame", OutOfDistribution::grayFrame));
        out.add(finalFamily("two boxes of Gaussian noise on black", OutOfDistribution::twoBoxes));
        out.add(finalFamily("rings of stripes on black", OutOfDistribution::rings));
        out.add(finalFamily("scribbles on black", OutOfDistribution::scribbles));
        out.add(new Family("inverted real images", Group.FINAL, (real, seed) -> fromReal(real, seed,
                "inverted real images", (pixels, random) -> {
                    double[] v = new double[pixels.length];
                    for (int p = 0; p < v.length; p++) {
                        v[p] = 255 - (pixels[p] & 0xFF);
                    }
                    return v;
                })));
        return out;
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
