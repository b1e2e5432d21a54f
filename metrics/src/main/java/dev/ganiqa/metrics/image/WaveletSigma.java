package dev.ganiqa.metrics.image;

/**
 * The noise estimate of scikit-image {@code restoration.estimate_sigma} on a 2-D image (Donoho and Johnstone,
 * "Ideal spatial adaptation by wavelet shrinkage", Biometrika 81(3), 1994, section 4.2):
 * sigma = median(|HH|) / 0.6744897501960817, over the non-zero finest diagonal detail coefficients HH of a
 * single-level db2 transform ({@code pywt.dwtn(image, 'db2')['dd']}, mode 'symmetric').
 *
 * <p>Why the summation order matters: estimate_sigma drops coefficients that are exactly zero, and on 8-bit
 * images many HH coefficients are zero only up to rounding. Whether a coefficient comes out as 0.0 or as
 * 1e-15 depends on the order of the filter-tap sums, and a different order changes the median (by up to 80%
 * on Fashion-MNIST). This class therefore accumulates taps in the order of PyWavelets'
 * {@code downsampling_convolution} (pywt/_extensions/c/convolution.template.c): one running sum from 0.0,
 * plain multiply then add (no fused multiply-add), taps ascending in the left overhang and centre, and in the
 * right overhang first the mirrored taps in descending filter index, then the in-range taps ascending.
 * dwtn transforms axis 0 (columns) first, then axis 1.
 */
final class WaveletSigma {
    /** db2 decomposition high-pass filter, the doubles of {@code pywt.Wavelet('db2').dec_hi}. */
    private static final double[] DEC_HI = {
        -0.48296291314453416, 0.8365163037378079, -0.2241438680420134, -0.12940952255126037};
    private static final int F = DEC_HI.length;
    /** scipy.stats.norm.ppf(0.75), the MAD-to-sigma factor for Gaussian noise. */
    static final double NORM_PPF_075 = 0.6744897501960817;
    /** Shortest side the transform accepts: the filter must fit the signal (PyWavelets' N >= F branch). */
    static final int MIN_SIDE = F;

    private WaveletSigma() {
    }

    /** Output length of one symmetric-mode dwt level: floor((N + F - 1) / 2). */
    static int outLength(int n) {
        return (n + F - 1) / 2;
    }

    /**
     * Returns sigma, or NaN when every HH coefficient is exactly zero (a flat image: numpy's median of an
     * empty array). Requires both sides at least {@link #MIN_SIDE}. Memory: the column pass (H/2 x W doubles)
     * and the |HH| values (H/2 x W/2 doubles), about 6 bytes per pixel.
     */
    static double estimate(byte[] plane, int h, int w) {
        int lh = outLength(h);
        int lw = outLength(w);
        // Axis 0: high-pass every column at once; each element still sums its taps in PyWavelets' order.
        double[] cols = new double[lh * w];
        for (int o = 0; o < lh; o++) {
            int i = 2 * o + 1;
            int out = o * w;
            int[] taps = tapOrder(i, h);
            for (int t = 0; t < F; t++) {
                int j = taps[2 * t];
                double f = DEC_HI[j];
                int src = taps[2 * t + 1] * w;
                if (t == 0) {
                    for (int c = 0; c < w; c++) {
                        cols[out + c] = 0.0 + f * (plane[src + c] & 0xFF);
                    }
                } else {
                    for (int c = 0; c < w; c++) {
                        cols[out + c] += f * (plane[src + c] & 0xFF);
                    }
                }
            }
        }
        // Axis 1: high-pass every row of the column result; keep |HH| of the non-zero coefficients.
        int[][] rowTaps = new int[lw][];
        for (int o = 0; o < lw; o++) {
            rowTaps[o] = tapOrder(2 * o + 1, w);
        }
        double[] abs = new double[lh * lw];
        int count = 0;
        for (int r = 0; r < lh; r++) {
            int base = r * w;
            for (int o = 0; o < lw; o++) {
                int[] taps = rowTaps[o];
                double sum = 0.0;
                for (int t = 0; t < 2 * F; t += 2) {
                    sum += DEC_HI[taps[t]] * cols[base + taps[t + 1]];
                }
                if (sum != 0.0) {
                    abs[count++] = Math.abs(sum);
                }
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        return median(abs, count) / NORM_PPF_075;
    }

    /**
     * For output position {@code i} (odd, 1..N+F-2) of a signal of length {@code n >= F}: pairs
     * (filter index, input index) in the order PyWavelets adds them, symmetric extension
     * x[-1-m] = x[m], x[n+m] = x[n-1-m].
     */
    static int[] tapOrder(int i, int n) {
        int[] taps = new int[2 * F];
        int t = 0;
        if (i < n) {
            for (int j = 0; j < F; j++) {
                int m = i - j;
                taps[t++] = j;
                taps[t++] = m >= 0 ? m : -m - 1;
            }
        } else {
            for (int j = i - n; j >= 0; j--) {
                taps[t++] = j;
                taps[t++] = 2 * n - 1 - (i - j);
            }
            for (int j = i - n + 1; j < F; j++) {
                taps[t++] = j;
                taps[t++] = i - j;
            }
        }
        return taps;
    }

    /**
     * numpy's median: the middle value, or the mean of the two middle values (a + b) / 2. Selection in
     * expected linear time (Hoare's quickselect), not a sort: photos have millions of coefficients.
     * Reorders {@code values[0..count)}.
     */
    static double median(double[] values, int count) {
        int mid = count / 2;
        select(values, count, mid);
        double upper = values[mid];
        if (count % 2 == 1) {
            return upper;
        }
        double lower = values[0];
        for (int i = 1; i < mid; i++) {
            lower = Math.max(lower, values[i]);
        }
        return (lower + upper) / 2;
    }

    /** Puts the k-th smallest of v[0..n) at v[k], smaller ones before it and larger ones after. */
    private static void select(double[] v, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi > lo) {
            double pivot = v[lo + (hi - lo) / 2];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }
}
