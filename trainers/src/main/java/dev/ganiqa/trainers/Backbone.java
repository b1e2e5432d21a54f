package dev.ganiqa.trainers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The generator and critic shared by every variant, built from raw ops (DCGAN, Radford et al. 2015):
 * <ul>
 * <li>G: [z ; e(y)] -> dense -> base x base x (width * 2^(steps-1)) -> BN -> ReLU -> steps x
 * (4x4 stride-2 transposed conv -> BN -> ReLU), the last one to the image channels with tanh.
 * <li>D: steps x (4x4 stride-2 conv -> LeakyReLU 0.2) -> flatten h -> w.h + b (+ e_D(y).h).
 * </ul>
 * Conditioning (cdcgan, cwgan): G concatenates a learned embedding of the label with z (Mirza and Osindero
 * 2014); D adds the projection term e_D(y).h (Miyato and Koyama 2018, eq. 3). D has no batch norm for any
 * variant, as the WGAN-GP critic requires (Gulrajani et al. 2017, sec. 4), so the two losses see the same D.
 * Labels enter as one-hot rows so that embeddings are matmuls, whose gradients TF registers to every order
 * (the penalty differentiates the critic twice). Variable names are flat ({@code g_*}, {@code d_*}):
 * optimizer slots append {@code -m} and a {@code /} breaks them (shared/notes/tfjava.md).
 */
final class Backbone {
    static final float INIT_STD = 0.02f;
    static final float BN_MOMENTUM = 0.1f;
    static final float BN_EPSILON = 1e-5f;

    private final Ops tf;
    private final Layout layout;
    private final Hyperparameters hp;
    private final int classes;
    private final long seed;
    private int seedIndex;
    final List<Variable<TFloat32>> generatorVariables = new ArrayList<>();
    final List<Variable<TFloat32>> criticVariables = new ArrayList<>();
    /** Batch-norm moving statistics: saved and restored, never trained. */
    final List<Variable<TFloat32>> generatorStatistics = new ArrayList<>();

    private final Variable<TFloat32> gEmbed;
    private final Variable<TFloat32> gDense;
    private final BatchNorm[] gNorms;
    private final Variable<TFloat32>[] gKernels;
    private final Variable<TFloat32> gOutBias;
    private final Variable<TFloat32>[] dKernels;
    private final Variable<TFloat32>[] dBiases;
    private final Variable<TFloat32> dDense;
    private final Variable<TFloat32> dDenseBias;
    private final Variable<TFloat32> dEmbed;

    @SuppressWarnings("unchecked")
    Backbone(Ops tf, Layout layout, Hyperparameters hp, int classes, long seed) {
        this.tf = tf;
        this.layout = layout;
        this.hp = hp;
        this.classes = classes;
        this.seed = seed;
        int steps = layout.steps();
        int base = layout.base();
        int w = hp.width();
        int channels = layout.image().channels();
        int c0 = layout.channels(w, 0);
        int in = hp.latentDim() + (classes > 0 ? hp.embedDim() : 0);
        gEmbed = classes > 0 ? normal(generatorVariables, "g_embed", 1f, classes, hp.embedDim()) : null;
        gDense = normal(generatorVariables, "g_dense", INIT_STD, in, (long) base * base * c0);
        gNorms = new BatchNorm[steps];
        gKernels = new Variable[steps];
        gNorms[0] = new BatchNorm("g_bn0", c0);
        for (int i = 0; i < steps; i++) {
            int from = layout.channels(w, i);
            int to = i == steps - 1 ? channels : layout.channels(w, i + 1);
            // conv2dBackpropInput's filter is [h, w, out, in].
            gKernels[i] = normal(generatorVariables, "g_deconv" + i, INIT_STD, 4, 4, to, from);
            if (i < steps - 1) {
                gNorms[i + 1] = new BatchNorm("g_bn" + (i + 1), to);
            }
        }
        gOutBias = zeros(generatorVariables, "g_out_bias", channels);
        dKernels = new Variable[steps];
        dBiases = new Variable[steps];
        for (int i = 0; i < steps; i++) {
            int from = i == 0 ? channels : layout.channels(w, steps - i);
            int to = layout.channels(w, steps - 1 - i);
            dKernels[i] = normal(criticVariables, "d_conv" + i, INIT_STD, 4, 4, from, to);
            dBiases[i] = zeros(criticVariables, "d_bias" + i, to);
        }
        long features = (long) base * base * c0;
        dDense = normal(criticVariables, "d_dense", INIT_STD, features, 1);
        dDenseBias = zeros(criticVariables, "d_dense_bias", 1);
        dEmbed = classes > 0 ? normal(criticVariables, "d_embed", INIT_STD, classes, features) : null;
    }

