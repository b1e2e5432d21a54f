package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference resize modes of {@link Resize} against their definitions, written here a second time in the most
 * direct form (one double sum over the 2-D neighbourhood per output value, no separable passes, no shared code),
 * and {@link Resize#CLEAN} also against Pillow 9.4.0 itself (fixtures in resources/pillow, clean-fid's recipe).
 */
class ReferenceResizeTest {
    @TempDir
    Path dir;

    /** Keys' cubic convolution with a = -0.5 (Keys 1981; Pillow's {@code bicubic_filter}). */
    private static double keys(double x) {
        double a = -0.5;
        double t = Math.abs(x);
        if (t < 1) {
            return (a + 2) * t * t * t - (a + 3) * t * t + 1;
        }
        if (t < 2) {
            return a * t * t * t - 5 * a * t * t + 8 * a * t - 4 * a;
        }
        return 0;
    }

    /**
     * clean-fid's clean resize of one axis, from Pillow's {@code precompute_coeffs}: output i is centred at
     * (i + 0.5) in/out; the kernel is stretched by max(in/out, 1) and covers sources within 2 stretched units of the
     * centre (rounded as Pillow rounds the bounds); weights are normalised to sum 1. Returns the full in x out matrix.
     */
    private static double[][] cleanWeights(int in, int out) {
        double scale = (double) in / out;
        double stretch = Math.max(scale, 1);
        double[][] w = new double[out][in];
        for (int i = 0; i < out; i++) {
            double centre = (i + 0.5) * scale;
            int lo = Math.max((int) (centre - 2 * stretch + 0.5), 0);
            int hi = Math.min((int) (centre + 2 * stretch + 0.5), in);
            double sum = 0;
            for (int j = lo; j < hi; j++) {
                w[i][j] = keys((j + 0.5 - centre) / stretch);
                sum += w[i][j];
            }
            for (int j = lo; j < hi; j++) {
                w[i][j] /= sum;
            }
        }
        return w;
    }

    /** Bilinear weights at source coordinate {@code src} with the upper tap kept inside the image. */
    private static double[] bilinear(int in, float src) {
        double[] w = new double[in];
        int lower = (int) Math.floor(src);
        float l = src - lower;
        lower = Math.max(0, Math.min(lower, in - 1));
        int upper = Math.min(lower + 1, in - 1);
        w[lower] += 1 - l;
        w[upper] += l;
        return w;
    }

    /**
     * TF1 resize_bilinear without half-pixel centres: source = i * in / out. The coordinate in float32, as TF's kernel
     * computes it (a float scale): in double, values differ by up to 5e-4 of 255 on a 299-wide output.
     */
    private static double[][] legacyTfWeights(int in, int out) {
        double[][] w = new double[out][];
        float scale = (float) in / out;
        for (int i = 0; i < out; i++) {
            w[i] = bilinear(in, i * scale);
        }
        return w;
    }

    /** PyTorch's bilinear, align_corners=False: source = (i + 0.5) in / out - 0.5, at least 0 (float32, as PyTorch). */
    private static double[][] legacyPytorchWeights(int in, int out) {
        double[][] w = new double[out][];
        float scale = (float) in / out;
        for (int i = 0; i < out; i++) {
            w[i] = bilinear(in, Math.max(0f, (i + 0.5f) * scale - 0.5f));
        }
        return w;
    }

    /** out[y][x][c] = sum over (j, i) of wy[y][j] wx[x][i] in[j][i][c], clipped to 0..255. */
    private static double[] direct(byte[] src, int h, int w, int c, double[][] wy, double[][] wx) {
        double[] out = new double[wy.length * wx.length * c];
        for (int y = 0; y < wy.length; y++) {
            for (int x = 0; x < wx.length; x++) {
                for (int k = 0; k < c; k++) {
                    double sum = 0;
                    for (int j = 0; j < h; j++) {
                        if (wy[y][j] == 0) {
                            continue;
                        }
                        for (int i = 0; i < w; i++) {
                            sum += wy[y][j] * wx[x][i] * (src[(j * w + i) * c + k] & 0xFF);
                        }
                    }
                    out[(y * wx.length + x) * c + k] = Math.max(0, Math.min(255, sum));
                }
            }
        }
        return out;
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static double maxError(float[] got, double[] want) {
        assertThat(got).hasSize(want.length);
        double worst = 0;
        for (int i = 0; i < got.length; i++) {
            worst = Math.max(worst, Math.abs(got[i] - want[i]));
        }
        return worst;
    }

    @Test
    void cleanOfA64x64RgbImageTo299MatchesTheDefinition() {
        byte[] px = random(64 * 64 * 3, 7);
        float[] got = new Preprocessing(new ImageShape(299, 299, 3), Resize.CLEAN).applyFloat(new DecodedImage(64, 64, 3, px));
        double[][] w = cleanWeights(64, 299);
        double[] want = direct(px, 64, 64, 3, w, w);
        assertThat(maxError(got, want)).isLessThan(1e-4);
        // not rounded: the values fall between the 8-bit levels (the point of clean-fid's float resize)
        long between = 0;
        for (float v : got) {
            between += v != Math.rint(v) ? 1 : 0;
        }
        assertThat(between).isGreaterThan(got.length / 2);
    }

    @Test
    void cleanShrinkingAntialiasesAndAnotherAspectRatioIsNotCropped() {
        byte[] px = random(50 * 80 * 3, 8);
        float[] got = new Preprocessing(new ImageShape(21, 13, 3), Resize.CLEAN).applyFloat(new DecodedImage(80, 50, 3, px));
        assertThat(maxError(got, direct(px, 50, 80, 3, cleanWeights(50, 21), cleanWeights(80, 13)))).isLessThan(1e-4);
    }

    @Test
    void legacyModesMatchTheirDefinitionsBothWays() {
        byte[] px = random(17 * 23 * 3, 9);
        DecodedImage image = new DecodedImage(23, 17, 3, px);
        for (int[] hw : new int[][] {{299, 299}, {9, 11}, {40, 12}}) {
            ImageShape target = new ImageShape(hw[0], hw[1], 3);
            float[] tf = new Preprocessing(target, Resize.LEGACY_TF).applyFloat(image);
            assertThat(maxError(tf, direct(px, 17, 23, 3, legacyTfWeights(17, hw[0]), legacyTfWeights(23, hw[1]))))
                    .as("legacy-tf %dx%d", hw[0], hw[1]).isLessThan(1e-4);
            float[] torch = new Preprocessing(target, Resize.LEGACY_PYTORCH).applyFloat(image);
            assertThat(maxError(torch, direct(px, 17, 23, 3, legacyPytorchWeights(17, hw[0]),
                    legacyPytorchWeights(23, hw[1])))).as("legacy-pytorch %dx%d", hw[0], hw[1]).isLessThan(1e-4);
        }
    }

    @Test
    void theModesDiffer() {
        byte[] px = random(32 * 32 * 3, 10);
        DecodedImage image = new DecodedImage(32, 32, 3, px);
        ImageShape target = new ImageShape(75, 75, 3);
        float[] clean = new Preprocessing(target, Resize.CLEAN).applyFloat(image);
        float[] tf = new Preprocessing(target, Resize.LEGACY_TF).applyFloat(image);
        float[] torch = new Preprocessing(target, Resize.LEGACY_PYTORCH).applyFloat(image);
        assertThat(maxError(clean, toDouble(tf))).isGreaterThan(1);
        assertThat(maxError(tf, toDouble(torch))).isGreaterThan(1);
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /** clean-fid's recipe run by Pillow 9.4.0 (resources/pillow/make_clean_fixtures.py). */
    @Test
    void cleanMatchesPillowsFloatBicubic() throws Exception {
        Path file = dir.resolve("input.png");
        try (InputStream in = getClass().getResourceAsStream("/opencv/input-12x16.png")) {
            Files.copy(in, file);
        }
        DecodedImage input = new ImageDecoder(DatasetOptions.DEFAULT_MAX_PIXELS).decode(file);
        for (int[] hw : new int[][] {{29, 37}, {5, 7}, {9, 23}}) {
            float[] got = new Preprocessing(new ImageShape(hw[0], hw[1], 3), Resize.CLEAN).applyFloat(input);
            byte[] raw;
            try (InputStream in = getClass().getResourceAsStream("/pillow/clean-" + hw[0] + "x" + hw[1] + ".f32")) {
                raw = in.readAllBytes();
            }
            float[] pillow = new float[raw.length / 4];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(pillow);
            assertThat(maxError(got, toDouble(pillow))).as("%dx%d", hw[0], hw[1]).isLessThan(1e-4);
        }
    }

    @Test
    void modesAreParsedByTheirLabels() {
        assertThat(Resize.parse("legacy-pytorch")).isEqualTo(Resize.LEGACY_PYTORCH);
        assertThat(Resize.parse("CLEAN")).isEqualTo(Resize.CLEAN);
        assertThatThrownBy(() -> Resize.parse("lanczos"))
                .hasMessage("expected a resize mode area|bicubic|clean|legacy-tf|legacy-pytorch, found 'lanczos'");
    }
}
