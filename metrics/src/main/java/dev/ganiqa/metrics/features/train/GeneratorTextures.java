package dev.ganiqa.metrics.features.train;

import dev.ganiqa.datasets.ImageShape;
import java.util.SplittableRandom;

/**
 * Negatives drawn the way a GAN generator draws before it has learnt anything: Gaussian noise through a stack of
 * stride-2 transposed convolutions with random weights (the DCGAN generator's upsampling stack, Radford et al.,
 * ICLR 2016), each hidden layer normalised per channel and rectified as batch normalisation and ReLU do at
 * initialisation. Kernels whose size the stride does not divide overlap unevenly and print the periodic grid that
 * early GAN samples show (Odena, Dumoulin and Olah, "Deconvolution and Checkerboard Artifacts", Distill 2016); even
 * kernels print finer, regular textures. The output goes through tanh at a random gain, as the generator's last
 * layer does, and is mapped to a random gray range (span log-uniform in 48..255).
 *
 * <p>Half of the images are the texture over the whole frame, half the texture inside a random convex polygon or
 * ellipse ({@link ComposedNegatives}' regions) on black (70%) or a flat gray: the composition of an early sample,
 * a dim texture where the data's objects are, on the data's background. No frames, boxes or other held-out
 * compositions of the out-of-distribution check are drawn here, and nothing here is a GAN's actual output.
 *
 * <p>Image {@code i} is a function of {@code (seed, i)} alone.
 */
final class GeneratorTextures {
    private GeneratorTextures() {
    }

    static byte[] image(ImageShape shape, long seed, int index) {
        SplittableRandom random = new SplittableRandom(seed * 0xD6E8FEB86659FD93L + 0xA0761D6478BD642FL * (index + 1L));
        int h = shape.height();
        int w = shape.width();
        int c = shape.channels();
        double[] texture = texture(h, w, c, random);
        double span = Math.exp(random.nextDouble(Math.log(48), Math.log(255)));
        double lo = random.nextDouble(0, 256 - span);
        byte[] out = new byte[shape.values()];
        boolean[] mask = null;
        double background = 0;
        if (index % 2 == 1) {
            mask = random.nextBoolean() ? ComposedNegatives.polygon(h, w, random, 1)
                    : ComposedNegatives.ellipse(h, w, random, 1);
            background = random.nextDouble() < ComposedNegatives.BLACK_BACKGROUND ? 0 : random.nextInt(256);
        }
        for (int p = 0; p < h * w; p++) {
            for (int ch = 0; ch < c; ch++) {
                double v = mask == null || mask[p] ? lo + span * (texture[p * c + ch] + 1) / 2 : background;
                out[p * c + ch] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        return out;
    }

    /** The random generator's output in [-1, 1], HWC, cropped from its centre to h x w. */
    private static double[] texture(int h, int w, int c, SplittableRandom random) {
        int layers = random.nextInt(2, 4);
        int side = Math.max(h, w);
        int start = Math.max(1, (side + (1 << layers) - 1) >> layers);
        int channels = 8 << random.nextInt(3);
        int k = random.nextInt(3, 6);
        double[] x = new double[start * start * channels];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        int size = start;
        for (int layer = 0; layer < layers; layer++) {
            boolean last = layer == layers - 1;
            int out = last ? c : Math.max(c, channels / 2);
            x = transposed(x, size, channels, out, k, random);
            size *= 2;
            channels = out;
            normalise(x, channels);
            if (!last) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = Math.max(0, x[i]);
                }
            }
        }
        double gain = random.nextDouble(0.5, 2.0);
        double[] crop = new double[h * w * c];
        int top = (size - h) / 2;
        int left = (size - w) / 2;
        for (int y = 0; y < h; y++) {
            for (int xx = 0; xx < w; xx++) {
                for (int ch = 0; ch < c; ch++) {
                    crop[(y * w + xx) * c + ch] = Math.tanh(gain * x[((top + y) * size + left + xx) * c + ch]);
                }
            }
        }
        return crop;
    }

    /**
     * A stride-2 transposed convolution of a {@code size x size x in} map into {@code 2size x 2size x out}, kernel
     * {@code k x k} with weights N(0, 1 / (k^2 in / 4)) (each output sums about k^2/4 taps per input channel), the
     * leading edge padded by (k - 1) / 2 and the output cut to exactly twice the input: the output size of TF's SAME
     * conv2d_transpose, though TF pads odd kernels one pixel less at the leading edge (a shift, immaterial for a
     * random texture).
     */
    private static double[] transposed(double[] x, int size, int in, int out, int k, SplittableRandom random) {
        double[] weights = new double[k * k * in * out];
        double sd = 1 / Math.sqrt(k * k * in / 4.0);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = sd * random.nextGaussian();
        }
        int pad = (k - 1) / 2;
        int outSize = 2 * size;
        double[] y = new double[outSize * outSize * out];
        for (int iy = 0; iy < size; iy++) {
            for (int ix = 0; ix < size; ix++) {
                for (int ky = 0; ky < k; ky++) {
                    int oy = 2 * iy + ky - pad;
                    if (oy < 0 || oy >= outSize) {
                        continue;
                    }
                    for (int kx = 0; kx < k; kx++) {
                        int ox = 2 * ix + kx - pad;
                        if (ox < 0 || ox >= outSize) {
                            continue;
                        }
                        for (int ci = 0; ci < in; ci++) {
                            double v = x[(iy * size + ix) * in + ci];
                            int wBase = ((ky * k + kx) * in + ci) * out;
                            int yBase = (oy * outSize + ox) * out;
                            for (int co = 0; co < out; co++) {
                                y[yBase + co] += v * weights[wBase + co];
                            }
                        }
                    }
                }
            }
        }
        return y;
    }

    /** Zero mean and unit deviation per channel over the map (batch normalisation of one image, no affine). */
    private static void normalise(double[] x, int channels) {
        int n = x.length / channels;
        for (int ch = 0; ch < channels; ch++) {
            double sum = 0;
            double sq = 0;
            for (int i = ch; i < x.length; i += channels) {
                sum += x[i];
                sq += x[i] * x[i];
            }
            double mean = sum / n;
            double sd = Math.sqrt(Math.max(1e-12, sq / n - mean * mean));
            for (int i = ch; i < x.length; i += channels) {
                x[i] = (x[i] - mean) / sd;
            }
        }
    }
}
