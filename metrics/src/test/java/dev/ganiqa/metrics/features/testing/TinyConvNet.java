package dev.ganiqa.metrics.features.testing;

import dev.ganiqa.metrics.features.GraphTensors;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A small network with random weights, written three ways so that two runtimes and plain Java can be compared on
 * it: a 3x3 convolution (stride 1, zero padding 1, bias) to {@code filters} channels, ReLU, global average pooling
 * to {@code features} [N, filters], and a dense layer to {@code logits} [N, classes].
 * <ul>
 *   <li>{@link #onnx}: an ONNX model (opset 13: Conv, Relu, GlobalAveragePool, Flatten, Gemm; a leading
 *       Transpose for NHWC inputs);</li>
 *   <li>{@link #frozenGraph}: a TensorFlow GraphDef in the layout of {@code ganiqa extractor train} (input
 *       {@code images}, float 0..255 NHWC, divided by 255 in the graph; {@code features}, {@code probabilities}),
 *       opened with {@code frozen:};</li>
 *   <li>{@link #reference}: the same arithmetic in double precision, for tests.</li>
 * </ul>
 * Used by tests and benchmarks, never as a metric.
 */
public final class TinyConvNet {
    private final int channels;
    private final int filters;
    private final int classes;
    /** [filters, channels, 3, 3] (ONNX's OIHW). */
    private final float[] convW;
    private final float[] convB;
    /** [classes, filters] (Gemm with transB = 1). */
    private final float[] denseW;
    private final float[] denseB;

    private TinyConvNet(int channels, int filters, int classes, long seed) {
        this.channels = channels;
        this.filters = filters;
        this.classes = classes;
        SplittableRandom r = new SplittableRandom(seed);
        convW = gaussian(r, filters * channels * 9, 0.5);
        convB = gaussian(r, filters, 0.1);
        denseW = gaussian(r, classes * filters, 0.5);
        denseB = gaussian(r, classes, 0.1);
    }

    public static TinyConvNet of(int channels, int filters, int classes, long seed) {
        return new TinyConvNet(channels, filters, classes, seed);
    }

    public int filters() {
        return filters;
    }

    public int classes() {
        return classes;
    }

    /**
     * The ONNX model: input {@code input} [n, C, H, W] (or [n, H, W, C] when {@code nhwc}), where H and W are the
     * given sizes or, when 0, symbolic; outputs {@code features} and {@code logits}.
     */
    public byte[] onnx(String input, int height, int width, boolean nhwc) {
        return onnx(input, 0, height, width, nhwc);
    }

    /** {@link #onnx(String, int, int, boolean)} with a static batch size {@code batch} (0: symbolic). */
    public byte[] onnx(String input, int batch, int height, int width, boolean nhwc) {
        Object n = batch > 0 ? (Object) batch : "n";
        Object h = height > 0 ? (Object) height : "h";
        Object w = width > 0 ? (Object) width : "w";
        OnnxWriter g = OnnxWriter.graph("tiny_conv_net");
        String x = input;
        if (nhwc) {
            g.node("Transpose", new String[] {input}, "x_nchw", OnnxWriter.intsAttribute("perm", 0, 3, 1, 2));
            x = "x_nchw";
            g.input(input, n, h, w, channels);
        } else {
            g.input(input, n, channels, h, w);
        }
        g.initializer("conv_w", convW, filters, channels, 3, 3).initializer("conv_b", convB, filters)
                .initializer("dense_w", denseW, classes, filters).initializer("dense_b", denseB, classes);
        g.node("Conv", new String[] {x, "conv_w", "conv_b"}, "conv", OnnxWriter.intsAttribute("kernel_shape", 3, 3),
                OnnxWriter.intsAttribute("pads", 1, 1, 1, 1));
        g.node("Relu", new String[] {"conv"}, "relu");
        g.node("GlobalAveragePool", new String[] {"relu"}, "pooled");
        g.node("Flatten", new String[] {"pooled"}, "features", OnnxWriter.intAttribute("axis", 1));
        g.node("Gemm", new String[] {"features", "dense_w", "dense_b"}, "logits", OnnxWriter.intAttribute("transB", 1));
        g.output("features", n, filters).output("logits", n, classes);
        return OnnxWriter.model(g);
    }

    /** The TensorFlow GraphDef (NHWC, fixed {@code height} x {@code width}, values 0..255 scaled by 1/255 inside). */
    public byte[] frozenGraph(int height, int width) {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> images = tf.withName(GraphTensors.INPUT).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, height, width, channels)));
            Operand<TFloat32> x = tf.math.mul(images, tf.constant(1f / 255f));
            float[] hwio = new float[9 * channels * filters];
            for (int o = 0; o < filters; o++) {
                for (int i = 0; i < channels; i++) {
                    for (int k = 0; k < 9; k++) {
                        hwio[(k * channels + i) * filters + o] = convW[(o * channels + i) * 9 + k];
                    }
                }
            }
            Operand<TFloat32> conv = tf.nn.biasAdd(tf.nn.conv2d(x, constant(tf, hwio, 3, 3, channels, filters),
                    java.util.List.of(1L, 1L, 1L, 1L), "SAME"), constant(tf, convB, filters));
            Operand<TFloat32> relu = tf.nn.relu(conv);
            Operand<TFloat32> features = tf.withName(GraphTensors.FEATURES_OUTPUT).math.mean(relu,
                    tf.constant(new int[] {1, 2}));
            float[] io = new float[filters * classes];
            for (int o = 0; o < classes; o++) {
                for (int i = 0; i < filters; i++) {
                    io[i * classes + o] = denseW[o * filters + i];
                }
            }
            Operand<TFloat32> logits = tf.withName(GraphTensors.LOGITS_OUTPUT).nn.biasAdd(
                    tf.linalg.matMul(features, constant(tf, io, filters, classes)), constant(tf, denseB, classes));
            tf.withName(GraphTensors.PROBABILITIES_OUTPUT).nn.softmax(logits);
            return graph.toGraphDef().toByteArray();
        }
    }

    private static Operand<TFloat32> constant(Ops tf, float[] values, long... dims) {
        return tf.constant(Shape.of(dims), DataBuffers.of(values, true, false));
    }

    /**
     * Features [n, filters] and logits [n, classes] of {@code x}, n images [C, H, W] (NCHW, already normalised),
     * in double precision: {@code out[0]} the features, {@code out[1]} the logits, row-major.
     */
    public double[][] reference(float[] x, int n, int height, int width) {
        double[] feats = new double[n * filters];
        double[] logits = new double[n * classes];
        int plane = height * width;
        for (int img = 0; img < n; img++) {
            for (int o = 0; o < filters; o++) {
                double sum = 0;
                for (int y = 0; y < height; y++) {
                    for (int xx = 0; xx < width; xx++) {
                        double acc = convB[o];
                        for (int i = 0; i < channels; i++) {
                            int base = (img * channels + i) * plane;
                            for (int ky = 0; ky < 3; ky++) {
                                int sy = y + ky - 1;
                                if (sy < 0 || sy >= height) {
                                    continue;
                                }
                                for (int kx = 0; kx < 3; kx++) {
                                    int sx = xx + kx - 1;
                                    if (sx >= 0 && sx < width) {
                                        acc += (double) convW[((o * channels + i) * 3 + ky) * 3 + kx]
                                                * x[base + sy * width + sx];
                                    }
                                }
                            }
                        }
                        sum += Math.max(0, acc);
                    }
                }
                feats[img * filters + o] = sum / plane;
            }
            for (int c = 0; c < classes; c++) {
                double acc = denseB[c];
                for (int o = 0; o < filters; o++) {
                    acc += denseW[c * filters + o] * feats[img * filters + o];
                }
                logits[img * classes + c] = acc;
            }
        }
        return new double[][] {feats, logits};
    }

    private static float[] gaussian(SplittableRandom r, int n, double sd) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double u = 1 - r.nextDouble();
            double v = r.nextDouble();
            out[i] = (float) (sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
        return out;
    }
}
