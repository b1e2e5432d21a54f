package dev.ganiqa.metrics.image;

/**
 * In-place complex discrete Fourier transform of one length, X[k] = sum x[n] exp(-2 pi i k n / N): iterative
 * radix-2 for powers of two; recursive mixed-radix Cooley-Tukey (Cooley and Tukey 1965; the factor-by-factor
 * form of FFTPACK and numpy's pocketfft) when every prime factor is at most {@link #MAX_RADIX}, as camera sides
 * are (4000 = 2^5 5^3, 3000, 1500, 1080); Bluestein's chirp-z algorithm (Bluestein 1970; Rabiner, Schafer and
 * Rader 1969) for every other length, so no side needs padding that would change the spectrum. Bluestein costs
 * three power-of-two transforms of at least 2N; mixed radix is about 4x faster on 4000.
 * Not thread-safe (scratch buffers); one instance per length and thread.
 */
final class Fft {
    /** Largest prime factor handled by mixed radix (a direct p-point DFT per butterfly). */
    static final int MAX_RADIX = 7;
    private final int n;
    private final int m;
    /** Mixed radix: the factors (4s first, then primes ascending), twiddles exp(-2 pi i k / n) and scratch. */
    private final int[] factors;
    private final double[] twRe;
    private final double[] twIm;
    private final double[] outRe;
    private final double[] outIm;
    private final double[] tRe = new double[MAX_RADIX];
    private final double[] tIm = new double[MAX_RADIX];
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
        int[] f = pow2 ? null : smallFactors(n);
        this.factors = f;
        if (f != null) {
            twRe = new double[n];
            twIm = new double[n];
            for (int k = 0; k < n; k++) {
                double a = -2 * Math.PI * k / n;
                twRe[k] = Math.cos(a);
                twIm[k] = Math.sin(a);
            }
            outRe = new double[n];
            outIm = new double[n];
            m = n;
            cos = sin = chirpRe = chirpIm = kernelRe = kernelIm = workRe = workIm = null;
            return;
        }
        twRe = twIm = outRe = outIm = null;
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

    /** Factors of n, 4s first then primes ascending, or null when a prime factor exceeds {@link #MAX_RADIX}. */
    static int[] smallFactors(int n) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        int rest = n;
        while (rest % 4 == 0) {
            out.add(4);
            rest /= 4;
        }
        for (int p = 2; p <= MAX_RADIX && rest > 1; p++) {
            while (rest % p == 0) {
                out.add(p);
                rest /= p;
            }
        }
        return rest == 1 ? out.stream().mapToInt(Integer::intValue).toArray() : null;
    }

    /** Transforms re/im (length n) in place. */
    void transform(double[] re, double[] im) {
        if (factors != null) {
            mixed(re, im, 0, 1, n, 0, 0);
            System.arraycopy(outRe, 0, re, 0, n);
            System.arraycopy(outIm, 0, im, 0, n);
            return;
        }
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

    /**
     * out[o .. o+len) = DFT of x[off + k stride], k < len, with factors[fi..] multiplying to len: the p
     * sub-transforms of the decimated sequences, then in place per k the twiddled p-point DFTs, whose inputs
     * (o + j len/p + k) and outputs (o + k + q len/p) are the same p slots.
     */
    private void mixed(double[] xr, double[] xi, int off, int stride, int len, int o, int fi) {
        if (len == 1) {
            outRe[o] = xr[off];
            outIm[o] = xi[off];
            return;
        }
        int p = factors[fi];
        int sub = len / p;
        for (int j = 0; j < p; j++) {
            mixed(xr, xi, off + j * stride, stride * p, sub, o + j * sub, fi + 1);
        }
        int step = n / len;
        for (int k = 0; k < sub; k++) {
            for (int j = 0; j < p; j++) {
                int at = o + j * sub + k;
                double a = outRe[at];
                double b = outIm[at];
                if (k == 0 || j == 0) {
                    tRe[j] = a;
                    tIm[j] = b;
                } else {
                    int w = j * k * step;
                    tRe[j] = a * twRe[w] - b * twIm[w];
                    tIm[j] = a * twIm[w] + b * twRe[w];
                }
            }
            int base = o + k;
            if (p == 4) {
                // W4 = -i: y1 = t0 - i t1 - t2 + i t3, y3 = t0 + i t1 - t2 - i t3.
                double s02r = tRe[0] + tRe[2];
                double s02i = tIm[0] + tIm[2];
                double d02r = tRe[0] - tRe[2];
                double d02i = tIm[0] - tIm[2];
                double s13r = tRe[1] + tRe[3];
                double s13i = tIm[1] + tIm[3];
                double d13r = tRe[1] - tRe[3];
                double d13i = tIm[1] - tIm[3];
                outRe[base] = s02r + s13r;
                outIm[base] = s02i + s13i;
                outRe[base + sub] = d02r + d13i;
                outIm[base + sub] = d02i - d13r;
                outRe[base + 2 * sub] = s02r - s13r;
                outIm[base + 2 * sub] = s02i - s13i;
                outRe[base + 3 * sub] = d02r - d13i;
                outIm[base + 3 * sub] = d02i + d13r;
            } else if (p == 2) {
                outRe[base] = tRe[0] + tRe[1];
                outIm[base] = tIm[0] + tIm[1];
                outRe[base + sub] = tRe[0] - tRe[1];
                outIm[base + sub] = tIm[0] - tIm[1];
            } else {
                int unit = n / p;
                for (int q = 0; q < p; q++) {
                    double sr = tRe[0];
                    double si = tIm[0];
                    for (int j = 1, w = q; j < p; j++, w += q) {
                        int at = (w % p) * unit;
                        sr += tRe[j] * twRe[at] - tIm[j] * twIm[at];
                        si += tRe[j] * twIm[at] + tIm[j] * twRe[at];
                    }
                    outRe[base + q * sub] = sr;
                    outIm[base + q * sub] = si;
                }
            }
        }
    }
}
