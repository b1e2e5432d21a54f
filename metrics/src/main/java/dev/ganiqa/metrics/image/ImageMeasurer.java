package dev.ganiqa.metrics.image;

import dev.ganiqa.datasets.ImageShape;
import java.util.EnumMap;
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

    public ImageMeasures measure(byte[] hwc, ImageShape shape) {
        int h = shape.height();
        int w = shape.width();
        double[] y = Planes.luma(hwc, shape);
        Map<Measure, MeasureValue> values = new EnumMap<>(Measure.class);
        boolean stencil = h >= MIN_STENCIL_SIDE && w >= MIN_STENCIL_SIDE;
        String small = "image " + h + "x" + w + " is smaller than ";
        if (stencil) {
            double[] padded = SpatialMeasures.padReflect101(y, h, w);
            values.put(Measure.LAPLACIAN_VAR, MeasureValue.of(SpatialMeasures.laplacianVariance(padded, h, w)));
            values.put(Measure.TENENGRAD, MeasureValue.of(SpatialMeasures.tenengrad(padded, h, w)));
            values.put(Measure.IMMERKAER_SIGMA, MeasureValue.of(SpatialMeasures.immerkaer(y, h, w)));
        } else {
            MeasureValue missing = MeasureValue.missing(small + "the 3x3 stencil");
            values.put(Measure.LAPLACIAN_VAR, missing);
            values.put(Measure.TENENGRAD, missing);
            values.put(Measure.IMMERKAER_SIGMA, missing);
        }
        if (h >= WaveletSigma.MIN_SIDE && w >= WaveletSigma.MIN_SIDE) {
            double sigma = WaveletSigma.estimate(y, h, w);
            values.put(Measure.WAVELET_SIGMA, Double.isNaN(sigma)
                    ? MeasureValue.missing("flat image: every wavelet detail coefficient is zero")
                    : MeasureValue.of(sigma));
        } else {
            values.put(Measure.WAVELET_SIGMA, MeasureValue.missing(small + "the 4-tap db2 filter"));
        }
        if (shape.channels() != 3) {
            values.put(Measure.CHROMA_NOISE, MeasureValue.missing("grayscale image has no chroma"));
        } else if (!stencil) {
            values.put(Measure.CHROMA_NOISE, MeasureValue.missing(small + "the 3x3 stencil"));
        } else {
            double[][] cbcr = Planes.chroma(hwc, shape);
            double cb = SpatialMeasures.immerkaer(cbcr[0], h, w);
            double cr = SpatialMeasures.immerkaer(cbcr[1], h, w);
            values.put(Measure.CHROMA_NOISE, MeasureValue.of((cb + cr) / 2.0));
        }
        if (h >= SpectralRatio.MIN_SIDE && w >= SpectralRatio.MIN_SIDE) {
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