    /**
     * Generator images in [-1, 1], NHWC. {@code training} normalises with batch statistics and collects the
     * moving-average updates into {@code updates}; otherwise the moving averages are used (sampling, export).
     */
    Operand<TFloat32> generate(Operand<TFloat32> z, Operand<TFloat32> oneHot, boolean training, List<Op> updates) {
        Operand<TFloat32> in = z;
        if (classes > 0) {
            in = tf.concat(List.of(z, tf.linalg.matMul(oneHot, gEmbed)), tf.constant(1));
        }
        int base = layout.base();
        Operand<TFloat32> h = tf.reshape(tf.linalg.matMul(in, gDense),
                tf.constant(new int[] {-1, base, base, layout.channels(hp.width(), 0)}));
        h = tf.nn.relu(gNorms[0].apply(h, training, updates));
        Operand<TInt32> batch = tf.slice(tf.shape(z), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        int size = base;
        for (int i = 0; i < layout.steps(); i++) {
            size *= 2;
            boolean last = i == layout.steps() - 1;
            int to = last ? layout.image().channels() : layout.channels(hp.width(), i + 1);
            Operand<TInt32> outShape = tf.concat(List.of(batch, tf.constant(new int[] {size, size, to})),
                    tf.constant(0));
            h = tf.nn.conv2dBackpropInput(outShape, gKernels[i], h, List.of(1L, 2L, 2L, 1L), "SAME");
            h = last ? tf.math.tanh(tf.math.add(h, gOutBias))
                    : tf.nn.relu(gNorms[i + 1].apply(h, training, updates));
        }
        return h;
    }

    /** Critic / discriminator scores, shape [batch] (logits for the non-saturating loss). */
    Operand<TFloat32> critic(Operand<TFloat32> images, Operand<TFloat32> oneHot) {
        Operand<TFloat32> h = images;
        for (int i = 0; i < layout.steps(); i++) {
            h = tf.nn.conv2d(h, dKernels[i], List.of(1L, 2L, 2L, 1L), "SAME");
            h = tf.nn.leakyRelu(tf.math.add(h, dBiases[i]), LeakyRelu.alpha(0.2f));
        }
        int features = layout.base() * layout.base() * layout.channels(hp.width(), 0);
        Operand<TFloat32> flat = tf.reshape(h, tf.constant(new int[] {-1, features}));
        Operand<TFloat32> out = tf.math.add(tf.linalg.matMul(flat, dDense), dDenseBias);
        out = tf.reshape(out, tf.constant(new int[] {-1}));
        if (classes > 0) {
            Operand<TFloat32> projection = tf.sum(tf.math.mul(tf.linalg.matMul(oneHot, dEmbed), flat),
                    tf.constant(1));
            out = tf.math.add(out, projection);
        }
        return out;
    }

    private Variable<TFloat32> normal(List<Variable<TFloat32>> into, String name, float std, long... shape) {
        // Stateless normal keyed by (run seed, variable index): the same seed gives the same initial weights.
        Operand<TFloat32> init = tf.math.mul(tf.random.statelessRandomNormal(tf.constant(shape),
                tf.constant(new long[] {seed, seedIndex++})), tf.constant(std));
        Variable<TFloat32> v = tf.withName(name).variable(init);
        into.add(v);
        return v;
    }

    private Variable<TFloat32> zeros(List<Variable<TFloat32>> into, String name, long... shape) {
        Variable<TFloat32> v = tf.withName(name).variable(tf.zeros(tf.constant(shape), TFloat32.class));
        into.add(v);
        return v;
    }

    /** Batch normalisation (Ioffe and Szegedy 2015) from primitive ops, with PyTorch's momentum 0.1. */
    private final class BatchNorm {
        private final Variable<TFloat32> gamma;
        private final Variable<TFloat32> beta;
        private final Variable<TFloat32> movingMean;
        private final Variable<TFloat32> movingVariance;

        BatchNorm(String name, int channels) {
            gamma = tf.withName(name + "_gamma").variable(tf.fill(tf.constant(new int[] {channels}), tf.constant(1f)));
            beta = zeros(generatorVariables, name + "_beta", channels);
            generatorVariables.add(gamma);
            movingMean = tf.withName(name + "_mean").variable(tf.zeros(tf.constant(new int[] {channels}), TFloat32.class));
            movingVariance = tf.withName(name + "_var").variable(tf.fill(tf.constant(new int[] {channels}), tf.constant(1f)));
            generatorStatistics.add(movingMean);
            generatorStatistics.add(movingVariance);
        }

        Operand<TFloat32> apply(Operand<TFloat32> x, boolean training, List<Op> updates) {
            Operand<TInt32> axes = tf.constant(new int[] {0, 1, 2});
            Operand<TFloat32> mean;
            Operand<TFloat32> variance;
            Operand<TFloat32> centered;
            if (training) {
                mean = tf.math.mean(x, axes, Mean.keepDims(false));
                centered = tf.math.sub(x, mean);
                variance = tf.math.mean(tf.math.mul(centered, centered), axes, Mean.keepDims(false));
                Operand<TFloat32> keep = tf.constant(1f - BN_MOMENTUM);
                Operand<TFloat32> take = tf.constant(BN_MOMENTUM);
                updates.add(tf.assign(movingMean, tf.math.add(tf.math.mul(movingMean, keep), tf.math.mul(mean, take))));
                updates.add(tf.assign(movingVariance,
                        tf.math.add(tf.math.mul(movingVariance, keep), tf.math.mul(variance, take))));
            } else {
                centered = tf.math.sub(x, movingMean);
                variance = movingVariance;
            }
            Operand<TFloat32> scale = tf.math.mul(tf.math.rsqrt(tf.math.add(variance, tf.constant(BN_EPSILON))), gamma);
            return tf.math.add(tf.math.mul(centered, scale), beta);
        }
    }

}
