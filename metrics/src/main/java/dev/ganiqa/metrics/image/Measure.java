package dev.ganiqa.metrics.image;

import java.util.Locale;

/** The per-image measures, in the column order of the per-image CSV. */
public enum Measure {
    /** Population variance of the 3x3 Laplacian, as {@code cv2.Laplacian(Y, cv2.CV_64F).var()}. */
    LAPLACIAN_VAR,
    /** Mean of Gx^2 + Gy^2 with 3x3 Sobel kernels, as {@code cv2.Sobel(Y, cv2.CV_64F, ..., ksize=3)}. */
    TENENGRAD,
    /** Immerkaer (1996) fast noise standard deviation. */
    IMMERKAER_SIGMA,
    /** Donoho-Johnstone MAD noise estimate on db2 HH coefficients, as skimage {@code estimate_sigma}. */
    WAVELET_SIGMA,
    /** Immerkaer estimate on the BT.601 Cb and Cr planes, averaged (RGB only). */
    CHROMA_NOISE,
    /**
     * Share of the mean-removed power spectrum above half the Nyquist radius (ganiqa's definition, after Durall et al.
     * CVPR 2020 and De and Masilamani 2013; see {@code SpectralRatio}).
     */
    HF_ENERGY_RATIO,
    /** Mean HSV saturation (0..255) of OpenCV's 8-bit {@code cvtColor(..., COLOR_RGB2HSV)} (RGB only; {@link Hsv}). */
    SATURATION;

    /** The CSV/JSON column name, e.g. {@code laplacian_var}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
