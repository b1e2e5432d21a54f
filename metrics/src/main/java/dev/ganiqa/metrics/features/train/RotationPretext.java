package dev.ganiqa.metrics.features.train;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Rotation prediction as a pretext task, and the out-of-distribution score it gives. While the classifier learns
 * the classes, a linear head on the same features learns which of four quarter turns (0, 90, 180, 270 degrees
 * counter-clockwise) an image of the data was given (Gidaris, Singh and Komodakis, ICLR 2018). The features must
 * then encode how an object of the data is oriented and built, not only which class it resembles; an input that
 * is not such an object (a texture, a frame of noise, strokes out of place) leaves the head unsure of the turn
 * it sees. The score is Hendrycks, Mazeika, Kadavath and Song (NeurIPS 2019, "Using Self-Supervised Learning Can
 * Improve Model Robustness and Uncertainty", section 4): the rotation loss summed over the four turns of the
 * input; here its mean, the <em>rotation surprise</em> {@code -(1/4) sum_k log p(k | rot_k(x))}.
 *
 * <p>The rejection class's images take no part in the rotation loss (a texture has no upright). The thresholds are
 * per class: the 95th percentile of the surprise over the calibration images (held out of training) that the
 * classifier assigns to the class (the operating point of "95% of in-distribution inputs accepted" that the
 * out-of-distribution literature reports at, e.g. Liang et al., ICLR 2018; one threshold per class as in
 * class-conditional conformal prediction, Vovk 2012). A single threshold counted 20% of real test bags out and 1%
 * of ankle boots: a bag looks much the same on its side, a boot does not, so one cut made the score a judge of
 * classes. Stored in the graph as {@link #THRESHOLD} [classes]; the image's class is the argmax of its logits.
 */
public final class RotationPretext {
    /** Quarter turns the head tells apart. */
    public static final int TURNS = 4;
    /** Weight of the rotation loss next to the classification loss (chosen once, not tuned). */
    static final float WEIGHT = 0.5f;
    /** Share of calibration images whose surprise is at or below the threshold. */
    public static final double ACCEPTED = 0.95;
    /** The weight (a scalar) that holds the calibrated threshold. */
    public static final String THRESHOLD = "rotation_threshold";
    /** The exported per-image rotation surprise [N]. */
    public static final String SURPRISE_OUTPUT = "rotation_surprise";

    private RotationPretext() {
    }

    /**
     * Copies image {@code in} (HWC bytes, square of side {@code side}) turned {@code k} quarter turns
     * counter-clockwise into {@code out} at {@code offset} as floats: one turn maps (row y, column x) to the input's
     * (row x, column side-1-y), as {@link #quarterTurn} does in the graph.
     */
    static void rotate(byte[] in, int side, int channels, int k, float[] out, int offset) {
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int sy = y;
                int sx = x;
                for (int t = 0; t < (k & 3); t++) {
                    int ny = sx;
                    int nx = side - 1 - sy;
                    sy = ny;
                    sx = nx;
                }
                for (int c = 0; c < channels; c++) {
                    out[offset + (y * side + x) * channels + c] = in[(sy * side + sx) * channels + c] & 0xFF;
                }
            }
        }
    }

    /** One counter-clockwise quarter turn of NHWC images: transpose height and width, then reverse the rows. */
    static Operand<TFloat32> quarterTurn(Ops tf, Operand<TFloat32> images) {
        return tf.reverse(tf.linalg.transpose(images, tf.constant(new int[] {0, 2, 1, 3})), tf.constant(new int[] {1}));
    }

    /** The rotation surprise [N] of {@code images}: the head sees the four turns of every image in one batch. */
    static Operand<TFloat32> surprise(Ops tf, ClassifierNet net, Operand<TFloat32> images, ClassifierNet.Weights weights) {
        Operand<TFloat32> r1 = quarterTurn(tf, images);
        Operand<TFloat32> r2 = quarterTurn(tf, r1);
        Operand<TFloat32> r3 = quarterTurn(tf, r2);
        Operand<TFloat32> turned = tf.concat(List.of(images, r1, r2, r3), tf.constant(0));
        Operand<TFloat32> logp = tf.nn.logSoftmax(net.rotationLogits(tf, turned, weights));
        // [4N, 4] -> [4, N, 4]; keep log p(k | rot_k(x)) with a one-hot [4, 1, 4] and sum over k and the head.
        Operand<TFloat32> grouped = tf.reshape(logp, tf.constant(new int[] {TURNS, -1, TURNS}));
        float[] eye = new float[TURNS * TURNS];
        for (int k = 0; k < TURNS; k++) {
            eye[k * TURNS + k] = 1f;
        }
        Operand<TFloat32> pick = tf.constant(org.tensorflow.ndarray.Shape.of(TURNS, 1, TURNS),
                org.tensorflow.ndarray.buffer.DataBuffers.of(eye, true, false));
        Operand<TFloat32> sum = tf.reduceSum(tf.math.mul(grouped, pick), tf.constant(new int[] {0, 2}));
        return tf.math.mul(sum, tf.constant(-1f / TURNS));
    }

    /** Fewest calibration images a class needs for a threshold of its own; below, it takes the overall one. */
    static final int MIN_PER_CLASS = 20;

    /** The threshold: the nearest-rank {@link #ACCEPTED} quantile of the calibration images' surprises. */
    static float threshold(float[] surprises) {
        if (surprises.length == 0) {
            throw new IllegalArgumentException("expected calibration images for the rotation threshold, found none");
        }
        float[] sorted = surprises.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(ACCEPTED * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /**
     * One threshold per class: {@link #threshold} over the calibration images assigned to it ({@code assigned[i]},
     * the argmax of image i's logits), or over all of them for a class assigned fewer than {@link #MIN_PER_CLASS}.
     */
    static float[] thresholds(float[] surprises, int[] assigned, int classes) {
        float overall = threshold(surprises);
        float[] out = new float[classes];
        for (int c = 0; c < classes; c++) {
            int n = 0;
            for (int a : assigned) {
                n += a == c ? 1 : 0;
            }
            if (n < MIN_PER_CLASS) {
                out[c] = overall;
                continue;
            }
            float[] mine = new float[n];
            int k = 0;
            for (int i = 0; i < assigned.length; i++) {
                if (assigned[i] == c) {
                    mine[k++] = surprises[i];
                }
            }
            out[c] = threshold(mine);
        }
        return out;
    }
}
