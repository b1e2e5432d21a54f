package dev.ganiqa.datasets;

/**
 * Separable resampling of interleaved float samples. Shrinking uses the area (box) filter: each output
 * sample is the mean of the source samples it covers, weighted by the covered fraction, as OpenCV's
 * {@code INTER_AREA}. Enlarging uses bilinear interpolation with half-pixel centres
 * ({@code src = (dst + 0.5) * in / out - 0.5}, edges clamped), as OpenCV's {@code INTER_LINEAR}.
 * {@link Resize#BICUBIC} instead uses Pillow's bicubic filter both ways (Keys' cubic with
 * a = -0.5, its support widened by the scale when shrinking, so it antialiases; weights normalised to sum 1;
 * {@code ImagingResample} in Pillow's {@code Resample.c}), the filter of torchvision's
 * {@code Resize(interpolation=BICUBIC)} on PIL images and so of CLIP's and DINOv2's published preprocessing.
 * As Pillow, the horizontal pass is rounded and clipped to 0..255 before the vertical one (which matters: the
 * cubic overshoots at edges); Pillow's fixed-point weights are not copied, so results may differ by one level.
 * The reference modes of {@link Resize} ({@link #kernel}) keep double weights and double sums, as their
 * sources do, and store each pass as float32.
 */
final class Resampler {
    /**
     * Per output index: first source index and weights for consecutive source indices. ganiqa's policy computes its
     * weights in float and sums in float (the values are those floats, held in double); the reference modes in double.
     */
    record Kernel(int[] first, double[][] weights) {
    }

    private Resampler() {
    }

    static Kernel kernelFor(int in, int out, Resize mode) {
        return mode == Resize.BICUBIC ? bicubicTaps(in, out) : mode == Resize.AREA ? taps(in, out) : kernel(in, out, mode);
    }

    static Kernel taps(int in, int out) {
        int[] first = new int[out];
        double[][] weights = new double[out][];
        if (out == in) {
            for (int i = 0; i < out; i++) {
                first[i] = i;
                weights[i] = new double[] {1f};
            }
        } else if (out < in) {
            double scale = (double) in / out;
            for (int i = 0; i < out; i++) {
                double from = i * scale;
                double to = (i + 1) * scale;
                int j0 = (int) Math.floor(from);
                int j1 = Math.min(in, (int) Math.ceil(to));
                first[i] = j0;
                weights[i] = new double[j1 - j0];
                for (int j = j0; j < j1; j++) {
                    double covered = Math.min(to, j + 1) - Math.max(from, j);
                    weights[i][j - j0] = (float) (covered / scale);
                }
            }
        } else {
            double scale = (double) in / out;
            for (int i = 0; i < out; i++) {
                double centre = (i + 0.5) * scale - 0.5;
                int j0 = (int) Math.floor(centre);
                float f = (float) (centre - j0);
                if (j0 < 0) {
                    j0 = 0;
                    f = 0f;
                }
                if (j0 >= in - 1) {
                    j0 = in - 1;
                    f = 0f;
                }
                first[i] = j0;
                weights[i] = f == 0f ? new double[] {1f} : new double[] {1f - f, f};
            }
        }
        return new Kernel(first, weights);
    }

    /**
     * Pillow's {@code precompute_coeffs} for its bicubic filter, in double: output i centred at (i + 0.5) in / out,
     * support 2 widened by the scale when shrinking, bounds rounded as Pillow rounds them, weights normalised to sum
     * 1 (left as they are when they sum to 0, as Pillow leaves them). {@link Resize#CLEAN} uses these.
     */
    static Kernel pillowBicubic(int in, int out) {
        int[] first = new int[out];
        double[][] weights = new double[out][];
        double scale = (double) in / out;
        double filterScale = Math.max(scale, 1.0);
        double support = 2.0 * filterScale;
        for (int i = 0; i < out; i++) {
            double centre = (i + 0.5) * scale;
            int lo = Math.max((int) (centre - support + 0.5), 0);
            int hi = Math.min((int) (centre + support + 0.5), in);
            double[] w = new double[hi - lo];
            double sum = 0;
            for (int j = lo; j < hi; j++) {
                w[j - lo] = cubic((j - centre + 0.5) / filterScale);
                sum += w[j - lo];
            }
            for (int j = 0; j < w.length && sum != 0; j++) {
                w[j] /= sum;
            }
            first[i] = lo;
            weights[i] = w;
        }
        return new Kernel(first, weights);
    }

