package dev.ganiqa.trainers;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * Spectral normalisation of one weight (Miyato et al. 2018, "Spectral Normalization for GANs", algorithm 1):
 * W is viewed as a matrix [fan-in, out]; one power iteration per critic update from the persistent vector u
 * estimates the largest singular value sigma = v^T W u', and the layer uses W / sigma. u and v are constants
 * for the gradient (tf.stopGradient), as in the paper and in PyTorch's {@code torch.nn.utils.spectral_norm};
 * the refreshed u is written back only by the critic step, after its update.
 */
final class SpectralNorm {
    private static final float EPSILON = 1e-12f;

    private final Operand<TFloat32> normalised;
    private final Variable<TFloat32> u;
    private final Operand<TFloat32> next;

    /**
     * @param u the persistent estimate of the first right singular vector, shape [1, out] with out the last
     *          dimension of {@code weight}, random at start
     */
    SpectralNorm(Ops tf, Variable<TFloat32> weight, Variable<TFloat32> u) {
        long[] shape = weight.shape().asArray();
        Operand<TFloat32> w = tf.reshape(tf.identity(weight), tf.constant(new long[] {-1, shape[shape.length - 1]}));
        this.u = u;
        Operand<TFloat32> v = tf.stopGradient(l2Normalize(tf, tf.linalg.matMul(tf.identity(u), w,
                MatMul.transposeB(true))));
        Operand<TFloat32> wu = tf.linalg.matMul(v, w);
        next = tf.stopGradient(l2Normalize(tf, wu));
        Operand<TFloat32> sigma = tf.sum(tf.math.mul(wu, next), tf.constant(new int[] {0, 1}));
        normalised = tf.math.div(tf.identity(weight), sigma);
    }

    /** W / sigma(W), in W's own shape. */
    Operand<TFloat32> weight() {
        return normalised;
    }

    /**
     * Stores the refreshed u. {@code after} carries the critic update as a control dependency, so every read of
     * u in that step (through sigma, hence the gradients) happens before the write.
     */
    Op refresh(Ops after) {
        return after.assign(u, next);
    }

    /** x / ||x||_2 over the whole row vector; the epsilon keeps an all-zero start finite. */
    private static Operand<TFloat32> l2Normalize(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> squares = tf.sum(tf.math.mul(x, x), tf.constant(new int[] {0, 1}));
        return tf.math.mul(x, tf.math.rsqrt(tf.math.add(squares, tf.constant(EPSILON))));
    }
}
