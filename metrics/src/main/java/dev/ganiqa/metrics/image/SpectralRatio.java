package dev.ganiqa.metrics.image;

/**
 * High-frequency energy ratio: with P = |DFT2(Y - mean Y)|^2 (no window: a rectangular window over the whole
 * image, periodic boundary as the DFT implies), the share of sum P in the bins whose normalised radius
 * sqrt((kx/W)^2 + (ky/H)^2), kx and ky the signed frequency indices (numpy {@code fftfreq} times N), exceeds
 * 0.25 cycles/pixel, half the Nyquist frequency 0.5. Corners beyond the Nyquist circle count as high. The
 * comparison is done in integers, 16 (kx^2 H^2 + ky^2 W^2) > H^2 W^2, so bins on the circle are classified
 * identically everywhere.
 *
 * <p>Source: the measure is ganiqa's own summary of a spectrum, with no reference implementation to match; the
 * motivation is the spectral analysis of generated images, whose up-sampling layers leave too much or too little
 * energy at high frequencies (Durall, Keuper and Keuper, "Watch your Up-Convolution", CVPR 2020: azimuthally
 * averaged power spectra; Dzanic, Shah and Witherden, "Fourier spectrum discrepancies in deep network generated
 * images", NeurIPS 2020: decay of the high-frequency spectrum), and the frequency-domain sharpness measure of De
 * and Masilamani ("Image sharpness measure for blurred images in frequency domain", Procedia Engineering 64, 2013:
 * the share of Fourier components above a threshold). The test checks it against numpy's {@code fft2} with the
 * same definition (resources/references, make_references.py).
 *
 * <p>The input is real, so P(ky, W - kx) = P(H - ky, kx): only columns kx = 0..W/2 are transformed and the
 * inner ones counted twice. Memory: that half spectrum, (W/2 + 1) x H complex doubles, about 8 bytes per pixel
 * (the largest working array of all measures; a 2-D FFT needs every row's transform before any column's). Sides up to {@link #DIRECT_MAX} use a direct DFT from a twiddle table (cheaper
 * than Bluestein at 28), longer ones {@link Fft}. Not thread-safe (cached tables); one instance per thread.
 */
final class SpectralRatio {
    static final int MIN_SIDE = 4;
    static final int DIRECT_MAX = 64;
    private Transform rows;
    private Transform cols;

    /** Returns the ratio, or NaN for a flat image (no spectral energy at all). */
    double ratio(byte[] plane, int h, int w) {
        if (rows == null || rows.n != w) {
            rows = new Transform(w);
        }
        if (cols == null || cols.n != h) {
            cols = new Transform(h);
        }
        long sum = 0;
        for (byte v : plane) {
            sum += v & 0xFF;
        }
        // Exact: the sum of 8-bit values is an integer below 2^53, as numpy's float64 sum of them is.
        double mean = (double) sum / plane.length;
        int half = w / 2 + 1;
        double[] specRe = new double[half * h];
        double[] specIm = new double[half * h];
        double[] re = new double[w];
        double[] im = new double[w];
        int row = 0;
        if (rows.fft != null) {
            // Two real rows per complex transform, z = a + i b: A[k] = (Z[k] + conj Z[-k]) / 2 and
            // B[k] = (Z[k] - conj Z[-k]) / 2i (Press et al., Numerical Recipes, 12.3), half the row transforms.
            for (; row + 1 < h; row += 2) {
                for (int c = 0; c < w; c++) {
                    re[c] = (plane[row * w + c] & 0xFF) - mean;
                    im[c] = (plane[(row + 1) * w + c] & 0xFF) - mean;
                }
                rows.transform(re, im, w, false);
                for (int k = 0; k < half; k++) {
                    int nk = k == 0 ? 0 : w - k;
                    double zr = re[k];
                    double zi = im[k];
                    double cr = re[nk];
                    double ci = -im[nk];
                    specRe[k * h + row] = (zr + cr) / 2;
                    specIm[k * h + row] = (zi + ci) / 2;
                    specRe[k * h + row + 1] = (zi - ci) / 2;
                    specIm[k * h + row + 1] = -(zr - cr) / 2;
                }
            }
        }
        for (; row < h; row++) {
            for (int c = 0; c < w; c++) {
                re[c] = (plane[row * w + c] & 0xFF) - mean;
                im[c] = 0;
            }
            rows.transform(re, im, half, true);
            for (int k = 0; k < half; k++) {
                specRe[k * h + row] = re[k];
                specIm[k * h + row] = im[k];
            }
        }
        double[] colRe = new double[h];
        double[] colIm = new double[h];
        long hh = (long) h * h;
        long ww = (long) w * w;
        double total = 0;
        double high = 0;
        for (int kx = 0; kx < half; kx++) {
            System.arraycopy(specRe, kx * h, colRe, 0, h);
            System.arraycopy(specIm, kx * h, colIm, 0, h);
            cols.transform(colRe, colIm, h, false);
            double weight = kx == 0 || 2 * kx == w ? 1 : 2;
            long kx2 = (long) kx * kx;
            double colTotal = 0;
            double colHigh = 0;
            for (int r = 0; r < h; r++) {
                double p = colRe[r] * colRe[r] + colIm[r] * colIm[r];
                colTotal += p;
                long ky = Math.min(r, h - r);
                if (16 * (kx2 * hh + ky * ky * ww) > hh * ww) {
                    colHigh += p;
                }
            }
            total += weight * colTotal;
            high += weight * colHigh;
        }
        return total == 0 ? Double.NaN : high / total;
    }

    /** A forward DFT of one length: direct from an n x n twiddle matrix when short, {@link Fft} otherwise. */
    private static final class Transform {
        final int n;
        final Fft fft;
        private final double[] cos;
        private final double[] sin;
        private final double[] outRe;
        private final double[] outIm;

        Transform(int n) {
            this.n = n;
            if (n > DIRECT_MAX) {
                fft = new Fft(n);
                cos = sin = outRe = outIm = null;
                return;
            }
            fft = null;
            cos = new double[n * n];
            sin = new double[n * n];
            for (int k = 0; k < n; k++) {
                for (int t = 0; t < n; t++) {
                    int idx = (int) ((long) k * t % n);
                    cos[k * n + t] = Math.cos(-2 * Math.PI * idx / n);
                    sin[k * n + t] = Math.sin(-2 * Math.PI * idx / n);
                }
            }
            outRe = new double[n];
            outIm = new double[n];
        }

        /**
         * Transforms re/im in place; with a direct DFT only the first {@code needed} outputs are computed, and
         * {@code realInput} skips the zero imaginary part.
         */
        void transform(double[] re, double[] im, int needed, boolean realInput) {
            if (fft != null) {
                fft.transform(re, im);
                return;
            }
            for (int k = 0; k < needed; k++) {
                int row = k * n;
                double sr = 0;
                double si = 0;
                if (realInput) {
                    for (int t = 0; t < n; t++) {
                        sr += re[t] * cos[row + t];
                        si += re[t] * sin[row + t];
                    }
                } else {
                    for (int t = 0; t < n; t++) {
                        double c = cos[row + t];
                        double s = sin[row + t];
                        sr += re[t] * c - im[t] * s;
                        si += re[t] * s + im[t] * c;
                    }
                }
                outRe[k] = sr;
                outIm[k] = si;
            }
            System.arraycopy(outRe, 0, re, 0, needed);
            System.arraycopy(outIm, 0, im, 0, needed);
        }
    }
}
