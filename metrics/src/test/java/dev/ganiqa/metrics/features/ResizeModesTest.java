package dev.ganiqa.metrics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.DecodedImage;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Preprocessing;
import dev.ganiqa.datasets.Resize;
import dev.ganiqa.metrics.features.testing.InceptionShapedGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;

/**
 * The resize modes as extractors use them: the legacy modes against TensorFlow's own {@code ResizeBilinear} kernel
 * (TF1's legacy coordinates, and half-pixel centres, which give PyTorch's bilinear with align_corners=False), the
 * Inception graph's own resize being legacy-tf, and a mode other than an extractor's own giving another identity.
 */
class ResizeModesTest {
    @TempDir
    static Path dir;
    private static Path inception;

    @BeforeAll
    static void writeGraph() throws Exception {
        inception = dir.resolve("classify_image_graph_def.pb");
        Files.write(inception, InceptionShapedGraph.build(42).bytes());
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /** TensorFlow's ResizeBilinear of one HWC image to outH x outW. */
    private static float[] tfBilinear(byte[] px, int h, int w, int outH, int outW, boolean halfPixel) {
        float[] in = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            in[i] = px[i] & 0xFF;
        }
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Operand<TFloat32> x = tf.constant(Shape.of(1, h, w, 3), DataBuffers.of(in, true, false));
            Operand<TFloat32> y = tf.image.resizeBilinear(x, tf.constant(new int[] {outH, outW}),
                    ResizeBilinear.alignCorners(false), ResizeBilinear.halfPixelCenters(halfPixel));
            try (TFloat32 t = (TFloat32) s.runner().fetch(y).run().get(0)) {
                float[] out = new float[outH * outW * 3];
                t.copyTo(DataBuffers.of(out, false, false));
                return out;
            }
        }
    }

    private static double maxError(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    @Test
    void legacyModesMatchTensorFlowsKernels() {
        byte[] px = random(21 * 30 * 3, 3);
        DecodedImage image = new DecodedImage(30, 21, 3, px);
        for (int[] hw : new int[][] {{299, 299}, {8, 13}, {50, 17}}) {
            ImageShape target = new ImageShape(hw[0], hw[1], 3);
            assertThat(maxError(new Preprocessing(target, Resize.LEGACY_TF).applyFloat(image),
                    tfBilinear(px, 21, 30, hw[0], hw[1], false))).as("legacy-tf %dx%d", hw[0], hw[1]).isLessThan(1e-4);
            assertThat(maxError(new Preprocessing(target, Resize.LEGACY_PYTORCH).applyFloat(image),
                    tfBilinear(px, 21, 30, hw[0], hw[1], true))).as("legacy-pytorch %dx%d", hw[0], hw[1]).isLessThan(1e-4);
        }
    }

    @Test
    void legacyTfIsTheResizeInsideTheInceptionGraph() {
        ImageShape small = new ImageShape(64, 48, 3);
        byte[] px = random(small.values(), 4);
        float[] resized = new Preprocessing(new ImageShape(299, 299, 3), Resize.LEGACY_TF)
                .applyFloat(new DecodedImage(48, 64, 3, px));
        try (FeatureExtractor e = Extractors.open("inception:" + inception, Map.of(), 2)) {
            assertThat(e.info().resize()).isEqualTo(Resize.LEGACY_TF);
            try (FeatureExtractor same = Extractors.open("inception:" + inception + "?resize=legacy-tf", Map.of(), 2)) {
                assertThat(same.info()).isEqualTo(e.info());
            }
            Features inside = e.extract(px, 1, small);
            Features outside = e.extract(resized, 1, new ImageShape(299, 299, 3));
            for (int k = 0; k < inside.dim(); k++) {
                assertThat(outside.feature(0, k)).isCloseTo(inside.feature(0, k),
                        org.assertj.core.data.Offset.offset(1e-4f + 1e-5f * Math.abs(inside.feature(0, k))));
            }
        }
    }

    @Test
    void anotherModeIsAnotherIdentityAndResizesBeforeTheNetwork() {
        ImageShape shape = new ImageShape(64, 64, 3);
        byte[] pixels = random(3 * shape.values(), 5);
        ArrayDataset data = new ArrayDataset("random", shape, pixels, null, List.of(),
                List.of("a.png", "b.png", "c.png"), List.of());
        try (FeatureExtractor own = Extractors.open("inception:" + inception, Map.of(), 2);
             FeatureExtractor clean = Extractors.open(Extractors.withResize("inception:" + inception, Resize.CLEAN),
                     Map.of(), 2)) {
            ExtractorInfo info = clean.info();
            assertThat(info.resize()).isEqualTo(Resize.CLEAN);
            assertThat(info.sha256()).isNotEqualTo(own.info().sha256());
            assertThat(info.version()).endsWith("+resize=clean");
            assertThat(info.accepts(shape)).isFalse();
            assertThat(info.accepts(new ImageShape(299, 299, 3))).isTrue();
            List<Features> got = new ArrayList<>();
            RunSummary s = new FeatureRunner(RunnerOptions.withBatch(2)).run(data, clean, b -> got.add(b.features()));
            assertThat(s.adaptation()).isEqualTo("adapted 64x64x3 -> 299x299x3: clean resize (float, clean-fid's definition)");
            float[] manual = new Preprocessing(new ImageShape(299, 299, 3), Resize.CLEAN)
                    .applyFloat(new DecodedImage(64, 64, 3, data.image(2)));
            Features direct = own.extract(manual, 1, new ImageShape(299, 299, 3));
            Features fromOwn = own.extract(data.image(2), 1, shape);
            double cleanVsOwn = 0;
            for (int k = 0; k < direct.dim(); k++) {
                assertThat(got.get(1).feature(0, k)).isCloseTo(direct.feature(0, k), org.assertj.core.data.Offset.offset(1e-5f));
                cleanVsOwn = Math.max(cleanVsOwn, Math.abs(direct.feature(0, k) - fromOwn.feature(0, k)));
            }
            assertThat(cleanVsOwn).as("clean and legacy-tf feed different pixels").isGreaterThan(1e-4);
        }
    }

    @Test
    void theEmbeddedExtractorTakesAModeToo() {
        try (FeatureExtractor own = Extractors.open("default", Map.of(), 1);
             FeatureExtractor area = Extractors.open("default?resize=area", Map.of(), 1);
             FeatureExtractor torch = Extractors.open(Extractors.DEFAULT + "?resize=legacy-pytorch", Map.of(), 1)) {
            assertThat(area.info()).isEqualTo(own.info());
            assertThat(torch.info().sha256()).isNotEqualTo(own.info().sha256());
            assertThat(torch.info().name()).isEqualTo(own.info().name());
            assertThat(ImageAdapter.forExtractor(torch.info(), new ImageShape(32, 40, 3)).description())
                    .isEqualTo("adapted 32x40x3 -> 28x28x1: legacy-pytorch resize (float, clean-fid's definition) "
                            + "to the target's aspect ratio, BT.601 luma");
        }
    }

    @Test
    void badOrContradictoryModesAreRefusedInOneLine() {
        assertThatThrownBy(() -> Extractors.open("ganiqa-fmnist-v3?resize=lanczos", Map.of(), 1))
                .isInstanceOf(ExtractorException.class)
                .hasMessage("ganiqa-fmnist-v3?resize=lanczos: expected a resize mode "
                        + "area|bicubic|clean|legacy-tf|legacy-pytorch, found 'lanczos'");
        assertThatThrownBy(() -> Extractors.withResize("default?resize=clean", Resize.LEGACY_TF))
                .isInstanceOf(ExtractorException.class)
                .hasMessage("default?resize=clean: expected one resize mode, found resize=clean in the spec and "
                        + "legacy-tf as an option");
        assertThat(Extractors.withResize("onnx:m.onnx?range=0-1", Resize.CLEAN)).isEqualTo("onnx:m.onnx?range=0-1&resize=clean");
        assertThat(Extractors.withResize("default", null)).isEqualTo(Extractors.DEFAULT);
        assertThat(Extractors.withResize("", Resize.BICUBIC)).isEqualTo(Extractors.DEFAULT + "?resize=bicubic");
    }
}
