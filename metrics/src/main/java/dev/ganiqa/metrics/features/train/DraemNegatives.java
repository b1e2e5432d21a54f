package dev.ganiqa.metrics.features.train;

import dev.ganiqa.datasets.Backgrounds;
import dev.ganiqa.datasets.DatasetException;
import dev.ganiqa.datasets.DatasetOptions;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.metrics.image.GaussianBlur;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Negatives made as DRAEM makes its simulated anomalies (Zavrtanik, Kristan and Skočaj, "DRAEM - A discriminatively
 * trained reconstruction embedding for surface anomaly detection", ICCV 2021, section 3.3): a real image I, an
 * anomaly source image A and a smooth random mask M (there Perlin noise thresholded; here uniform noise blurred at a
 * sigma of 1.5..4 px and thresholded at the quantile that leaves a random coverage of 15% to 100% of the frame),
 * blended with an opacity beta: {@code (1 - M) I + M ((1 - beta) I + beta A)}, beta uniform in 0.3..1 (DRAEM draws
 * 0.1..1; below 0.3 a real garment barely changes, and a garment with a faint print is still a garment), or in
 * 0.5..1 for the strong variant (measured: at 0.3..1 the rejection class took 11% of real bags and shirts, whose
 * prints look like a faint blend).
 *
 * <p>DRAEM's anomaly source is a texture dataset (DTD). Here half of the sources are the full-frame kinds of
 * {@link RejectionImages} (textures), half are images of another dataset, the emoji of this project's colour
 * benchmark in gray at the data's size, inverted onto the data's dark background: drawn objects with outlines and
 * parts, the outlier exposure with real auxiliary images of Hendrycks, Mazeika and Dietterich (ICLR 2019). No image
 * of the held-out or final families of the out-of-distribution check is a source. The emoji must be installed
 * ({@code scripts/install-emoji.sh}); the recipe is for dark-background data, since on emoji itself the source
 * would be the data ({@link Negatives#requireFor} refuses light data once per training set).
 *
 * <p>Measured, and the reason for the objects-only variant: with textures among the sources the class learned that
 * a garment with noise on part of it is not a garment, against the project's rule that a noisy garment is a
 * degraded garment (at Gaussian noise of sigma 16 on real images, 63% to 88% counted out, against v8's 18%). The
 * objects-only variant blends emoji only, at opacity 0.5..1; measured, it counted 67% out all the same: blending
 * anything into part of a garment teaches that a locally inconsistent garment is not one (BENCHMARKS.md, "DRAEM
 * negatives"). None of these recipes is shipped.
 *
 * <p>The self-blend variant ({@link Negatives#DRAEM_SELF}) takes a third of its sources from the garment itself, moved:
 * shifted 2 to 7 pixels in a random direction, scaled by 0.85 to 1.15 about the centre and its brightness multiplied
 * by 0.7 to 1.3 (bilinear; the background outside the frame), the other two thirds as {@link Negatives#DRAEM_STRONG}
 * (emoji, textures). Self-blended images (Shiohara and Yamasaki, "Detecting Deepfakes with Self-Blended Images",
 * CVPR 2022) are blends of an image with a slightly transformed copy of itself: their artefacts are those of any
 * blend (boundaries, doubled structure) without the source's own content, which is why detectors trained on them
 * generalise to manipulations they never saw. The held-out double exposure blends two different garments; no image
 * of the held-out or final families is made this way.
 *
 * <p>A blend that changes the image by less than {@value #MIN_CHANGE} gray levels on average (a mask over the
 * background, a source as dark as it) is drawn again, up to 20 times; the last draw is kept if none qualifies.
 * Image {@code i} is a function of the real images, the emoji and {@code (seed, i)} alone.
 */
final class DraemNegatives {
    static final double MIN_OPACITY = 0.3;
    static final double MIN_OPACITY_STRONG = 0.5;
    static final double MIN_COVERAGE = 0.15;
    static final double MIN_CHANGE = 8;
    private static final int TRIES = 20;
    private static final Map<ImageShape, ImageDataset> SOURCES = new ConcurrentHashMap<>();

    private DraemNegatives() {
    }

    /** Where a recipe's anomaly sources come from. */
    enum Sources {
        /** Emoji for even indices, textures for odd ones. */
        EMOJI_AND_TEXTURES,
        /** Emoji only. */
        EMOJI,
        /** Emoji, textures and the garment itself moved, by index modulo 3. */
        EMOJI_TEXTURES_AND_SELF
    }

    static final double MIN_SHIFT = 2;
    static final double MAX_SHIFT = 7;
    static final double MAX_SCALE_CHANGE = 0.15;
    static final double MAX_GAIN_CHANGE = 0.3;

    /**
     * Image {@code index}: the blend's opacity in {@code minOpacity..1}, its source from {@code sources} (one draw
     * of the source per try, so garment, mask and opacity of the two-source recipes stay as they were).
     */
    static byte[] image(ImageDataset real, long seed, int index, double minOpacity, Sources sources) {
        ImageShape s = real.shape();
        ImageDataset emoji = source(s);
        SplittableRandom random = new SplittableRandom(seed * 0xD1B54A32D192ED03L + 0x8CB92BA72F3D8DD7L * (index + 1L));
        byte[] garment = real.image(random.nextInt(real.size()));
        double[] out = new double[garment.length];
        for (int t = 1; ; t++) {
            double[] anomaly;
            int kind = switch (sources) {
                case EMOJI_AND_TEXTURES -> index % 2;
                case EMOJI -> 0;
                case EMOJI_TEXTURES_AND_SELF -> index % 3;
            };
            if (kind == 2) {
                anomaly = moved(s, garment, random);
            } else {
                byte[] a = kind == 0 ? emoji.image(random.nextInt(emoji.size()))
                        : RejectionImages.image(s, seed ^ 0x5DEECE66DL, random.nextInt(Integer.MAX_VALUE));
                anomaly = new double[a.length];
                for (int p = 0; p < a.length; p++) {
                    anomaly[p] = a[p] & 0xFF;
                }
            }
            double[] mask = mask(s, random);
            double beta = random.nextDouble(minOpacity, 1);
            double change = 0;
            int c = s.channels();
            for (int p = 0; p < out.length; p++) {
                double g = garment[p] & 0xFF;
                double m = mask[p / c] * beta;
                out[p] = Math.max(0, Math.min(255, Math.round((1 - m) * g + m * anomaly[p])));
                change += Math.abs(out[p] - g);
            }
            if (change / out.length >= MIN_CHANGE || t == TRIES) {
                byte[] b = new byte[out.length];
                for (int p = 0; p < b.length; p++) {
                    b[p] = (byte) out[p];
                }
                return b;
            }
        }
    }

    /**
     * The garment shifted by {@link #MIN_SHIFT}..{@link #MAX_SHIFT} pixels in a random direction, scaled about the
     * centre by 1 +- {@link #MAX_SCALE_CHANGE} and its values multiplied by 1 +- {@link #MAX_GAIN_CHANGE}; bilinear,
     * the background (0) where the source falls outside the frame.
     */
    static double[] moved(ImageShape s, byte[] garment, SplittableRandom random) {
        int h = s.height();
        int w = s.width();
        int c = s.channels();
        double angle = random.nextDouble(0, 2 * Math.PI);
        double shift = random.nextDouble(MIN_SHIFT, MAX_SHIFT);
        double dx = shift * Math.cos(angle);
        double dy = shift * Math.sin(angle);
        double scale = random.nextDouble(1 - MAX_SCALE_CHANGE, 1 + MAX_SCALE_CHANGE);
        double gain = random.nextDouble(1 - MAX_GAIN_CHANGE, 1 + MAX_GAIN_CHANGE);
        double[] values = new double[garment.length];
        for (int p = 0; p < values.length; p++) {
            values[p] = garment[p] & 0xFF;
        }
        double[] out = new double[garment.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // Inverse map of pixel centres: out(x) = in((x - centre - d) / scale + centre).
                double sx = (x + 0.5 - w / 2.0 - dx) / scale + w / 2.0 - 0.5;
                double sy = (y + 0.5 - h / 2.0 - dy) / scale + h / 2.0 - 0.5;
                if (sx < 0 || sy < 0 || sx > w - 1 || sy > h - 1) {
                    continue;
                }
                for (int ch = 0; ch < c; ch++) {
                    out[(y * w + x) * c + ch] = Math.min(255,
                            gain * RejectionImages.bilinear(values, h, w, c, sy, sx, ch));
                }
            }
        }
        return out;
    }

    /** A 0/1 mask of h x w: blurred uniform noise over its (1 - coverage) quantile. */
    static double[] mask(ImageShape s, SplittableRandom random) {
        int h = s.height();
        int w = s.width();
        double[] noise = new double[h * w];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextDouble();
        }
        double[] smooth = GaussianBlur.apply(noise, h, w, 1, random.nextDouble(1.5, 4.0));
        double coverage = random.nextDouble(MIN_COVERAGE, 1);
        double[] sorted = smooth.clone();
        java.util.Arrays.sort(sorted);
        double cut = sorted[(int) Math.min(sorted.length - 1, Math.floor((1 - coverage) * sorted.length))];
        double[] mask = new double[h * w];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = smooth[i] >= cut ? 1 : 0;
        }
        return mask;
    }

    /** The emoji's training split at {@code shape}, inverted onto a dark background; read once per shape. */
    static ImageDataset source(ImageShape shape) {
        return SOURCES.computeIfAbsent(shape, s -> {
            try {
                ImageDataset e = Datasets.open("emoji", DatasetOptions.defaults().withTarget(s)).open(Split.TRAIN);
                return Backgrounds.inverted(e);
            } catch (DatasetException e) {
                throw new IllegalArgumentException("the draem negatives read the emoji images: " + e.getMessage(), e);
            }
        });
    }
}
