package dev.ganiqa.metrics.image;

import dev.ganiqa.datasets.DecodedImage;
import dev.ganiqa.datasets.ImageShape;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.Map;

/**
 * Computes every {@link Measure} of one image at its own size: a {@link DecodedImage} as decoded from its file,
 * or HWC uint8 bytes with an {@link ImageShape}. Measures that an image is too small (or too flat, or too gray)
 * for come back as {@link MeasureValue#missing} with the reason. Keeps per-size FFT tables, so it is not
 * thread-safe: use one instance per thread.
 *
 * <p>What is measured, as {@code cv2.imread(file, IMREAD_COLOR)} then {@code cvtColor(..., COLOR_BGR2GRAY)}
 * would see it: colour images through OpenCV's fixed-point 8-bit gray ({@link Planes}); gray images (gray or
 * gray + alpha files) as they are, and without chroma noise (the channel count is that of
 * {@code IMREAD_UNCHANGED}). Alpha is dropped, not composited: {@code IMREAD_COLOR} strips it the same way, and
 * a measure of sharpness or noise describes the stored colours, whatever background a viewer would put behind
 * them. (Training reads composite on black instead, see the datasets Preprocessing.) The measured shape, in
 * {@link ImageMeasures#shape()}, therefore has 1 or 3 channels.
 */
public final class ImageMeasurer {
    /** Smallest side for the 3x3 stencils (Laplacian, Sobel, Immerkaer interior). */
    public static final int MIN_STENCIL_SIDE = 3;

    private final SpectralRatio spectral = new SpectralRatio();
    private final Set<Measure> wanted;

    /** Computes every measure. */
    public ImageMeasurer() {
        this(EnumSet.allOf(Measure.class));
    }

    /** Computes only {@code measures}; the others come back missing with the reason "not requested". */
    public ImageMeasurer(Set<Measure> measures) {
        this.wanted = EnumSet.copyOf(measures);
    }

    /**
     * Bytes of memory measuring an image of {@code height x width x channels} (as decoded, alpha included) may
     * hold at once, its decoded samples included: the samples, the 8-bit gray plane (colour only) and the
     * largest working array, the FFT's half spectrum (8 bytes per pixel; the wavelet pass needs 6, chroma noise
     * three rows), plus per-side tables. For budgeting concurrent measurements.
     */
    public static long workingBytes(int height, int width, int channels) {
        long pixels = (long) height * width;
        return pixels * (channels + (channels > 2 ? 1 : 0) + 8) + 64L * (height + width) + 4096;
    }

    /** The measures of a decoded image at its own size (alpha dropped, see the class comment). */
    public ImageMeasures measure(DecodedImage image) {
        int colour = image.isGray() ? 1 : 3;
        return measure(image.samples(), new ImageShape(image.height(), image.width(), colour), image.channels());
    }

    public ImageMeasures measure(byte[] hwc, ImageShape shape) {
        if (hwc.length != shape.values()) {
            throw new IllegalArgumentException("expected " + shape.values() + " bytes for a " + shape
                    + " image, found " + hwc.length);
        }
        return measure(hwc, shape, shape.channels());
    }

    /** {@code samples} interleaved with {@code stride} channels per pixel; {@code shape} is what is measured. */
    private ImageMeasures measure(byte[] samples, ImageShape shape, int stride) {
        ImageMeasures all = measureSelected(samples, shape, stride);
        if (wanted.size() == Measure.values().length) {
            return all;
        }
        Map<Measure, MeasureValue> values = new EnumMap<>(all.values());
        for (Measure m : Measure.values()) {
            if (!wanted.contains(m)) {
                values.put(m, MeasureValue.missing("not requested"));
            }
        }
        return new ImageMeasures(shape, values);
    }

