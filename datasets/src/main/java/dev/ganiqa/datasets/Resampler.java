package dev.ganiqa.datasets;

/**
 * Separable resampling of interleaved float samples. Shrinking uses the area (box) filter: each output
 * sample is the mean of the source samples it covers, weighted by the covered fraction, as OpenCV's
 * {@code INTER_AREA}. Enlarging uses bilinear interpolation with half-pixel centres
 * ({@code src = (dst + 0.5) * in / out - 0.5}, edges clamped), as OpenCV's {@code INTER_LINEAR}.
 */
final class Resampler {
    /** Per output index: first source index and weights for consecutive source indices. */
    record Taps(int[] first, float[][] weights) {
    }

    private Resampler() {
    }

    static Taps taps(int in, int out) {
        int[] first = new int[out];
        float[][] weights = new float[out][];
        if (out == in) {
            for (int i = 0; i < out; i++) {
                first[i] = i;
                weights[i] = new float[] {1f};
            }
        } else if (out < in) {
            double scale = (double) in / out;
            for (int i = 0; i < out; i++) {
                double from = i * scale;
                double to = (i + 1) * scale;
                int j0 = (int) Math.floor(from);
                int j1 = Math.min(in, (int) Math.ceil(to));
                first[i] = j0;
                weights[i] = new float[j1 - j0];
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
                weights[i] = f == 0f ? new float[] {1f} : new float[] {1f - f, f};
            }
        }
        return new Taps(first, weights);
    }

    /** Resizes {@code src} (h x w x c interleaved) to {@code outH x outW}. */
    static float[] resize(float[] src, int h, int w, int c, int outH, int outW) {
        if (h == outH && w == outW) {
            return src;
        }
        Taps cols = taps(w, outW);
        float[] horizontal = new float[h * outW * c];
        for (int y = 0; y < h; y++) {
            int row = y * w * c;
            for (int x = 0; x < outW; x++) {
                float[] wt = cols.weights()[x];
                int base = row + cols.first()[x] * c;
                for (int k = 0; k < c; k++) {
                    float sum = 0f;
                    for (int t = 0; t < wt.length; t++) {
                        sum += wt[t] * src[base + t * c + k];
                    }
                    horizontal[(y * outW + x) * c + k] = sum;
                }
            }
        }
        Taps rows = taps(h, outH);
        int stride = outW * c;
        float[] out = new float[outH * stride];
        for (int y = 0; y < outH; y++) {
            float[] wt = rows.weights()[y];
            int base = rows.first()[y] * stride;
            for (int i = 0; i < stride; i++) {
                float sum = 0f;
                for (int t = 0; t < wt.length; t++) {
                    sum += wt[t] * horizontal[base + t * stride + i];
                }
                out[y * stride + i] = sum;
            }
        }
        return out;
    }
}
