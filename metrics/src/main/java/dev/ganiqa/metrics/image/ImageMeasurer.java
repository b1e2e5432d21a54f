package dev.ganiqa.metrics.image;

import dev.ganiqa.datasets.ImageShape;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.Map;

/**
 * Computes every {@link Measure} of one image given as HWC uint8 bytes and its {@link ImageShape}. Measures
 * that an image is too small (or too flat, or too gray) for come back as {@link MeasureValue#missing} with
 * the reason. Keeps per-size FFT tables, so it is not thread-safe: use one instance per thread.
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

    public ImageMeasures measure(byte[] hwc, ImageShape shape) {
        ImageMeasures all = measureSelected(hwc, shape);
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

    private ImageMeasures measureSelected(byte[] hwc, ImageShape shape) {
        int h = shape.height();
        int w = shape.width();
        double[] y = Planes.luma(hwc, shape);
        Map<Measure, MeasureValue> values = new EnumMap<>(Measure.class);
        boolean stencil = h >= MIN_STENCIL_SIDE && w >= MIN_STENCIL_SIDE;
        String small = "image " + h + "x" + w + " is smaller than ";
        MeasureValue skip = MeasureValue.missing("not requested");
        if (stencil) {
            values.put(Measure.LAPLACIAN_VAR, wanted.contains(Measure.LAPLACIAN_VAR)
                    ? MeasureValue.of(SpatialMeasures.laplacianVariance(y, h, w)) : skip);
            values.put(Measure.TENENGRAD, wanted.contains(Measure.TENENGRAD)
                    ? MeasureValue.of(SpatialMeasures.tenengrad(SpatialMeasures.padReflect101(y, h, w), h, w)) : skip);
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
            double[][] cbcr = Planes.chroma(hwc, shape);
            double cb = SpatialMeasures.immerkaer(cbcr[0], h, w);
            double cr = SpatialMeasures.immerkaer(cbcr[1], h, w);
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
        return new ImageMeasures(shape, values);
    }
}
