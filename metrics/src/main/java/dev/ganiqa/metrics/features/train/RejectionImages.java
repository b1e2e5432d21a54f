package dev.ganiqa.metrics.features.train;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.metrics.image.GaussianBlur;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic images that are not garments (nor anything else a dataset of objects holds), for the rejection
 * class of a feature classifier: a varied mix of per-pixel noise, smooth noise, flat images and simple
 * patterns. Trained as an extra class, they give such inputs a region of feature space of their own, so
 * pure-noise sets no longer land among real images (precision and density near zero). Real images with noise
 * added are deliberately absent: they are degraded real images and should stay near their class.
 *
 * <p>Image {@code i} is a function of {@code (seed, i)} alone, and its kind is {@code Kind.values()[i % 8]},
 * so every kind is present as soon as there are 8 images and a longer set extends a shorter one.
 */
public final class RejectionImages {
    /** Label name of the rejection class in training sets. */
    public static final String CLASS_NAME = "not-an-object";

    /** The kinds of images, in the order they cycle. */
    public enum Kind {
        /** Independent uniform noise 0..255 in every sample. */
        UNIFORM,
        /** Gaussian noise of random mean (0..255) and standard deviation (1..120, log-uniform), clipped. */
        GAUSSIAN,
        /** Uniform noise blurred at a random sigma (0.7..4 px) and stretched to a random range: smooth blobs. */
        BLURRED,
        /** One flat gray level (0..255). */
        CONSTANT,
        /** Stripes of random period, phase, angle, duty and two gray levels of random contrast. */
        STRIPES,
        /** A checkerboard of random cell size and two gray levels of random contrast, possibly offset. */
        CHECKERBOARD,
        /** A random background with a random fraction (5..50%) of pixels set to 0 or 255. */
        SALT_AND_PEPPER,
        /** Noise in a random range at a low resolution (2..10 px a side), upsampled by nearest or bilinear sampling. */
        LOW_RES
    }

    private RejectionImages() {
    }

    /** The kind of image {@code index}. */
    public static Kind kind(int index) {
        Kind[] kinds = Kind.values();
        return kinds[Math.floorMod(index, kinds.length)];
    }

