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
 * <li>G: z (or [z ; e(y)]) -> dense -> base x base x (width * 2^(steps-1)) -> BN -> ReLU -> steps x
 * (4x4 stride-2 transposed conv -> BN -> ReLU), the last one to the image channels with tanh.
 * <li>D: steps x (4x4 stride-2 conv -> LeakyReLU 0.2) -> [minibatch std] -> h -> w.h + b (+ e_D(y).h).
 * </ul>
 * How the label enters is {@link GeneratorConditioning} (concatenated embedding or conditional batch norm) and
 * {@link CriticConditioning} (projection on the flat or the pooled features, or an input channel); options add
 * spectral normalisation to every critic weight and the minibatch standard-deviation map. D has no batch norm
 * for any variant, as the WGAN-GP critic requires (Gulrajani et al. 2017, sec. 4), so the two losses see the
 * same D. Labels enter as one-hot rows so that embeddings are matmuls, whose gradients TF registers to every
 * order (the penalty differentiates the critic twice). Variable names are flat ({@code g_*}, {@code d_*}):
 * optimizer slots append {@code -m} and a {@code /} breaks them (shared/notes/tfjava.md). Variables of the
 * original recipe are created first and in their original order, so its initial weights do not depend on the
 * options.
 */
final class Backbone {
    static final float INIT_STD = 0.02f;
    /** Samples per minibatch-std group (Karras et al. 2018, sec. 3 and their code: groups of 4). */
    static final int STD_GROUP = 4;

    private final Ops tf;
    private final Layout layout;
    private final Hyperparameters hp;
    private final int classes;
    private final long seed;
    private int seedIndex;
    final List<Variable<TFloat32>> generatorVariables = new ArrayList<>();
    final List<Variable<TFloat32>> criticVariables = new ArrayList<>();
    /** One per spectrally normalised critic weight; their refresh ops belong to the critic step. */
    final List<SpectralNorm> spectralNorms = new ArrayList<>();

    private final boolean concatLabel;
    private final boolean pooled;
    private final boolean projection;
    private final boolean labelPlane;
    private final Variable<TFloat32> gEmbed;
    private final Variable<TFloat32> gDense;
    private final BatchNorm[] gNorms;
    private final Variable<TFloat32>[] gKernels;
    private final Variable<TFloat32> gOutBias;
    private final Operand<TFloat32>[] dKernels;
    private final Variable<TFloat32>[] dBiases;
    private final Operand<TFloat32> dDense;
    private final Variable<TFloat32> dDenseBias;
    private final Operand<TFloat32> dEmbed;
    private final Variable<TFloat32> dPlane;

