package dev.ganiqa.metrics.features.train;

import dev.ganiqa.datasets.ImageShape;
import java.util.SplittableRandom;

/**
 * Compositional negatives for a rejection class (outlier exposure, Hendrycks et al., ICLR 2019, with composed
 * outliers): the full-frame kinds of {@link RejectionImages} are what early GAN samples rarely look like; a generator
 * stuck in its first steps draws a texture in a region on a dark background. So half of these images are
 * {@link RejectionImages} kinds as they are, and half put one of them inside a region on a flat background:
 * <ul>
 * <li>a random convex polygon (3 to 7 vertices);</li>
 * <li>a random rotated ellipse (likewise);</li>
 * <li>two different kinds on either side of a random line.</li>
 * </ul>
 * The region's texture is any kind but a flat level. The background is black in 70% of the images (the data's own background on Fashion-MNIST), else a random flat gray.
 * The compositions are chosen to differ from the held-out families of the out-of-distribution check (frames,
 * axis-aligned boxes, Gaussian blobs, fractal noise, text, silhouettes, overlays, procedural shapes), which no
 * training code may use; whether a rejection class learned from these generalises is what that group measures.
 *
 * <p>Image {@code i} is a function of {@code (seed, i)} alone.
 */
public final class ComposedNegatives {
    static final double BLACK_BACKGROUND = 0.7;

    private ComposedNegatives() {
    }

    /**
     * Image {@code index} for {@code seed}: even indices a full-frame kind, odd ones a composition. {@code varied}
     * ({@link Negatives#VARIED}) also draws, from a random
     * source of its own (so the plain recipe's images stay as they were), the texture's contrast and brightness
     * (its range [lo, lo + span], span log-uniform in 16..255), a scale of the region (0.6 to 1.7) and, for half of
     * the images, soft region edges (the mask blurred with a sigma of 0.5 to 2 px, blended linearly).
     */
    public static byte[] image(ImageShape shape, long seed, int index, boolean varied) {
        if (index % 2 == 0) {
            return RejectionImages.image(shape, seed, index / 2);
        }
        SplittableRandom random = new SplittableRandom(seed * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL * (index + 1L));
        int h = shape.height();
        int w = shape.width();
        int c = shape.channels();
        SplittableRandom extra = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0xD1B54A32D192ED03L * (index + 1L));
        double scale = varied ? extra.nextDouble(0.6, 1.7) : 1;
        byte[] inside = RejectionImages.image(shape, seed + 1, textured(random));
        if (varied) {
            inside = rescale(inside, extra);
        }
        byte[] outside;
        boolean[] mask;
        int form = random.nextInt(3);
        if (form == 2) {
            outside = RejectionImages.image(shape, seed + 2, textured(random));
            mask = halfPlane(h, w, random);
        } else {
            outside = new byte[shape.values()];
            if (random.nextDouble() >= BLACK_BACKGROUND) {
                java.util.Arrays.fill(outside, (byte) random.nextInt(256));
            }
            mask = form == 0 ? polygon(h, w, random, scale) : ellipse(h, w, random, scale);
        }
        double[] alpha = new double[h * w];
        for (int p = 0; p < alpha.length; p++) {
            alpha[p] = mask[p] ? 1 : 0;
        }
        if (varied && extra.nextBoolean()) {
            alpha = dev.ganiqa.metrics.image.GaussianBlur.apply(alpha, h, w, 1, extra.nextDouble(0.5, 2.0));
        }
        byte[] out = new byte[shape.values()];
        for (int p = 0; p < h * w; p++) {
            for (int ch = 0; ch < c; ch++) {
                double v = alpha[p] * (inside[p * c + ch] & 0xFF) + (1 - alpha[p]) * (outside[p * c + ch] & 0xFF);
                out[p * c + ch] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        return out;
    }

    /** The texture mapped linearly into [lo, lo + span]: span log-uniform in 16..255, lo uniform below 256 - span. */
    private static byte[] rescale(byte[] texture, SplittableRandom random) {
        double span = Math.exp(random.nextDouble(Math.log(16), Math.log(255)));
        double lo = random.nextDouble(0, 256 - span);
        byte[] out = new byte[texture.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = (byte) Math.round(lo + span * (texture[p] & 0xFF) / 255.0);
        }
        return out;
    }

    /**
     * An index of a textured kind: never {@link RejectionImages.Kind#CONSTANT}, so that no composition is a flat
     * shape on a background (the held-out procedural shapes, and flat-shaded garments, would be too close).
     */
    private static int textured(SplittableRandom random) {
        int i;
        do {
            i = random.nextInt(1 << 20);
        } while (RejectionImages.kind(i) == RejectionImages.Kind.CONSTANT);
        return i;
    }

    /** A convex polygon: 3-7 vertices at sorted angles around a centre, radii 0.3-0.5 of the image. */
    static boolean[] polygon(int h, int w, SplittableRandom random, double scale) {
        int n = random.nextInt(3, 8);
        double[] angles = new double[n];
        for (int i = 0; i < n; i++) {
            angles[i] = random.nextDouble(0, 2 * Math.PI);
        }
        java.util.Arrays.sort(angles);
        double cx = random.nextDouble(0.35, 0.65) * w;
        double cy = random.nextDouble(0.35, 0.65) * h;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double r = random.nextDouble(0.3, 0.5) * Math.min(h, w) * 1.2 * scale;
            xs[i] = cx + r * Math.cos(angles[i]);
            ys[i] = cy + r * Math.sin(angles[i]);
        }
        boolean[] mask = new boolean[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                mask[y * w + x] = inside(xs, ys, x + 0.5, y + 0.5);
            }
        }
        return mask;
    }

    /** Even-odd rule: whether (px, py) is inside the polygon. */
    private static boolean inside(double[] xs, double[] ys, double px, double py) {
        boolean in = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > py) != (ys[j] > py) && px < (xs[j] - xs[i]) * (py - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                in = !in;
            }
        }
        return in;
    }

    static boolean[] ellipse(int h, int w, SplittableRandom random, double scale) {
        double cx = random.nextDouble(0.3, 0.7) * w;
        double cy = random.nextDouble(0.3, 0.7) * h;
        double a = random.nextDouble(0.25, 0.55) * w * scale;
        double b = random.nextDouble(0.25, 0.55) * h * scale;
        double t = random.nextDouble(0, Math.PI);
        double cos = Math.cos(t);
        double sin = Math.sin(t);
        boolean[] mask = new boolean[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                double u = (dx * cos + dy * sin) / a;
                double v = (-dx * sin + dy * cos) / b;
                mask[y * w + x] = u * u + v * v <= 1;
            }
        }
        return mask;
    }

    private static boolean[] halfPlane(int h, int w, SplittableRandom random) {
        double t = random.nextDouble(0, 2 * Math.PI);
        double cx = random.nextDouble(0.25, 0.75) * w;
        double cy = random.nextDouble(0.25, 0.75) * h;
        boolean[] mask = new boolean[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                mask[y * w + x] = (x + 0.5 - cx) * Math.cos(t) + (y + 0.5 - cy) * Math.sin(t) > 0;
            }
        }
        return mask;
    }
}
