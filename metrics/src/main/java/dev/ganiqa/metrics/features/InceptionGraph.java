package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.Sha256;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Resize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The FID network: the frozen Inception graph {@code classify_image_graph_def.pb} from
 * {@code inception-2015-12-05.tgz}, used as TTUR does (bioinf-jku/TTUR fid.py, Heusel et al. 2017):
 * imported under the name {@code FID_Inception_Net}, images fed as float 0..255 NHWC RGB into
 * {@code FID_Inception_Net/ExpandDims:0} (bypassing the JPEG decoder; the graph resizes bilinearly to
 * 299x299 and normalises itself), features from {@code pool_3:0}. Its resize is TF1's {@code ResizeBilinear}
 * without half-pixel centres, which is {@link Resize#LEGACY_TF}: the extractor's own mode; another mode resizes
 * to 299x299 before the graph, whose resize is then the identity.
 *
 * <p>Batch fix: in the file the path from ExpandDims to pool_3 carries a static batch dimension of 1,
 * and {@code pool_3/_reshape} reshapes to the constant [1, 2048]. TTUR clears the batch dimension of
 * the static shapes in Python; the C API does not check feeds against static shapes, so here the
 * features are taken as {@code reshape(pool_3, [-1, 2048])}, added to the graph, and the file's own
 * reshape is never fetched.
 *
 * <p>IS logits: {@code features x W} with W the weight input of {@code softmax/logits/MatMul}
 * ([2048, 1008]) and no bias, as torch-fidelity's {@code logits_unbiased} and StyleGAN2-ADA's
 * {@code no_output_bias}; probabilities are their softmax.
 */
public final class InceptionGraph {
    public static final String SCOPE = "FID_Inception_Net";
    public static final String INPUT = "ExpandDims";
    public static final String POOL3 = "pool_3";
    public static final String LOGITS_MATMUL = "softmax/logits/MatMul";
    public static final int FEATURES = 2048;
    public static final int CLASSES = 1008;
    public static final String VERSION = "inception-2015-12-05";
    public static final String FILE_NAME = "classify_image_graph_def.pb";

    private InceptionGraph() {
    }

    /** {@code path} is the .pb file or, as TTUR's {@code --inception DIR}, the folder holding it. */
    public static FeatureExtractor open(Path path, int threads) {
        Path file = java.nio.file.Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ExtractorException(file + ": cannot read the Inception graph (" + e.getMessage() + ")", e);
        }
        return open(bytes, file.toString(), threads);
    }

    static FeatureExtractor open(byte[] bytes, String source, int threads) {
        Graph graph = new Graph();
        try {
            graph.importGraphDef(FrozenGraphs.parse(bytes, source), SCOPE);
            Output<?> input = op(graph, INPUT, source);
            Output<?> pool3 = op(graph, POOL3, source);
            Output<?> weights = graph.operation(SCOPE + "/" + LOGITS_MATMUL) == null ? null
                    : graph.operation(SCOPE + "/" + LOGITS_MATMUL).input(1);
            if (weights == null) {
                throw new ExtractorException(source + ": expected an op named '" + LOGITS_MATMUL
                        + "' (is this classify_image_graph_def.pb?), found none");
            }
            if (weights.shape().numDimensions() != 2 || weights.shape().get(0) != FEATURES
                    || weights.shape().get(1) < 1 || weights.shape().get(1) > ModelBounds.MAX_CLASSES) {
                throw new ExtractorException(source + ": expected " + LOGITS_MATMUL + " weights of shape [2048, N] with "
                        + "N in 1.." + ModelBounds.MAX_CLASSES + ", found " + weights.shape());
            }
            int classes = (int) weights.shape().get(1);
            Ops tf = Ops.create(graph).withSubScope("ganiqa");
            @SuppressWarnings("unchecked")
            Operand<TFloat32> pool = (Operand<TFloat32>) pool3;
            @SuppressWarnings("unchecked")
            Operand<TFloat32> w = (Operand<TFloat32>) weights;
            Operand<TFloat32> features = tf.withName("features").reshape(pool, tf.constant(new int[] {-1, FEATURES}));
            Operand<TFloat32> logits = tf.withName("logits_unbiased").linalg.matMul(features, w);
            Operand<TFloat32> probabilities = tf.withName("probabilities").nn.softmax(logits);
            ExtractorInfo info = new ExtractorInfo("inception", VERSION, Sha256.hex(bytes), new ImageShape(299, 299, 3),
                    true, "float 0..255 NHWC RGB into " + SCOPE + "/" + INPUT + ":0 at the image's own size; "
                    + "the graph resizes bilinearly to 299x299 (TTUR)", FEATURES, classes, Resize.LEGACY_TF);
            Session session = new Session(graph, TfConfig.threads(threads));
            return new SessionExtractor(info, session, input, features.asOutput(), probabilities.asOutput(), null,
                    List.of(session, graph));
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private static Output<?> op(Graph graph, String name, String source) {
        if (graph.operation(SCOPE + "/" + name) == null) {
            throw new ExtractorException(source + ": expected an op named '" + name
                    + "' (is this classify_image_graph_def.pb?), found none");
        }
        return graph.operation(SCOPE + "/" + name).output(0);
    }
}
