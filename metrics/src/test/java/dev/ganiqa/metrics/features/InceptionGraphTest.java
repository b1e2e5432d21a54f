package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.Sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.metrics.features.testing.InceptionShapedGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/** The Inception loader on a GraphDef with the real file's tensor names and static batch-1 shapes. */
class InceptionGraphTest {
    private static InceptionShapedGraph synthetic;
    @TempDir
    static Path dir;
    private static Path file;

    @BeforeAll
    static void writeGraph() throws Exception {
        synthetic = InceptionShapedGraph.build(42);
        file = dir.resolve("classify_image_graph_def.pb");
        Files.write(file, synthetic.bytes());
    }

    private static byte[] images(int n, ImageShape shape, long seed) {
        byte[] b = new byte[n * shape.values()];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    @Test
    void reportsTheInceptionShapeAndChecksum() throws Exception {
        try (FeatureExtractor inception = Extractors.open("inception:" + file, Map.of(), 2)) {
            ExtractorInfo info = inception.info();
            assertThat(info.featureDim()).isEqualTo(2048);
            assertThat(info.classes()).isEqualTo(1008);
            assertThat(info.input()).isEqualTo(new ImageShape(299, 299, 3));
            assertThat(info.anySize()).isTrue();
            assertThat(info.sha256()).isEqualTo(Sha256.hex(file));
            assertThat(info.accepts(new ImageShape(32, 32, 3))).isTrue();
            assertThat(info.accepts(new ImageShape(32, 32, 1))).isFalse();
        }
    }

    @Test
    void batchesGiveTheSameFeaturesAsSingleImages() {
        ImageShape shape = new ImageShape(40, 36, 3);
        int n = 5;
        byte[] batch = images(n, shape, 7);
        try (FeatureExtractor inception = Extractors.open("inception:" + file, Map.of(), 2)) {
            Features all = inception.extract(batch, n, shape);
            assertThat(all.count()).isEqualTo(n);
            assertThat(all.features()).hasSize(n * 2048);
            assertThat(all.probabilities()).hasSize(n * 1008);
            for (int i = 0; i < n; i++) {
                byte[] one = java.util.Arrays.copyOfRange(batch, i * shape.values(), (i + 1) * shape.values());
                Features single = inception.extract(one, 1, shape);
                for (int k = 0; k < 2048; k++) {
                    assertThat(all.feature(i, k)).isCloseTo(single.feature(0, k), org.assertj.core.data.Offset.offset(1e-5f));
                }
            }
            assertThat(all.feature(0, 0)).isNotEqualTo(all.feature(1, 0));
        }
    }

    @Test
    void logitsArePool3TimesTheMatMulWeightsWithoutBias() {
        ImageShape shape = new ImageShape(28, 28, 3);
        float[] w = synthetic.logitWeights();
        try (FeatureExtractor inception = Extractors.open("inception:" + file, Map.of(), 2)) {
            Features f = inception.extract(images(3, shape, 11), 3, shape);
            for (int i = 0; i < 3; i++) {
                double[] logits = new double[1008];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < 1008; c++) {
                    for (int k = 0; k < 2048; k++) {
                        logits[c] += (double) f.feature(i, k) * w[k * 1008 + c];
                    }
                    max = Math.max(max, logits[c]);
                }
                double sum = 0;
                for (int c = 0; c < 1008; c++) {
                    sum += Math.exp(logits[c] - max);
                }
                for (int c = 0; c < 1008; c += 97) {
                    double p = Math.exp(logits[c] - max) / sum;
                    assertThat((double) f.probabilities()[i * 1008 + c]).isCloseTo(p, org.assertj.core.data.Offset.offset(1e-6));
                }
            }
        }
    }

    @Test
    void theFilesOwnReshapeCannotTakeABatchWhichIsWhyTheLoaderAddsItsOwn() {
        try (Graph g = new Graph()) {
            g.importGraphDef(GraphDef.parseFrom(synthetic.bytes()), InceptionGraph.SCOPE);
            assertThat(g.output(InceptionGraph.SCOPE + "/ExpandDims").shape().get(0)).isEqualTo(1);
            try (Session s = new Session(g);
                 TFloat32 x = TFloat32.tensorOf(Shape.of(2, 20, 20, 3), DataBuffers.of(new float[2 * 20 * 20 * 3], true, false))) {
                assertThatThrownBy(() -> s.runner().feed(InceptionGraph.SCOPE + "/ExpandDims", x)
                        .fetch(InceptionGraph.SCOPE + "/pool_3/_reshape").run().close())
                        .hasMessageContaining("reshape");
            }
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theEnvironmentVariableNamesTheDefaultInceptionFile() {
        try (FeatureExtractor inception = Extractors.open("inception", Map.of(Extractors.INCEPTION_ENV, file.toString()), 1);
             FeatureExtractor fromDir = Extractors.open("inception:" + dir, Map.of(), 1)) {
            assertThat(inception.info().name()).isEqualTo("inception");
            assertThat(fromDir.info().sha256()).isEqualTo(inception.info().sha256());
        }
        assertThatThrownBy(() -> Extractors.open("inception", Map.of(), 1))
                .isInstanceOf(ExtractorException.class).hasMessageContaining(Extractors.INCEPTION_ENV);
    }

    @Test
    void aGraphWithoutTheInceptionTensorsIsRefusedByName() throws Exception {
        Path other = dir.resolve("other.pb");
        try (Graph g = new Graph()) {
            org.tensorflow.op.Ops.create(g).withName("x").constant(1f);
            Files.write(other, g.toGraphDef().toByteArray());
        }
        assertThatThrownBy(() -> Extractors.open("inception:" + other, Map.of(), 1))
                .isInstanceOf(ExtractorException.class)
                .hasMessageContaining(other.toString()).hasMessageContaining("ExpandDims");
        Path garbage = dir.resolve("garbage.pb");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> Extractors.open("inception:" + garbage, Map.of(), 1))
                .isInstanceOf(ExtractorException.class).hasMessageContaining("GraphDef");
    }
}