    @SuppressWarnings("unchecked")
    Backbone(Ops tf, Layout layout, Hyperparameters hp, int classes, long seed) {
        this.tf = tf;
        this.layout = layout;
        this.hp = hp;
        this.classes = classes;
        this.seed = seed;
        boolean conditional = classes > 0;
        concatLabel = conditional && hp.conditionG() == GeneratorConditioning.CONCAT;
        pooled = conditional && hp.conditionD() == CriticConditioning.PROJECTION;
        projection = conditional && hp.conditionD() != CriticConditioning.CHANNELS;
        labelPlane = conditional && hp.conditionD() == CriticConditioning.CHANNELS;
        int normClasses = conditional && hp.conditionG() == GeneratorConditioning.BATCH_NORM ? classes : 0;
        int steps = layout.steps();
        int base = layout.base();
        int w = hp.width();
        int channels = layout.image().channels();
        int c0 = layout.channels(w, 0);
        int in = hp.latentDim() + (concatLabel ? hp.embedDim() : 0);
        gEmbed = concatLabel ? normal(generatorVariables, "g_embed", 1f, classes, hp.embedDim()) : null;
        gDense = normal(generatorVariables, "g_dense", INIT_STD, in, (long) base * base * c0);
        gNorms = new BatchNorm[steps];
        gKernels = new Variable[steps];
        gNorms[0] = new BatchNorm(tf, "g_bn0", c0, normClasses, generatorVariables);
        for (int i = 0; i < steps; i++) {
            int from = layout.channels(w, i);
            int to = i == steps - 1 ? channels : layout.channels(w, i + 1);
            // conv2dBackpropInput's filter is [h, w, out, in].
            gKernels[i] = normal(generatorVariables, "g_deconv" + i, INIT_STD, 4, 4, to, from);
            if (i < steps - 1) {
                gNorms[i + 1] = new BatchNorm(tf, "g_bn" + (i + 1), to, normClasses, generatorVariables);
            }
        }
        gOutBias = zeros(generatorVariables, "g_out_bias", channels);
        Variable<TFloat32>[] kernels = new Variable[steps];
        dBiases = new Variable[steps];
        for (int i = 0; i < steps; i++) {
            int from = i == 0 ? channels + (labelPlane ? 1 : 0) : layout.channels(w, steps - i);
            int to = layout.channels(w, steps - 1 - i);
            kernels[i] = normal(criticVariables, "d_conv" + i, INIT_STD, 4, 4, from, to);
            dBiases[i] = zeros(criticVariables, "d_bias" + i, to);
        }
        long features = featureWidth();
        Variable<TFloat32> dense = normal(criticVariables, "d_dense", INIT_STD, features, 1);
        dDenseBias = zeros(criticVariables, "d_dense_bias", 1);
        Variable<TFloat32> embed = projection ? normal(criticVariables, "d_embed", INIT_STD, classes, features) : null;
        dPlane = labelPlane ? normal(criticVariables, "d_label_plane", 1f, classes,
                (long) layout.image().height() * layout.image().width()) : null;
        dKernels = new Operand[steps];
        for (int i = 0; i < steps; i++) {
            dKernels[i] = normalised(kernels[i], "d_conv" + i);
        }
        dDense = normalised(dense, "d_dense");
        dEmbed = embed == null ? null : normalised(embed, "d_embed");
    }

    /** Length of h, the vector D's output layer reads: flat map, or pooled channels; plus the minibatch-std map. */
    private long featureWidth() {
        long mapChannels = layout.channels(hp.width(), 0) + (hp.minibatchStd() ? 1 : 0);
        return pooled ? mapChannels : (long) layout.base() * layout.base() * mapChannels;
    }

    /** The weight as the critic uses it: itself, or W / sigma(W) with spectral normalisation. */
    private Operand<TFloat32> normalised(Variable<TFloat32> weight, String name) {
        if (!hp.spectralNorm()) {
            return weight;
        }
        long[] shape = weight.shape().asArray();
        // u, saved with the checkpoints like every variable, is not trained: no optimizer holds it.
        Variable<TFloat32> u = normalVariable(name + "_sn_u", 1f, 1, shape[shape.length - 1]);
        SpectralNorm norm = new SpectralNorm(tf, weight, u);
        spectralNorms.add(norm);
        return norm.weight();
    }

