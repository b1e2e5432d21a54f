package dev.ganiqa.metrics.image;

/**
 * In-place complex discrete Fourier transform of one length, X[k] = sum x[n] exp(-2 pi i k n / N): iterative
 * radix-2 for powers of two, Bluestein's chirp-z algorithm (Bluestein 1970; Rabiner, Schafer and Rader 1969)
 * for every other length, so image sides such as 28 or 1000 need no padding that would change the spectrum.
 * Not thread-safe (scratch buffers); one instance per length and thread.
 */
final class Fft {
    private final int n;
    private final int m;
    private final double[] cos;
    private final double[] sin;
    private final double[] chirpRe;
    private final double[] chirpIm;
    private final double[] kernelRe;
    private final double[] kernelIm;
    private final double[] workRe;
    private final double[] workIm;

    Fft(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("expected a positive FFT length, found " + n);
        }
        this.n = n;
        boolean pow2 = Integer.bitCount(n) == 1;
        this.m = pow2 ? n : Integer.highestOneBit(2 * n - 1) << 1;
        cos = new double[m / 2];
        sin = new double[m / 2];
        for (int k = 0; k < m / 2; k++) {
            double a = -2 * Math.PI * k / m;
            cos[k] = Math.cos(a);
            sin[k] = Math.sin(a);
        }
        if (pow2) {
            chirpRe = chirpIm = kernelRe = kernelIm = workRe = workIm = null;
            return;
        }
        chirpRe = new double[n];
        chirpIm = new double[n];
        for (int k = 0; k < n; k++) {
            // k^2 mod 2n keeps the angle argument small and exact for large k.
            long k2 = ((long) k * k) % (2L * n);
            double a = -Math.PI * k2 / n;
            chirpRe[k] = Math.cos(a);
            chirpIm[k] = Math.sin(a);
        }
        kernelRe = new double[m];
        kernelIm = new double[m];
        kernelRe[0] = chirpRe[0];
        kernelIm[0] = -chirpIm[0];
        for (int k = 1; k < n; k++) {
            kernelRe[k] = kernelRe[m - k] = chirpRe[k];
            kernelIm[k] = kernelIm[m - k] = -chirpIm[k];
        }
        radix2(kernelRe, kernelIm);
        workRe = new double[m];
        workIm = new double[m];
    }

    int length() {
        return n;
    }

    /** Transforms re/im (length n) in place. */
    void transform(double[] re, double[] im) {
        if (m == n) {
            radix2(re, im);
            return;
        }
        java.util.Arrays.fill(workRe, 0);
        java.util.Arrays.fill(workIm, 0);
        for (int k = 0; k < n; k++) {
            workRe[k] = re[k] * chirpRe[k] - im[k] * chirpIm[k];
            workIm[k] = re[k] * chirpIm[k] + im[k] * chirpRe[k];
        }
        radix2(workRe, workIm);
        for (int k = 0; k < m; k++) {
            double r = workRe[k] * kernelRe[k] - workIm[k] * kernelIm[k];
            double i = workRe[k] * kernelIm[k] + workIm[k] * kernelRe[k];
            // Inverse transform through the forward one: conj(FFT(conj(z))) / m.
            workRe[k] = r;
            workIm[k] = -i;
        }
        radix2(workRe, workIm);
        for (int k = 0; k < n; k++) {
            double r = workRe[k] / m;
            double i = -workIm[k] / m;
            re[k] = r * chirpRe[k] - i * chirpIm[k];
            im[k] = r * chirpIm[k] + i * chirpRe[k];
        }
    }

    private void radix2(double[] re, double[] im) {
        int len = m;
        for (int i = 1, j = 0; i < len; i++) {
            int bit = len >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int size = 2; size <= len; size <<= 1) {
            int half = size >> 1;
            int step = len / size;
            for (int start = 0; start < len; start += size) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = sin[k * step];
                    int a = start + k;
                    int b = a + half;
                    double tr = re[b] * wr - im[b] * wi;
                    double ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
