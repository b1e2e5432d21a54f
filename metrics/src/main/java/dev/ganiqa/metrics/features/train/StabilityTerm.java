package dev.ganiqa.metrics.features.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Stability training (Zheng, Song, Leung and Goodfellow, CVPR 2016, "Improving the Robustness of Deep Neural
 * Networks via Stability Training"): next to the task loss on the clean image, a term that asks the features of a
 * noisy copy to stay where the clean image's are. Zheng et al. compare the two copies' outputs (L2 on embeddings,
 * KL on class distributions); here the compared output is the feature layer itself, because the metrics' k-NN radii
 * and Gaussian statistics are computed there: noise-augmented training alone (candidate v10a, BENCHMARKS.md) kept
 * noisy garments out of the rejection class but moved their features off the clean ones, so light noise cost 57% of
 * precision. The term is scale-free and measured against what precision's k-NN radii scale with, the spread between
 * images: the real images' summed squared drift over their summed squared distance from the batch's mean feature,
 * {@code sum_i m_i |f(x_i) - f(x'_i)|^2 / sum_i m_i |f(x_i) - mean_m f|^2}, {@code m_i} 1 for a real image and 0 for a
 * rejection image (whose noisy copy means nothing); weight {@link #WEIGHT}, chosen once, not tuned.
 */
final class StabilityTerm {
    /**
     * Weight of the term next to the cross-entropy: a noisy copy that drifts by a tenth of the spread between images
     * costs 1, as much as the cross-entropy of a guess among e^1 classes, so drift of the size of a k-NN radius is not
     * worth a small gain in the task.
     */
    static final float WEIGHT = 10f;

    private StabilityTerm() {
    }

    /** The weighted term for clean features [N, F], the noisy copies' images [N, H, W, C] and the mask [N]. */
    static Operand<TFloat32> loss(Ops tf, ClassifierNet net, Operand<TFloat32> cleanFeatures, Operand<TFloat32> noisy,
            Operand<TFloat32> mask, ClassifierNet.Weights weights) {
        Operand<TFloat32> noisyFeatures = net.trunk(tf, noisy, weights);
        Operand<TFloat32> drift = tf.reduceSum(tf.math.square(tf.math.sub(cleanFeatures, noisyFeatures)), tf.constant(1));
        Operand<TFloat32> count = tf.math.maximum(tf.reduceSum(mask, tf.constant(0)), tf.constant(1f));
        Operand<TFloat32> column = tf.expandDims(mask, tf.constant(1));
        Operand<TFloat32> mean = tf.math.div(tf.reduceSum(tf.math.mul(cleanFeatures, column), tf.constant(0)), count);
        Operand<TFloat32> norm = tf.reduceSum(tf.math.square(tf.math.sub(cleanFeatures, mean)), tf.constant(1));
        Operand<TFloat32> ratio = tf.math.div(tf.reduceSum(tf.math.mul(drift, mask), tf.constant(0)),
                tf.math.maximum(tf.reduceSum(tf.math.mul(norm, mask), tf.constant(0)), tf.constant(1e-6f)));
        return tf.math.mul(ratio, tf.constant(WEIGHT));
    }
}