    /** Image {@code index} of the set for {@code seed}: HWC uint8, {@code shape.values()} bytes. */
    public static byte[] image(ImageShape shape, long seed, int index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L * (index + 1L));
        int h = shape.height();
        int w = shape.width();
        int c = shape.channels();
        double[] v = new double[h * w * c];
        switch (kind(index)) {
            case UNIFORM -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = random.nextInt(256);
                }
            }
            case GAUSSIAN -> {
                double mean = random.nextDouble(0, 256);
                double std = logUniform(random, 1, 120);
                for (int i = 0; i < v.length; i++) {
                    v[i] = mean + std * random.nextGaussian();
                }
            }
            case BLURRED -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = random.nextDouble();
                }
                v = GaussianBlur.apply(v, h, w, c, random.nextDouble(0.7, 4.0));
                stretch(v, random);
            }
            case CONSTANT -> {
                double g = random.nextInt(256);
                java.util.Arrays.fill(v, g);
            }
            case STRIPES -> {
                double period = random.nextDouble(2, Math.max(3, Math.min(h, w) / 2.0));
                double angle = random.nextDouble(0, Math.PI);
                double phase = random.nextDouble(0, period);
                double duty = random.nextDouble(0.2, 0.8);
                double[] levels = levels(random, c);
                double cos = Math.cos(angle);
                double sin = Math.sin(angle);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double q = (x * cos + y * sin + phase) / period;
                        boolean on = q - Math.floor(q) < duty;
                        for (int ch = 0; ch < c; ch++) {
                            v[(y * w + x) * c + ch] = on ? levels[ch] : levels[c + ch];
                        }
                    }
                }
            }
            case CHECKERBOARD -> {
                int cell = 1 + random.nextInt(Math.max(1, Math.min(h, w) / 3));
                int ox = random.nextInt(cell);
                int oy = random.nextInt(cell);
                double[] levels = levels(random, c);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        boolean on = (((x + ox) / cell) + ((y + oy) / cell)) % 2 == 0;
                        for (int ch = 0; ch < c; ch++) {
                            v[(y * w + x) * c + ch] = on ? levels[ch] : levels[c + ch];
                        }
                    }
                }
            }
            case SALT_AND_PEPPER -> {
                double background = random.nextInt(256);
                double fraction = random.nextDouble(0.05, 0.5);
                for (int p = 0; p < h * w; p++) {
                    double u = random.nextDouble();
                    double value = u < fraction / 2 ? 0 : u < fraction ? 255 : background;
                    for (int ch = 0; ch < c; ch++) {
                        v[p * c + ch] = value;
                    }
                }
            }
            case LOW_RES -> {
                int lh = 2 + random.nextInt(Math.max(1, Math.min(h, 10) - 1));
                int lw = 2 + random.nextInt(Math.max(1, Math.min(w, 10) - 1));
                double[] small = new double[lh * lw * c];
                for (int i = 0; i < small.length; i++) {
                    small[i] = random.nextDouble();
                }
                stretch(small, random);
                boolean bilinear = random.nextBoolean();
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double sy = (y + 0.5) * lh / h - 0.5;
                        double sx = (x + 0.5) * lw / w - 0.5;
                        for (int ch = 0; ch < c; ch++) {
                            v[(y * w + x) * c + ch] = bilinear ? bilinear(small, lh, lw, c, sy, sx, ch)
                                    : small[(clamp((int) Math.round(sy), lh) * lw + clamp((int) Math.round(sx), lw)) * c + ch];
                        }
                    }
                }
            }
            default -> throw new IllegalStateException("unknown kind");
        }
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(v[i])));
        }
        return out;
    }

    /** {@code count} images for {@code seed}, all labelled {@code label} among {@code classNames}. */
    public static ArrayDataset dataset(ImageShape shape, int count, long seed, int label, List<String> classNames) {
        return dataset(shape, count, seed, label, classNames, Negatives.FULL_FRAME);
    }

    /** As above, with the images of the recipe {@code negatives} (not one made {@link Negatives#fromData}). */
    public static ArrayDataset dataset(ImageShape shape, int count, long seed, int label, List<String> classNames,
                                       Negatives negatives) {
        return dataset(shape, count, seed, label, classNames, i -> negatives.image(shape, seed, i), negatives);
    }

    /** As above, with the images of the recipe {@code negatives} made from (or shaped like) {@code real}. */
    public static ArrayDataset dataset(ImageDataset real, int count, long seed, int label, List<String> classNames,
                                       Negatives negatives) {
        return dataset(real.shape(), count, seed, label, classNames, i -> negatives.image(real, seed, i), negatives);
    }

    private static ArrayDataset dataset(ImageShape shape, int count, long seed, int label, List<String> classNames,
                                        java.util.function.IntFunction<byte[]> image, Negatives negatives) {
        if (count < 0) {
            throw new IllegalArgumentException("expected a non-negative number of rejection images, found " + count);
        }
        int per = shape.values();
        byte[] pixels = new byte[Math.multiplyExact(count, per)];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(image.apply(i), 0, pixels, i * per, per);
            labels[i] = label;
        }
        return new ArrayDataset(count + " " + negatives.id() + " rejection images (seed " + seed + ")", shape,
                pixels, labels, classNames, null, List.of());
    }

    /**
     * {@code data} followed by {@code count} rejection images labelled as one extra class
     * ({@link #CLASS_NAME}, index {@code data.classNames().size()}).
     */
    public static ImageDataset withRejectionClass(ImageDataset data, int count, long seed) {
        return withRejectionClass(data, count, seed, Negatives.FULL_FRAME);
    }

    /** As above, with the images of the recipe {@code negatives}. */
    public static ImageDataset withRejectionClass(ImageDataset data, int count, long seed, Negatives negatives) {
        negatives.requireFor(data);
        List<String> names = new ArrayList<>(data.classNames());
        names.add(CLASS_NAME);
        // Compositions sit "on black", the background of dark data; on light data (emoji on white) on white: made
        // on black and inverted back. A recipe made from the data reads the inverted data (a cut and paste of
        // inverted images, inverted, is one of the images); the others read only its shape, so the data (a whole
        // training split) is inverted only for those that read it.
        boolean flip = negatives != Negatives.FULL_FRAME && dev.ganiqa.datasets.Backgrounds.light(data);
        ImageDataset source = flip && negatives.fromData() ? dev.ganiqa.datasets.Backgrounds.inverted(data) : data;
        ArrayDataset made = dataset(source, count, seed, data.classNames().size(), names, negatives);
        ArrayDataset extra = flip ? dev.ganiqa.datasets.Backgrounds.inverted(made) : made;
        int n = data.size();
        List<String> classNames = List.copyOf(names);
        return new ImageDataset() {
            @Override
            public String description() {
                return data.description() + " + " + extra.description();
            }

            @Override
            public int size() {
                return n + extra.size();
            }

            @Override
            public ImageShape shape() {
                return data.shape();
            }

            @Override
            public List<String> classNames() {
                return classNames;
            }

            @Override
            public int label(int index) {
                return index < n ? data.label(index) : extra.label(index - n);
            }

            @Override
            public byte[] image(int index) {
                return index < n ? data.image(index) : extra.image(index - n);
            }
        };
    }

    /**
     * Two levels per channel ({@code [on..., off...]}): a random mid level and a contrast log-uniform in 4..255, so
     * faint textures (as early GAN samples are: gray with a few levels of ripple) are covered as well as stark ones.
     */
    private static double[] levels(SplittableRandom random, int c) {
        double[] l = new double[2 * c];
        for (int ch = 0; ch < c; ch++) {
            double contrast = logUniform(random, 4, 255);
            double lo = random.nextDouble(0, 256 - contrast);
            boolean flip = random.nextBoolean();
            l[ch] = flip ? lo + contrast : lo;
            l[c + ch] = flip ? lo : lo + contrast;
        }
        return l;
    }

    private static double logUniform(SplittableRandom random, double lo, double hi) {
        return Math.exp(random.nextDouble(Math.log(lo), Math.log(hi)));
    }

    /** Maps values linearly onto a random range lo..hi inside 0..255, its width log-uniform in 4..255. */
    private static void stretch(double[] v, SplittableRandom random) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double width = logUniform(random, 4, 255);
        double lo = random.nextDouble(0, 256 - width);
        double hi = lo + width;
        double scale = max > min ? (hi - lo) / (max - min) : 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (v[i] - min) * scale;
        }
    }

    /** The bilinear sample of channel ch at (sy, sx) of an lh x lw x c image, clamped at its edges. */
    static double bilinear(double[] small, int lh, int lw, int c, double sy, double sx, int ch) {
        int y0 = (int) Math.floor(sy);
        int x0 = (int) Math.floor(sx);
        double fy = sy - y0;
        double fx = sx - x0;
        double a = small[(clamp(y0, lh) * lw + clamp(x0, lw)) * c + ch];
        double b = small[(clamp(y0, lh) * lw + clamp(x0 + 1, lw)) * c + ch];
        double d = small[(clamp(y0 + 1, lh) * lw + clamp(x0, lw)) * c + ch];
        double e = small[(clamp(y0 + 1, lh) * lw + clamp(x0 + 1, lw)) * c + ch];
        return (1 - fy) * ((1 - fx) * a + fx * b) + fy * ((1 - fx) * d + fx * e);
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }
}
