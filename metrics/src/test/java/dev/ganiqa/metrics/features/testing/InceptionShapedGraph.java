package dev.ganiqa.metrics.features.testing;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.DecodeJpeg;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;

/**
 * A small stand-in for {@code classify_image_graph_def.pb} (which cannot be downloaded on the build
 * machines): the same tensor names and the same structure around them, random weights in between.
 * {@code DecodeJpeg/contents -> DecodeJpeg -> Cast -> ExpandDims} (static batch 1, as in the file) {@code ->
 * ResizeBilinear [299, 299] -> Sub 128 -> Mul 1/128 ->} (a cheap body: 37x37 average pooling to 8x8 and a
 * 1x1 convolution to 2048 channels, ReLU) {@code -> pool_3} (8x8 average pool, [1, 1, 1, 2048]) {@code ->
 * pool_3/_reshape} (to the constant [1, 2048]) {@code -> softmax/logits/MatMul} (weights
 * {@code softmax/weights} [2048, 1008]) {@code -> softmax/logits} (+ {@code softmax/biases}) {@code -> softmax}.
 * Used by the loader tests and the benchmark, never as a metric.
 */
public final class InceptionShapedGraph {
    public static final int FEATURES = 2048;
    public static final int CLASSES = 1008;

    private final float[] logitWeights;
    private final byte[] graphDef;

    private InceptionShapedGraph(float[] logitWeights, byte[] graphDef) {
        this.logitWeights = logitWeights;
        this.graphDef = graphDef;
    }

    /** The serialised GraphDef. */
    public byte[] bytes() {
        return graphDef.clone();
    }

    /** The [2048, 1008] row-major weights of {@code softmax/logits/MatMul}. */
    public float[] logitWeights() {
        return logitWeights.clone();
    }

    public static InceptionShapedGraph build(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] conv = gaussian(random, 3 * FEATURES, 0.05);
        float[] convBias = gaussian(random, FEATURES, 0.1);
        float[] weights = gaussian(random, FEATURES * CLASSES, 0.05);
        float[] biases = gaussian(random, CLASSES, 0.1);
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TString> contents = tf.withName("contents").placeholder(TString.class);
            DecodeJpeg decoded = tf.withName("DecodeJpeg").image.decodeJpeg(contents, DecodeJpeg.channels(3L));
            Operand<TFloat32> cast = tf.withName("Cast").dtypes.cast(decoded, TFloat32.class);
            Operand<TFloat32> expand = tf.withName("ExpandDims").expandDims(cast, tf.constant(0));
            Operand<TFloat32> resized = tf.withName("ResizeBilinear").image.resizeBilinear(expand,
                    tf.constant(new int[] {299, 299}));
            Operand<TFloat32> x = tf.withName("Mul").math.mul(tf.withName("Sub").math.sub(resized, tf.constant(128f)),
                    tf.constant(1f / 128f));
            x = tf.nn.avgPool(x, List.of(1L, 37L, 37L, 1L), List.of(1L, 37L, 37L, 1L), "VALID");
            x = tf.nn.conv2d(x, tf.constant(Shape.of(1, 1, 3, FEATURES), DataBuffers.of(conv, true, false)),
                    List.of(1L, 1L, 1L, 1L), "VALID");
            x = tf.withName("mixed_10_join").nn.relu(tf.nn.biasAdd(x, tf.constant(convBias)));
            Operand<TFloat32> pool3 = tf.withName("pool_3").nn.avgPool(x, List.of(1L, 8L, 8L, 1L),
                    List.of(1L, 8L, 8L, 1L), "VALID");
            Operand<TFloat32> reshaped = tf.withName("pool_3__reshape").reshape(pool3, tf.constant(new int[] {1, FEATURES}));
            Operand<TFloat32> w = tf.withName("softmax__weights").constant(Shape.of(FEATURES, CLASSES),
                    DataBuffers.of(weights, true, false));
            Operand<TFloat32> matmul = tf.withName("softmax__logits__MatMul").linalg.matMul(reshaped, w);
            Operand<TFloat32> logits = tf.withName("softmax__logits").nn.biasAdd(matmul,
                    tf.withName("softmax__biases").constant(biases));
            tf.withName("softmax").nn.softmax(logits);
            return new InceptionShapedGraph(weights, rename(g.toGraphDef(), Map.of(
                    "contents", "DecodeJpeg/contents",
                    "pool_3__reshape", "pool_3/_reshape",
                    "softmax__weights", "softmax/weights",
                    "softmax__logits__MatMul", "softmax/logits/MatMul",
                    "softmax__logits", "softmax/logits",
                    "softmax__biases", "softmax/biases")).toByteArray());
        }
    }

    /** Renames nodes (TF Java op names cannot hold '/' or start with '_'), rewriting every input reference. */
    private static GraphDef rename(GraphDef def, Map<String, String> names) {
        GraphDef.Builder out = def.toBuilder().clearNode();
        for (NodeDef node : def.getNodeList()) {
            NodeDef.Builder b = node.toBuilder().setName(names.getOrDefault(node.getName(), node.getName())).clearInput();
            for (String input : node.getInputList()) {
                String control = input.startsWith("^") ? "^" : "";
                String bare = control.isEmpty() ? input : input.substring(1);
                int colon = bare.indexOf(':');
                String op = colon < 0 ? bare : bare.substring(0, colon);
                String port = colon < 0 ? "" : bare.substring(colon);
                b.addInput(control + names.getOrDefault(op, op) + port);
            }
            out.addNode(b);
        }
        return out.build();
    }

    private static float[] gaussian(SplittableRandom random, int n, double std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * std);
        }
        return v;
    }
}
