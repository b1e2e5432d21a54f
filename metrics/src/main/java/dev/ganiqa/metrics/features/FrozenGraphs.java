package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.ImageShape;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.proto.GraphDef;

/**
 * Extractors over frozen GraphDefs made by {@code ganiqa extractor train} (input {@code images}, outputs
 * {@code features} and {@code probabilities}), the embedded {@code ganiqa-fmnist-v1}, {@code -v2} and {@code -v3} among them.
 */
public final class FrozenGraphs {
    private FrozenGraphs() {
    }

    /** Opens a GraphDef in the trainer's layout; the input shape is read from the {@code images} placeholder. */
    public static FeatureExtractor open(byte[] graphDef, String name, String version, String sha256, int threads) {
        return open(graphDef, name, name, version, sha256, threads);
    }

    /**
     * As {@link #open(byte[], String, String, String, int)}, errors naming {@code source} (e.g.
     * {@code frozen:PATH}) instead of the extractor's name. The declared shapes are bounded ({@link ModelBounds})
     * before anything is sized from them.
     */
    public static FeatureExtractor open(byte[] graphDef, String name, String source, String version, String sha256,
            int threads) {
        Graph graph = new Graph();
        try {
            graph.importGraphDef(parse(graphDef, source));
            Output<?> input = require(graph, GraphTensors.INPUT, source);
            Output<?> features = require(graph, GraphTensors.FEATURES_OUTPUT, source);
            Output<?> probabilities = require(graph, GraphTensors.PROBABILITIES_OUTPUT, source);
            ImageShape shape = inputShape(input.shape(), source);
            int dim = width(features.shape(), GraphTensors.FEATURES_OUTPUT, ModelBounds.MAX_FEATURES, source);
            int classes = width(probabilities.shape(), GraphTensors.PROBABILITIES_OUTPUT, ModelBounds.MAX_CLASSES,
                    source);
            ExtractorInfo info = new ExtractorInfo(name, version, sha256, shape, false,
                    "float 0..255 NHWC " + shape + "; the graph maps to [-1, 1]", dim, classes);
            Session session = new Session(graph, TfConfig.threads(threads));
            // Graphs trained with a rejection class export its probability as well (ganiqa-fmnist-v2 and later).
            var rejectionOp = graph.operation(GraphTensors.REJECTION_OUTPUT);
            Output<?> rejection = rejectionOp == null ? null : rejectionOp.output(0);
            return new SessionExtractor(info, session, input, features, probabilities, null, rejection,
                    List.of(session, graph));
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** The fixed image shape of the {@code images} placeholder [N, H, W, C]; the graph is fed at that size. */
    private static ImageShape inputShape(org.tensorflow.ndarray.Shape in, String source) {
        String op = GraphTensors.INPUT;
        if (in.numDimensions() != 4 || (in.get(3) != 1 && in.get(3) != 3)) {
            throw new ExtractorException(source + ": expected input '" + op + "' of shape [N, H, W, C] (NHWC) with 1 "
                    + "or 3 channels, found " + in);
        }
        String outOfBounds = ModelBounds.imageInput(in.get(0), in.get(1), in.get(2));
        if (outOfBounds == null && (in.get(1) < 0 || in.get(2) < 0)) {
            outOfBounds = "a fixed height and width (a frozen graph is fed at its own size)";
        }
        if (outOfBounds != null) {
            throw new ExtractorException(source + ": expected input '" + op + "' with " + outOfBounds + ", found shape "
                    + in);
        }
        return new ImageShape((int) in.get(1), (int) in.get(2), (int) in.get(3));
    }

    /** D of an output [N, D], in 1..{@code max}. */
    private static int width(org.tensorflow.ndarray.Shape shape, String op, long max, String source) {
        if (shape.numDimensions() != 2 || shape.get(1) < 1 || shape.get(1) > max) {
            throw new ExtractorException(source + ": expected output '" + op + "' of shape [N, D] with D in 1.." + max
                    + ", found " + shape);
        }
        return (int) shape.get(1);
    }

    static GraphDef parse(byte[] bytes, String name) {
        try {
            return GraphDef.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new ExtractorException(name + ": expected a TensorFlow GraphDef, found bytes that do not parse ("
                    + e.getMessage() + ")");
        }
    }

    static Output<?> require(Graph graph, String op, String name) {
        if (graph.operation(op) == null) {
            throw new ExtractorException(name + ": expected an op named '" + op + "' in the graph, found none");
        }
        return graph.operation(op).output(0);
    }
}