    /**
     * Generator images in [-1, 1], NHWC. {@code training} normalises with batch statistics and collects the
     * moving-average updates into {@code updates}; otherwise the moving averages are used (sampling, export).
     */
    Operand<TFloat32> generate(Operand<TFloat32> z, Operand<TFloat32> oneHot, boolean training, List<Op> updates) {
        Operand<TFloat32> in = z;
        if (concatLabel) {
            in = tf.concat(List.of(z, tf.linalg.matMul(oneHot, gEmbed)), tf.constant(1));
        }
        int base = layout.base();
        Operand<TFloat32> h = tf.reshape(tf.linalg.matMul(in, gDense),
                tf.constant(new int[] {-1, base, base, layout.channels(hp.width(), 0)}));
        h = tf.nn.relu(gNorms[0].apply(h, oneHot, training, updates));
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
                    : tf.nn.relu(gNorms[i + 1].apply(h, oneHot, training, updates));
        }
        return h;
    }

    /** Critic / discriminator scores, shape [batch] (logits for the non-saturating loss). */
    Operand<TFloat32> critic(Operand<TFloat32> images, Operand<TFloat32> oneHot) {
        Operand<TFloat32> h = images;
        if (labelPlane) {
            var image = layout.image();
            Operand<TFloat32> plane = tf.reshape(tf.linalg.matMul(oneHot, dPlane),
                    tf.constant(new int[] {-1, image.height(), image.width(), 1}));
            h = tf.concat(List.of(h, plane), tf.constant(3));
        }
        for (int i = 0; i < layout.steps(); i++) {
            h = tf.nn.conv2d(h, dKernels[i], List.of(1L, 2L, 2L, 1L), "SAME");
            h = tf.nn.leakyRelu(tf.math.add(h, dBiases[i]), LeakyRelu.alpha(0.2f));
        }
        if (hp.minibatchStd()) {
            h = tf.concat(List.of(h, minibatchStd(h)), tf.constant(3));
        }
        Operand<TFloat32> features = pooled
                ? tf.sum(h, tf.constant(new int[] {1, 2}))
                : tf.reshape(h, tf.constant(new long[] {-1, featureWidth()}));
        Operand<TFloat32> out = tf.math.add(tf.linalg.matMul(features, dDense), dDenseBias);
        out = tf.reshape(out, tf.constant(new int[] {-1}));
        if (projection) {
            Operand<TFloat32> term = tf.sum(tf.math.mul(tf.linalg.matMul(oneHot, dEmbed), features), tf.constant(1));
            out = tf.math.add(out, term);
        }
        return out;
    }

    /**
     * The minibatch standard-deviation map (Karras et al. 2018, sec. 3): per group of {@link #STD_GROUP}
     * consecutive samples, the standard deviation of every feature over the group, averaged to one number and
     * appended as a constant map to each member. Groups are consecutive, so with batches that are multiples of
     * the group size the real and fake halves of the critic's batch never share a group. The square root is
     * written as a power so that the gradient penalty can differentiate it twice.
     */
    private Operand<TFloat32> minibatchStd(Operand<TFloat32> h) {
        int base = layout.base();
        int c = layout.channels(hp.width(), 0);
        Operand<TFloat32> grouped = tf.reshape(h, tf.constant(new int[] {-1, STD_GROUP, base, base, c}));
        Operand<TFloat32> centered = tf.math.sub(grouped, tf.math.mean(grouped, tf.constant(1), Mean.keepDims(true)));
        Operand<TFloat32> variance = tf.math.mean(tf.math.mul(centered, centered), tf.constant(1));
        Operand<TFloat32> std = tf.math.pow(tf.math.add(variance, tf.constant(1e-8f)), tf.constant(0.5f));
        Operand<TFloat32> perGroup = tf.math.mean(std, tf.constant(new int[] {1, 2, 3}));
        Operand<TFloat32> perSample = tf.reshape(tf.tile(tf.reshape(perGroup, tf.constant(new int[] {-1, 1})),
                tf.constant(new int[] {1, STD_GROUP})), tf.constant(new int[] {-1, 1, 1, 1}));
        return tf.tile(perSample, tf.constant(new int[] {1, base, base, 1}));
    }

    private Variable<TFloat32> normal(List<Variable<TFloat32>> into, String name, float std, long... shape) {
        Variable<TFloat32> v = normalVariable(name, std, shape);
        into.add(v);
        return v;
    }

    private Variable<TFloat32> normalVariable(String name, float std, long... shape) {
        // Stateless normal keyed by (run seed, variable index): the same seed gives the same initial weights.
        Operand<TFloat32> init = tf.math.mul(tf.random.statelessRandomNormal(tf.constant(shape),
                tf.constant(new long[] {seed, seedIndex++})), tf.constant(std));
        return tf.withName(name).variable(init);
    }

    private Variable<TFloat32> zeros(List<Variable<TFloat32>> into, String name, long... shape) {
        Variable<TFloat32> v = tf.withName(name).variable(tf.zeros(tf.constant(shape), TFloat32.class));
        into.add(v);
        return v;
    }
}
