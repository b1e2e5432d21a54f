package dev.ganiqa.metrics.image;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.metrics.stats.CircularWasserstein;
import dev.ganiqa.metrics.stats.Wasserstein1;

/**
 * The two signed measures that decide the study's "sharper and less noisy" claim, each a whole per-image
 * distribution compared with the real images' as a signed 1-Wasserstein distance ({@link Wasserstein1#signed}):
 * <ul>
 * <li>sharpness: per-image Tenengrad (mean squared 3x3 Sobel gradient, as OpenCV computes it); a blurred set lies
 * below the real one (negative), an over-sharpened one above;</li>
 * <li>noise: per-image {@link BackgroundNoise} where the real images have a flat background, else per-image
 * Immerkaer sigma; a set with noise where real images are clean lies above (positive);</li>
 * <li>chroma (colour sets only): per-image {@link BackgroundNoise#chroma} (Immerkaer on the Cb and Cr planes where
 * the real images are flat), else the whole-image chroma noise; a set with colour noise lies above. NaN for gray
 * sets, which have no chroma.</li>
 * <li>saturation (colour sets only): per-image mean HSV saturation ({@link Measure#SATURATION}, OpenCV's 8-bit
 * RGB2HSV); a washed-out set lies below, an over-saturated one above;</li>
 * <li>hue (colour sets only, unsigned): the circular 1-Wasserstein distance ({@link CircularWasserstein}) between
 * the set's and the real images' hue histograms, pooled over every pixel of saturation and value at least 0.2 (hue
 * is unstable below), in degrees: 0 for the same palette, 180 for two single hues opposite on the hue circle.</li>
 * </ul>
 * Signed, so "blurrier" and "sharper" (and "noisier" and "cleaner") are told apart, which a distance to the real row
 * cannot do: on Fashion-MNIST a set of pure noise and a blurred DCGAN set were both 38% from real on the Laplacian
 * variance. Fitted once on the real reference set.
 */
public final class PrimaryMeasures {
    private final double[] realSharpness;
    private final double[] realImmerkaer;
    private final BackgroundNoise background;
    private final double[] realBackground;
    private final double[] realChroma;
    private final double[] realBackgroundChroma;
    private final double[] realSaturation;
    private final long[] realHues;

    /**
     * The shifts of one set, with the names of the noise measures that were used; chroma, saturation and hue NaN
     * for gray sets (and hue NaN when either set has no coloured pixel).
     */
    public record Shifts(double sharpness, double noise, String noiseMeasure, double chroma, String chromaMeasure,
                         double saturation, double hue) {
    }

    private PrimaryMeasures(double[] realSharpness, double[] realImmerkaer, BackgroundNoise background,
                            double[] realBackground, double[] realChroma, double[] realBackgroundChroma,
                            double[] realSaturation, long[] realHues) {
        this.realSharpness = realSharpness;
        this.realImmerkaer = realImmerkaer;
        this.background = background;
        this.realBackground = realBackground;
        this.realChroma = realChroma;
        this.realBackgroundChroma = realBackgroundChroma;
        this.realSaturation = realSaturation;
        this.realHues = realHues;
    }

    /** Fits on {@code real}, whose per-image measures are {@code measures}. */
    public static PrimaryMeasures fit(ImageDataset real, DatasetMeasurement.Result measures) {
        BackgroundNoise bg = BackgroundNoise.fit(real).orElse(null);
        return new PrimaryMeasures(measures.values(Measure.TENENGRAD), measures.values(Measure.IMMERKAER_SIGMA), bg,
                bg == null ? null : bg.measure(real), finite(measures.values(Measure.CHROMA_NOISE)),
                bg == null || !bg.hasChroma() ? null : bg.chroma(real), finite(measures.values(Measure.SATURATION)),
                real.shape().channels() >= 3 ? hues(real) : null);
    }

    /** The hue histogram (180 bins of 2 degrees) of every coloured pixel of {@code set} ({@link Hsv#addHues}). */
    public static long[] hues(ImageDataset set) {
        long[] histogram = new long[Hsv.HUES];
        int pixels = set.shape().pixels();
        for (int i = 0; i < set.size(); i++) {
            Hsv.addHues(set.image(i), pixels, set.shape().channels(), histogram);
        }
        return histogram;
    }

    /** The circular 1-Wasserstein distance in degrees between two hue histograms; NaN when either is empty. */
    public static double hueDistance(long[] a, long[] b) {
        boolean empty = java.util.Arrays.stream(a).sum() == 0 || java.util.Arrays.stream(b).sum() == 0;
        return empty ? Double.NaN : CircularWasserstein.distance(a, b, 360.0 / Hsv.HUES);
    }

    /** The finite values (chroma noise is missing, not a number, for gray images). */
    private static double[] finite(double[] values) {
        return java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    /** The chroma measure for sets of {@code shape}: "background chroma noise", "chroma_noise", or null (gray). */
    public String chromaMeasure(dev.ganiqa.datasets.ImageShape shape) {
        if (shape.channels() < 3) {
            return null;
        }
        return realBackgroundChroma != null && background.shape().equals(shape) ? "background chroma noise"
                : realChroma.length > 0 ? Measure.CHROMA_NOISE.column() : null;
    }

    /** The noise measure for sets of {@code shape}: "background noise", or "immerkaer_sigma" without a background. */
    public String noiseMeasure(dev.ganiqa.datasets.ImageShape shape) {
        return background != null && background.shape().equals(shape) ? "background noise"
                : Measure.IMMERKAER_SIGMA.column();
    }

    /** The shifts of {@code set}, whose per-image measures are {@code measures}. */
    public Shifts of(ImageDataset set, DatasetMeasurement.Result measures) {
        double sharpness = Wasserstein1.signed(measures.values(Measure.TENENGRAD), realSharpness);
        String noiseMeasure = noiseMeasure(set.shape());
        double noise = background != null && background.shape().equals(set.shape())
                ? Wasserstein1.signed(background.measure(set), realBackground)
                : Wasserstein1.signed(measures.values(Measure.IMMERKAER_SIGMA), realImmerkaer);
        String chromaMeasure = chromaMeasure(set.shape());
        double chroma = chromaMeasure == null ? Double.NaN
                : realBackgroundChroma != null && background.shape().equals(set.shape())
                ? Wasserstein1.signed(background.chroma(set), realBackgroundChroma)
                : Wasserstein1.signed(finite(measures.values(Measure.CHROMA_NOISE)), realChroma);
        boolean colour = set.shape().channels() >= 3 && realHues != null;
        double[] saturation = colour ? finite(measures.values(Measure.SATURATION)) : new double[0];
        double saturationShift = saturation.length > 0 && realSaturation.length > 0
                ? Wasserstein1.signed(saturation, realSaturation) : Double.NaN;
        double hue = colour ? hueDistance(hues(set), realHues) : Double.NaN;
        return new Shifts(sharpness, noise, noiseMeasure, chroma, chromaMeasure, saturationShift, hue);
    }
}
