package dev.ganiqa.metrics.image;

import dev.ganiqa.datasets.ImageDataset;
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

    /** The shifts of one set, with the names of the noise measures that were used; chroma NaN for gray sets. */
    public record Shifts(double sharpness, double noise, String noiseMeasure, double chroma, String chromaMeasure) {
    }

    private PrimaryMeasures(double[] realSharpness, double[] realImmerkaer, BackgroundNoise background,
                            double[] realBackground, double[] realChroma, double[] realBackgroundChroma) {
        this.realSharpness = realSharpness;
        this.realImmerkaer = realImmerkaer;
        this.background = background;
        this.realBackground = realBackground;
        this.realChroma = realChroma;
        this.realBackgroundChroma = realBackgroundChroma;
    }

    /** Fits on {@code real}, whose per-image measures are {@code measures}. */
    public static PrimaryMeasures fit(ImageDataset real, DatasetMeasurement.Result measures) {
        BackgroundNoise bg = BackgroundNoise.fit(real).orElse(null);
        return new PrimaryMeasures(measures.values(Measure.TENENGRAD), measures.values(Measure.IMMERKAER_SIGMA), bg,
                bg == null ? null : bg.measure(real), finite(measures.values(Measure.CHROMA_NOISE)),
                bg == null || !bg.hasChroma() ? null : bg.chroma(real));
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
        return new Shifts(sharpness, noise, noiseMeasure, chroma, chromaMeasure);
    }
}
