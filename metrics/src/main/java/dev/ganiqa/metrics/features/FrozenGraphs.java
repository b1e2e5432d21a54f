package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.metrics.features.train.ClassifierNet;
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
        Graph graph = new Graph();
        try {
            graph.importGraphDef(parse(graphDef, name));
            Output<?> input = require(graph, ClassifierNet.INPUT, name);
            Output<?> features = require(graph, ClassifierNet.FEATURES_OUTPUT, name);
            Output<?> probabilities = require(graph, ClassifierNet.PROBABILITIES_OUTPUT, name);
            org.tensorflow.ndarray.Shape in = input.shape();
            if (in.numDimensions() != 4) {
                throw new IllegalArgumentException(name + ": expected a 4-D NHWC input, found " + in);
            }
            ImageShape shape = new ImageShape((int) in.get(1), (int) in.get(2), (int) in.get(3));
            int dim = (int) features.shape().get(1);
            int classes = (int) probabilities.shape().get(1);
            ExtractorInfo info = new ExtractorInfo(name, version, sha256, shape, false,
                    "float 0..255 NHWC " + shape + "; the graph maps to [-1, 1]", dim, classes);
            Session session = new Session(graph, TfConfig.threads(threads));
            // Graphs trained with a rejection class export its probability as well (ganiqa-fmnist-v2 and later).
            var rejectionOp = graph.operation(ClassifierNet.REJECTION_OUTPUT);
            Output<?> rejection = rejectionOp == null ? null : rejectionOp.output(0);
            return new SessionExtractor(info, session, input, features, probabilities, null, rejection,
                    List.of(session, graph));
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
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
