package dev.ganiqa.metrics.features.train;

import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.metrics.features.GraphTensors;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The feature network of {@code ganiqa-fmnist-v1}, {@code -v2}, {@code -v3} and of {@code ganiqa extractor train}: two conv blocks
 * (3x3 conv 32 + ReLU + 2x2 max-pool, 3x3 conv 64 + ReLU + 2x2 max-pool), a 256-unit ReLU layer whose
 * activations are the features, dropout during training only, and a dense layer to class logits.
 * Small on purpose: it trains on two CPU cores in minutes and still separates Fashion-MNIST classes
 * well above 91% (the same role as Inception's pool_3 for ImageNet-like images, in the spirit of the
 * domain-specific classifiers of Heusel et al. 2017, section 5, and Lucic et al. 2018).
 *
 * <p>The same builder makes the training graph (weights are variables) and the frozen inference graph
 * (weights are constants), so both compute exactly the same function.
 *
 * <p>With a rejection class ({@code ganiqa-fmnist-v2}, {@code -v3}), the dense head has one more output, trained on
 * synthetic non-object images ({@link RejectionImages}). The exported {@code logits} and {@code probabilities}
 * still cover the real classes only (softmax over their logits), so class-based metrics see the same
 * {@code classes} as without it; {@code rejection} is the rejection class's probability in the softmax over all
 * outputs.
 */
public final class ClassifierNet {
    /** Feature width of the penultimate layer. */
    public static final int FEATURES = 256;
    static final int CONV1 = 32;
    static final int CONV2 = 64;

    /** Where a weight comes from: a variable while training, a constant once frozen. */
    public interface Weights {
        Operand<TFloat32> get(Ops tf, String name, long... shape);
    }

    /** One named weight tensor; shapes in TF layout (HWIO for convolutions, [in, out] for dense). */
    public record Param(String name, long[] shape) {
        public int size() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return Math.toIntExact(n);
        }

