package dev.ganiqa.trainers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Batch normalisation (Ioffe and Szegedy 2015) from primitive ops, with PyTorch's momentum 0.1 and epsilon 1e-5.
 * With {@code classes > 0} it is conditional batch normalisation (de Vries et al. 2017): the scale and shift
 * are rows of learned per-class tables picked by the one-hot label, starting at 1 and 0 like the plain ones.
 */
final class BatchNorm {
    static final float MOMENTUM = 0.1f;
    static final float EPSILON = 1e-5f;

    private final Ops tf;
    private final int channels;
    private final boolean conditional;
    private final Variable<TFloat32> gamma;
    private final Variable<TFloat32> beta;
    private final Variable<TFloat32> movingMean;
    private final Variable<TFloat32> movingVariance;

    /**
     * @param trainable receives the scale and shift (G's variables); the moving mean and variance are saved with
     *                  the checkpoints like every variable, but no optimizer holds them
     */
    BatchNorm(Ops tf, String name, int channels, int classes, List<Variable<TFloat32>> trainable) {
        this.tf = tf;
        this.channels = channels;
        this.conditional = classes > 0;
        int[] shape = conditional ? new int[] {classes, channels} : new int[] {channels};
        beta = tf.withName(name + "_beta").variable(tf.zeros(tf.constant(shape), TFloat32.class));
        gamma = tf.withName(name + "_gamma").variable(tf.fill(tf.constant(shape), tf.constant(1f)));
        trainable.add(beta);
        trainable.add(gamma);
        movingMean = tf.withName(name + "_mean").variable(tf.zeros(tf.constant(new int[] {channels}), TFloat32.class));
        movingVariance = tf.withName(name + "_var").variable(tf.fill(tf.constant(new int[] {channels}), tf.constant(1f)));
    }

    /**
     * Normalises NHWC {@code x}. {@code training} uses the batch's statistics and appends the moving-average
     * updates to {@code updates}; otherwise the moving averages are used. {@code oneHot} picks the per-class
     * scale and shift when conditional (ignored otherwise).
     */
    Operand<TFloat32> apply(Operand<TFloat32> x, Operand<TFloat32> oneHot, boolean training, List<Op> updates) {
        Operand<TInt32> axes = tf.constant(new int[] {0, 1, 2});
        Operand<TFloat32> mean;
        Operand<TFloat32> variance;
        Operand<TFloat32> centered;
        if (training) {
            mean = tf.math.mean(x, axes, Mean.keepDims(false));
            centered = tf.math.sub(x, mean);
            variance = tf.math.mean(tf.math.mul(centered, centered), axes, Mean.keepDims(false));
            Operand<TFloat32> keep = tf.constant(1f - MOMENTUM);
            Operand<TFloat32> take = tf.constant(MOMENTUM);
            updates.add(tf.assign(movingMean, tf.math.add(tf.math.mul(movingMean, keep), tf.math.mul(mean, take))));
            updates.add(tf.assign(movingVariance,
                    tf.math.add(tf.math.mul(movingVariance, keep), tf.math.mul(variance, take))));
        } else {
            centered = tf.math.sub(x, movingMean);
            variance = movingVariance;
        }
        Operand<TFloat32> inverse = tf.math.rsqrt(tf.math.add(variance, tf.constant(EPSILON)));
        if (!conditional) {
            return tf.math.add(tf.math.mul(centered, tf.math.mul(inverse, gamma)), beta);
        }
        Operand<TFloat32> normalised = tf.math.mul(centered, inverse);
        Operand<TInt32> perExample = tf.constant(new int[] {-1, 1, 1, channels});
        Operand<TFloat32> scale = tf.reshape(tf.linalg.matMul(oneHot, gamma), perExample);
        Operand<TFloat32> shift = tf.reshape(tf.linalg.matMul(oneHot, beta), perExample);
        return tf.math.add(tf.math.mul(normalised, scale), shift);
    }
}
