package dev.ganiqa.metrics.image;

/**
 * High-frequency energy ratio: with P = |DFT2(Y - mean Y)|^2 (no window: a rectangular window over the whole
 * image, periodic boundary as the DFT implies), the share of sum P in the bins whose normalised radius
 * sqrt((kx/W)^2 + (ky/H)^2), kx and ky the signed frequency indices (numpy {@code fftfreq} times N), exceeds
 * 0.25 cycles/pixel, half the Nyquist frequency 0.5. Corners beyond the Nyquist circle count as high. The
 * comparison is done in integers, 16 (kx^2 H^2 + ky^2 W^2) > H^2 W^2, so bins on the circle are classified
 * identically everywhere. Not thread-safe (cached FFTs); use one instance per thread.
 */
final class SpectralRatio {
    static final int MIN_SIDE = 4;
    private Fft rowFft;
    private Fft colFft;

    /** Returns the ratio, or NaN for a flat image (no spectral energy at all). */
    double ratio(double[] plane, int h, int w) {
        if (rowFft == null || rowFft.length() != w) {
            rowFft = new Fft(w);
        }
        if (colFft == null || colFft.length() != h) {
            colFft = new Fft(h);
        }
        double mean = 0;
        for (double v : plane) {
            mean += v;
        }
        mean /= plane.length;
        double[] re = new double[h * w];
        double[] im = new double[h * w];
        double[] rowRe = new double[w];
        double[] rowIm = new double[w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                rowRe[c] = plane[r * w + c] - mean;
            }
            java.util.Arrays.fill(rowIm, 0);
            rowFft.transform(rowRe, rowIm);
            System.arraycopy(rowRe, 0, re, r * w, w);
            System.arraycopy(rowIm, 0, im, r * w, w);
        }
        double[] colRe = new double[h];
        double[] colIm = new double[h];
        long hh = (long) h * h;
        long ww = (long) w * w;
        double total = 0;
        double high = 0;
        for (int c = 0; c < w; c++) {
            for (int r = 0; r < h; r++) {
                colRe[r] = re[r * w + c];
                colIm[r] = im[r * w + c];
            }
            colFft.transform(colRe, colIm);
            long kx = Math.min(c, w - c);
            for (int r = 0; r < h; r++) {
                double p = colRe[r] * colRe[r] + colIm[r] * colIm[r];
                total += p;
                long ky = Math.min(r, h - r);
                if (16 * (kx * kx * hh + ky * ky * ww) > hh * ww) {
                    high += p;
                }
            }
        }
        return total == 0 ? Double.NaN : high / total;
    }
}