    private ImageMeasures measureSelected(byte[] hwc, ImageShape shape, int stride) {
        int h = shape.height();
        int w = shape.width();
        byte[] y = Planes.gray(hwc, shape.pixels(), stride);
        Map<Measure, MeasureValue> values = new EnumMap<>(Measure.class);
        boolean stencil = h >= MIN_STENCIL_SIDE && w >= MIN_STENCIL_SIDE;
        String small = "image " + h + "x" + w + " is smaller than ";
        MeasureValue skip = MeasureValue.missing("not requested");
        if (stencil) {
            values.put(Measure.LAPLACIAN_VAR, wanted.contains(Measure.LAPLACIAN_VAR)
                    ? MeasureValue.of(SpatialMeasures.laplacianVariance(y, h, w)) : skip);
            values.put(Measure.TENENGRAD, wanted.contains(Measure.TENENGRAD)
                    ? MeasureValue.of(SpatialMeasures.tenengrad(y, h, w)) : skip);
            values.put(Measure.IMMERKAER_SIGMA, wanted.contains(Measure.IMMERKAER_SIGMA)
                    ? MeasureValue.of(SpatialMeasures.immerkaer(y, h, w)) : skip);
        } else {
            MeasureValue missing = MeasureValue.missing(small + "the 3x3 stencil");
            values.put(Measure.LAPLACIAN_VAR, missing);
            values.put(Measure.TENENGRAD, missing);
            values.put(Measure.IMMERKAER_SIGMA, missing);
        }
        if (!wanted.contains(Measure.WAVELET_SIGMA)) {
            values.put(Measure.WAVELET_SIGMA, skip);
        } else if (h >= WaveletSigma.MIN_SIDE && w >= WaveletSigma.MIN_SIDE) {
            double sigma = WaveletSigma.estimate(y, h, w);
            values.put(Measure.WAVELET_SIGMA, Double.isNaN(sigma)
                    ? MeasureValue.missing("flat image: every wavelet detail coefficient is zero")
                    : MeasureValue.of(sigma));
        } else {
            values.put(Measure.WAVELET_SIGMA, MeasureValue.missing(small + "the 4-tap db2 filter"));
        }
        if (!wanted.contains(Measure.CHROMA_NOISE)) {
            values.put(Measure.CHROMA_NOISE, skip);
        } else if (shape.channels() != 3) {
            values.put(Measure.CHROMA_NOISE, MeasureValue.missing("grayscale image has no chroma"));
        } else if (!stencil) {
            values.put(Measure.CHROMA_NOISE, MeasureValue.missing(small + "the 3x3 stencil"));
        } else {
            double cb = SpatialMeasures.immerkaer(hwc, h, w, stride, Planes.Chroma.CB);
            double cr = SpatialMeasures.immerkaer(hwc, h, w, stride, Planes.Chroma.CR);
            values.put(Measure.CHROMA_NOISE, MeasureValue.of((cb + cr) / 2.0));
        }
        if (!wanted.contains(Measure.HF_ENERGY_RATIO)) {
            values.put(Measure.HF_ENERGY_RATIO, skip);
        } else if (h >= SpectralRatio.MIN_SIDE && w >= SpectralRatio.MIN_SIDE) {
            double ratio = spectral.ratio(y, h, w);
            values.put(Measure.HF_ENERGY_RATIO, Double.isNaN(ratio)
                    ? MeasureValue.missing("flat image: no spectral energy")
                    : MeasureValue.of(ratio));
        } else {
            values.put(Measure.HF_ENERGY_RATIO, MeasureValue.missing(small + "4x4 for the spectrum"));
        }
        if (!wanted.contains(Measure.SATURATION)) {
            values.put(Measure.SATURATION, skip);
        } else if (shape.channels() != 3) {
            values.put(Measure.SATURATION, MeasureValue.missing("grayscale image has no saturation"));
        } else {
            values.put(Measure.SATURATION, MeasureValue.of(Hsv.meanSaturation(hwc, shape.pixels(), stride)));
        }
        return new ImageMeasures(shape, values);
    }
}