        /** He-normal fan-in for weight matrices; biases start at zero. */
        public int fanIn() {
            if (shape.length == 1) {
                return 0;
            }
            long n = 1;
            for (int i = 0; i < shape.length - 1; i++) {
                n *= shape[i];
            }
            return Math.toIntExact(n);
        }
    }

    /**
     * The network's outputs for one input: {@code logits} over the real classes, {@code allLogits} over every
     * output the head is trained on (the same operand as {@code logits} without a rejection class).
     */
    public record Outputs(Operand<TFloat32> features, Operand<TFloat32> logits, Operand<TFloat32> allLogits) {
    }

    private final ImageShape input;
    private final int classes;
    private final boolean rejection;
    private final boolean rotation;

    public ClassifierNet(ImageShape input, int classes) {
        this(input, classes, false);
    }

    /** {@code classes} real classes, plus one rejection output when {@code rejection}. */
    public ClassifierNet(ImageShape input, int classes, boolean rejection) {
        this(input, classes, rejection, false);
    }

    /** As {@link #ClassifierNet(ImageShape, int, boolean)}, with the rotation head when {@code rotation}. */
    public ClassifierNet(ImageShape input, int classes, boolean rejection, boolean rotation) {
        if (classes < 2) {
            throw new IllegalArgumentException("expected at least 2 classes, found " + classes);
        }
        if (rotation && input.height() != input.width()) {
            throw new IllegalArgumentException("expected square images for the rotation head, found " + input);
        }
        this.input = input;
        this.classes = classes;
        this.rejection = rejection;
        this.rotation = rotation;
    }

    /** Whether the net has the rotation head ({@link RotationPretext}). */
    public boolean rotation() {
        return rotation;
    }

    /** Whether the frozen graph exports a {@code rejection} output (a rejection class, a rotation head, or both). */
    public boolean outOfDistributionScore() {
        return rejection || rotation;
    }

    /** Whether the head has a rejection output after the real classes. */
    public boolean rejection() {
        return rejection;
    }

    /** Outputs of the dense head: the real classes, plus one with a rejection class. */
    public int outputs() {
        return classes + (rejection ? 1 : 0);
    }

    public ImageShape input() {
        return input;
    }

    public int classes() {
        return classes;
    }

    /** Flattened size after two SAME 2x2 pools: ceil(ceil(h/2)/2) x ceil(ceil(w/2)/2) x 64. */
    int flat() {
        int h = (input.height() + 3) / 4;
        int w = (input.width() + 3) / 4;
        return h * w * CONV2;
    }

    /** Every weight, in a fixed order (the seeded initialisation and the frozen graph depend on it). */
    public List<Param> params() {
        List<Param> params = new java.util.ArrayList<>(List.of(
                new Param("conv1_w", new long[] {3, 3, input.channels(), CONV1}),
                new Param("conv1_b", new long[] {CONV1}),
                new Param("conv2_w", new long[] {3, 3, CONV1, CONV2}),
                new Param("conv2_b", new long[] {CONV2}),
                new Param("fc_w", new long[] {flat(), FEATURES}),
                new Param("fc_b", new long[] {FEATURES}),
                new Param("out_w", new long[] {FEATURES, outputs()}),
                new Param("out_b", new long[] {outputs()})));
        if (rotation) {
            // Appended, so the earlier weights draw the same initial values as without the head.
            params.add(new Param("rot_w", new long[] {FEATURES, RotationPretext.TURNS}));
            params.add(new Param("rot_b", new long[] {RotationPretext.TURNS}));
        }
        return List.copyOf(params);
    }

    /**
     * Builds the forward pass. {@code images} are float 0..255, NHWC; they are mapped to [-1, 1] inside
     * the graph so that callers feed raw pixel values, as for the Inception graph. {@code dropoutSeed}
     * non-null adds dropout (keep 0.5) after the feature layer, for training.
     */
    public Outputs build(Ops tf, Operand<TFloat32> images, Weights weights, Long dropoutSeed) {
        Operand<TFloat32> hidden = trunk(tf, images, weights);
        Operand<TFloat32> features = tf.withName(dropoutSeed == null ? GraphTensors.FEATURES_OUTPUT : "train_features")
                .identity(hidden);
        Operand<TFloat32> head = features;
        if (dropoutSeed != null) {
            head = dropout(tf, features, 0.5f, dropoutSeed);
        }
        String all = dropoutSeed != null ? "train_logits" : rejection ? "all_logits" : GraphTensors.LOGITS_OUTPUT;
        Operand<TFloat32> allLogits = tf.withName(all).nn.biasAdd(
                tf.linalg.matMul(head, weights.get(tf, "out_w", FEATURES, outputs())), weights.get(tf, "out_b", outputs()));
        if (!rejection) {
            return new Outputs(features, allLogits, allLogits);
        }
        Operand<TFloat32> logits = tf.withName(dropoutSeed == null ? GraphTensors.LOGITS_OUTPUT : "train_class_logits").slice(
                allLogits, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, classes}));
        return new Outputs(features, logits, allLogits);
    }

    /** The features of {@code images} (float 0..255, NHWC): both conv blocks and the ReLU layer, without names. */
    Operand<TFloat32> trunk(Ops tf, Operand<TFloat32> images, Weights weights) {
        Operand<TFloat32> x = tf.math.sub(tf.math.mul(images, tf.constant(1f / 127.5f)), tf.constant(1f));
        x = block(tf, x, weights.get(tf, "conv1_w", 3, 3, input.channels(), CONV1), weights.get(tf, "conv1_b", CONV1));
        x = block(tf, x, weights.get(tf, "conv2_w", 3, 3, CONV1, CONV2), weights.get(tf, "conv2_b", CONV2));
        x = tf.reshape(x, tf.constant(new int[] {-1, flat()}));
        return tf.nn.relu(tf.nn.biasAdd(
                tf.linalg.matMul(x, weights.get(tf, "fc_w", flat(), FEATURES)), weights.get(tf, "fc_b", FEATURES)));
    }

    /** Rotation logits [N, 4] of {@code images} (the head of {@link RotationPretext}). */
    Operand<TFloat32> rotationLogits(Ops tf, Operand<TFloat32> images, Weights weights) {
        return tf.nn.biasAdd(tf.linalg.matMul(trunk(tf, images, weights),
                weights.get(tf, "rot_w", FEATURES, RotationPretext.TURNS)), weights.get(tf, "rot_b", RotationPretext.TURNS));
    }

    /**
     * Adds the inference outputs after {@link #build}: {@code probabilities} (softmax over the real classes) and,
     * with a rejection class or a rotation head, {@code rejection}: the rejection class's probability in the
     * softmax over every output, and with the rotation head also {@code rotation_surprise} and the larger of that
     * probability and half the surprise over the threshold of the class the image is assigned (a weight [classes]
     * named {@link RotationPretext#THRESHOLD}, read only with the rotation head), capped at 1.
     */
    public Operand<TFloat32> heads(Ops tf, Operand<TFloat32> images, Outputs out, Weights weights) {
        Operand<TFloat32> probabilities = tf.withName(GraphTensors.PROBABILITIES_OUTPUT).nn.softmax(out.logits());
        if (!outOfDistributionScore()) {
            return probabilities;
        }
        Operand<TFloat32> score = null;
        if (rejection) {
            Operand<TFloat32> all = tf.nn.softmax(out.allLogits());
            score = tf.reshape(tf.slice(all, tf.constant(new int[] {0, classes}),
                    tf.constant(new int[] {-1, 1})), tf.constant(new int[] {-1}));
        }
        if (rotation) {
            Operand<TFloat32> surprise = tf.withName(RotationPretext.SURPRISE_OUTPUT)
                    .identity(RotationPretext.surprise(tf, this, images, weights));
            // The threshold of the class the classifier assigns (one per class, RotationPretext.thresholds).
            Operand<TFloat32> perClass = weights.get(tf, RotationPretext.THRESHOLD, classes);
            Operand<TFloat32> assigned = tf.oneHot(tf.math.argMax(out.logits(), tf.constant(1)), tf.constant(classes),
                    tf.constant(1f), tf.constant(0f));
            Operand<TFloat32> threshold = tf.reduceSum(tf.math.mul(assigned, perClass), tf.constant(1));
            Operand<TFloat32> scaled = tf.math.minimum(tf.math.div(surprise, tf.math.mul(threshold, tf.constant(2f))),
                    tf.constant(1f));
            score = score == null ? scaled : tf.math.maximum(score, scaled);
        }
        tf.withName(GraphTensors.REJECTION_OUTPUT).identity(score);
        return probabilities;
    }

    private static Operand<TFloat32> block(Ops tf, Operand<TFloat32> x, Operand<TFloat32> w, Operand<TFloat32> b) {
        Operand<TFloat32> conv = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "SAME"), b));
        Operand<TInt32> window = tf.constant(new int[] {1, 2, 2, 1});
        return tf.nn.maxPool(conv, window, window, "SAME");
    }

    /** Inverted dropout: keep with probability {@code keep}, scale kept units by 1/keep. */
    private static Operand<TFloat32> dropout(Ops tf, Operand<TFloat32> x, float keep, long seed) {
        Operand<TFloat32> u = tf.random.randomUniform(tf.shape(x), TFloat32.class,
                RandomUniform.seed(seed), RandomUniform.seed2(seed + 1));
        Operand<TFloat32> mask = tf.math.floor(tf.math.add(u, tf.constant(keep)));
        return tf.math.mul(x, tf.math.mul(mask, tf.constant(1f / keep)));
    }
}