    /** {@link #pillowBicubic} with each weight rounded to float: the 8-bit bicubic of ganiqa's policy sums in float. */
    static Kernel bicubicTaps(int in, int out) {
        Kernel k = pillowBicubic(in, out);
        for (double[] w : k.weights()) {
            for (int j = 0; j < w.length; j++) {
                w[j] = (float) w[j];
            }
        }
        return k;
    }

    /** Keys' cubic convolution kernel with a = -0.5 (Pillow's {@code bicubic_filter}). */
    private static double cubic(double x) {
        double a = -0.5;
        x = Math.abs(x);
        if (x < 1) {
            return ((a + 2) * x - (a + 3)) * x * x + 1;
        }
        if (x < 2) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0;
    }

    /**
     * Per output index of a reference mode: first source index and weights in double. {@link Resize#CLEAN} is Pillow's
     * {@code precompute_coeffs} for its bicubic filter in double (as its 32-bit float path uses them);
     * {@link Resize#LEGACY_TF} and {@link Resize#LEGACY_PYTORCH} are the two taps (1 - l, l) of bilinear interpolation
     * at their source coordinates, computed in float as TensorFlow's and PyTorch's CPU kernels compute them.
     */
    static Kernel kernel(int in, int out, Resize mode) {
        if (mode == Resize.CLEAN) {
            return pillowBicubic(in, out);
        }
        int[] first = new int[out];
        double[][] weights = new double[out][];
        float scale = (float) in / out;
        for (int i = 0; i < out; i++) {
            switch (mode) {
                case LEGACY_TF -> {
                    // TF's LegacyScaler: in = out_index * scale; lower = floor, upper = min(ceil, in - 1).
                    float src = i * scale;
                    int lower = Math.max((int) Math.floor(src), 0);
                    int upper = Math.min((int) Math.ceil(src), in - 1);
                    float l = src - (float) Math.floor(src);
                    first[i] = lower;
                    weights[i] = upper == lower ? new double[] {1} : new double[] {1f - l, l};
                }
                case LEGACY_PYTORCH -> {
                    // PyTorch's area_pixel_compute_source_index: negative sources become 0; the upper tap stays inside.
                    float src = scale * (i + 0.5f) - 0.5f;
                    src = src < 0 ? 0 : src;
                    int lower = (int) src;
                    float l = src - lower;
                    first[i] = lower;
                    weights[i] = lower < in - 1 ? new double[] {1f - l, l} : new double[] {1};
                }
                default -> throw new IllegalArgumentException(mode + " is not a reference mode");
            }
        }
        return new Kernel(first, weights);
    }

    /**
     * Resizes {@code src} (h x w x c interleaved, values 0..255) to {@code outH x outW} by {@code mode}: the
     * horizontal pass first, a dimension that does not change is not resampled (as Pillow; the policy's identity
     * weights would give the same values), no clipping (the caller's). ganiqa's policy sums in float; Pillow's 8-bit
     * bicubic rounds and clips the horizontal pass before the vertical one (its cubic overshoots at edges); the
     * reference modes sum in double and store each pass as float32.
     */
    static float[] resize(float[] src, int h, int w, int c, int outH, int outW, Resize mode) {
        boolean floatSums = mode.isPolicy();
        float[] horizontal = src;
        if (w != outW) {
            Kernel cols = kernelFor(w, outW, mode);
            horizontal = new float[h * outW * c];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < outW; x++) {
                    int base = (y * w + cols.first()[x]) * c;
                    for (int k = 0; k < c; k++) {
                        float v = dot(src, base + k, c, cols.weights()[x], floatSums);
                        horizontal[(y * outW + x) * c + k] = mode == Resize.BICUBIC ? Math.max(0, Math.min(255, Math.round(v))) : v;
                    }
                }
            }
        }
        if (h == outH) {
            return horizontal;
        }
        Kernel rows = kernelFor(h, outH, mode);
        int stride = outW * c;
        float[] out = new float[outH * stride];
        for (int y = 0; y < outH; y++) {
            int base = rows.first()[y] * stride;
            for (int i = 0; i < stride; i++) {
                out[y * stride + i] = dot(horizontal, base + i, stride, rows.weights()[y], floatSums);
            }
        }
        return out;
    }

    /** sum over t of weights[t] * data[from + t * step], in float or in double then stored as float. */
    private static float dot(float[] data, int from, int step, double[] weights, boolean floatSums) {
        if (floatSums) {
            float sum = 0f;
            for (int t = 0; t < weights.length; t++) {
                sum += (float) weights[t] * data[from + t * step];
            }
            return sum;
        }
        double sum = 0;
        for (int t = 0; t < weights.length; t++) {
            sum += data[from + t * step] * weights[t];
        }
        return (float) sum;
    }
}
