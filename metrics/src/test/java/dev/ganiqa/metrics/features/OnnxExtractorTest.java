package dev.ganiqa.metrics.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.DecodedImage;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Preprocessing;
import dev.ganiqa.datasets.Resize;
import dev.ganiqa.metrics.eval.StatsCache;
import dev.ganiqa.metrics.features.testing.OnnxWriter;
import dev.ganiqa.metrics.features.testing.TinyConvNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX models written by {@link TinyConvNet} and run by the real ONNX Runtime: features against the same network
 * computed in plain Java on the same pixels, batch-size independence, identity, and one-line errors.
 */
class OnnxExtractorTest {
    private static final TinyConvNet NET = TinyConvNet.of(3, 8, 5, 11);
    @TempDir
    static Path dir;
    private static Path nchw16;
    private static Path nhwcAny;

    @BeforeAll
    static void write() throws IOException {
        nchw16 = Files.write(dir.resolve("nchw16.onnx"), NET.onnx("x", 16, 16, false));
        nhwcAny = Files.write(dir.resolve("nhwc-any.onnx"), NET.onnx("pixels", 0, 0, true));
    }

    private static ArrayDataset images(int n, ImageShape shape, long seed) {
        byte[] b = new byte[n * shape.values()];
        new SplittableRandom(seed).nextBytes(b);
        return new ArrayDataset("random " + shape, shape, b, null, List.of(), null, List.of());
    }

    private static byte[] pixels(ImageDataset data) {
        int per = data.shape().values();
        byte[] all = new byte[data.size() * per];
        for (int i = 0; i < data.size(); i++) {
            System.arraycopy(data.image(i), 0, all, i * per, per);
        }
        return all;
    }

    private static Features run(FeatureExtractor e, ImageDataset data, int batch) {
        int dim = e.info().featureDim();
        int classes = e.info().classes();
        float[] f = new float[data.size() * dim];
        float[] p = new float[data.size() * classes];
        new FeatureRunner(RunnerOptions.withBatch(batch)).run(data, e, b -> {
            int at = b.indices()[0];
            System.arraycopy(b.features().features(), 0, f, at * dim, b.features().features().length);
            System.arraycopy(b.features().probabilities(), 0, p, at * classes, b.features().probabilities().length);
        });
        return new Features(data.size(), dim, f, classes, p, 0);
    }

    /** NCHW input of HWC bytes: (v * scale - mean[c]) / std[c], in float as a user's numpy code would. */
    private static float[] normalised(byte[] hwc, int n, ImageShape s, double scale, double[] mean, double[] std) {
        int c = s.channels();
        int plane = s.height() * s.width();
        float[] x = new float[n * c * plane];
        for (int img = 0; img < n; img++) {
            for (int p = 0; p < plane; p++) {
                for (int k = 0; k < c; k++) {
                    int v = hwc[(img * plane + p) * c + k] & 0xFF;
                    x[(img * c + k) * plane + p] = (float) ((v * scale - mean[k]) / std[k]);
                }
            }
        }
        return x;
    }

    private static void assertClose(float[] actual, double[] expected, double relative) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("value %d", i)
                    .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(relative * Math.max(Math.abs(expected[i]), 1e-3)));
        }
    }

    private static double[] softmax(double[] logits, int rows, int cols) {
        double[] out = new double[logits.length];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, logits[r * cols + c]);
            }
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += Math.exp(logits[r * cols + c] - max);
            }
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = Math.exp(logits[r * cols + c] - max) / sum;
            }
        }
        return out;
    }

    @Test
    void featuresAndProbabilitiesMatchTheNetworkComputedInJava() {
        ImageShape shape = new ImageShape(16, 16, 3);
        ArrayDataset data = images(37, shape, 1);
        double[] mean = {0.5, 0.4, 0.3};
        double[] std = {0.2, 0.25, 0.3};
        try (FeatureExtractor e = Extractors.open("onnx:" + nchw16 + "?range=0-1&mean=0.5,0.4,0.3&std=0.2,0.25,0.3",
                Map.of(), 2)) {
            assertThat(e.info().input()).isEqualTo(shape);
            assertThat(e.info().featureDim()).isEqualTo(8);
            assertThat(e.info().classes()).isEqualTo(5);
            assertThat(e.info().name()).isEqualTo("onnx:nchw16.onnx?size=16x16&channels=3&layout=nchw&range=0-1"
                    + "&mean=0.5,0.4,0.3&std=0.2,0.25,0.3&resize=area&input=x&features=features&logits=logits");
            Features f = run(e, data, 16);
            double[][] ref = NET.reference(normalised(pixels(data), 37, shape, 1 / 255.0, mean, std), 37, 16, 16);
            assertClose(f.features(), ref[0], 1e-5);
            assertClose(f.probabilities(), softmax(ref[1], 37, 5), 1e-5);
        }
    }

    @Test
    void greyImagesAreResizedAndTiledIntoAThreeChannelNhwcModel() {
        ArrayDataset grey = images(9, new ImageShape(20, 24, 1), 2);
        ImageShape fed = new ImageShape(12, 12, 3);
        try (FeatureExtractor e = Extractors.open("onnx:" + nhwcAny + "?size=12x12&range=0-255", Map.of(), 2)) {
            assertThat(e.info().name()).contains("layout=nhwc").contains("range=0-255").contains("input=pixels");
            assertThat(FeatureRunner.adaptation(grey, e)).isEqualTo(
                    "adapted 20x24x1 -> 12x12x3: area resize keeping the aspect ratio, centre crop, gray tiled to 3 channels");
            Features f = run(e, grey, 4);
            byte[] adapted = new byte[9 * fed.values()];
            Preprocessing policy = new Preprocessing(fed);
            for (int i = 0; i < 9; i++) {
                byte[] one = policy.apply(new DecodedImage(24, 20, 1, grey.image(i)));
                for (int p = 0; p < 144; p++) {
                    assertThat(one[p * 3]).isEqualTo(one[p * 3 + 1]).isEqualTo(one[p * 3 + 2]);
                }
                System.arraycopy(one, 0, adapted, i * fed.values(), fed.values());
            }
            double[] zero = {0, 0, 0};
            double[] one = {1, 1, 1};
            double[][] ref = NET.reference(normalised(adapted, 9, fed, 1, zero, one), 9, 12, 12);
            assertClose(f.features(), ref[0], 1e-5);
        }
    }

    @Test
    void featuresDoNotDependOnTheBatchSize() {
        ArrayDataset data = images(50, new ImageShape(16, 16, 3), 3);
        try (FeatureExtractor e = Extractors.open("onnx:" + nchw16, Map.of(), 2)) {
            float[] one = run(e, data, 1).features();
            for (int batch : new int[] {7, 64}) {
                float[] other = run(e, data, batch).features();
                for (int i = 0; i < one.length; i++) {
                    assertThat(other[i]).isCloseTo(one[i], org.assertj.core.data.Offset.offset(1e-6f * Math.max(1, Math.abs(one[i]))));
                }
            }
        }
    }

    @Test
    void aStaticBatchSizeIsHonouredByPaddingTheLastRun() throws IOException {
        Path fixed = Files.write(dir.resolve("batch4.onnx"), NET.onnx("x", 4, 16, 16, false));
        ArrayDataset data = images(11, new ImageShape(16, 16, 3), 7);
        try (FeatureExtractor a = Extractors.open("onnx:" + fixed, Map.of(), 1);
             FeatureExtractor b = Extractors.open("onnx:" + nchw16, Map.of(), 1)) {
            float[] fa = run(a, data, 5).features();
            float[] fb = run(b, data, 11).features();
            for (int i = 0; i < fa.length; i++) {
                assertThat(fa[i]).isCloseTo(fb[i], org.assertj.core.data.Offset.offset(1e-6f * Math.max(1, Math.abs(fb[i]))));
            }
        }
    }

    @Test
    void bicubicPresetResizesWithPillowsFilterAndNamesItsPreprocessing() throws IOException {
        TinyConvNet net = TinyConvNet.of(3, 4, 3, 5);
        Path clip = Files.write(dir.resolve("clip-like.onnx"), net.onnx("pixel_values", 224, 224, false));
        ArrayDataset data = images(2, new ImageShape(40, 30, 3), 4);
        try (FeatureExtractor e = Extractors.open("onnx-clip-vit-b32:" + clip, Map.of(), 2)) {
            assertThat(e.info().name()).isEqualTo("onnx-clip-vit-b32:clip-like.onnx?size=224x224&channels=3"
                    + "&layout=nchw&range=0-1&mean=0.48145466,0.4578275,0.40821073&std=0.26862954,0.26130258,0.27577711"
                    + "&resize=bicubic&input=pixel_values&features=features&logits=logits");
            assertThat(FeatureRunner.adaptation(data, e)).startsWith("adapted 40x30x3 -> 224x224x3: bicubic resize");
            Features f = run(e, data, 2);
            ImageShape fed = new ImageShape(224, 224, 3);
            Preprocessing bicubic = new Preprocessing(fed, Resize.BICUBIC);
            byte[] adapted = new byte[2 * fed.values()];
            for (int i = 0; i < 2; i++) {
                System.arraycopy(bicubic.apply(new DecodedImage(30, 40, 3, data.image(i))), 0, adapted,
                        i * fed.values(), fed.values());
            }
            double[][] ref = net.reference(normalised(adapted, 2, fed, 1 / 255.0,
                    new double[] {0.48145466, 0.4578275, 0.40821073}, new double[] {0.26862954, 0.26130258, 0.27577711}),
                    2, 224, 224);
            assertClose(f.features(), ref[0], 1e-5);
        }
    }

    private static String sha(String spec) {
        try (FeatureExtractor e = Extractors.open(spec, Map.of(), 1)) {
            return e.info().sha256();
        }
    }

    @Test
    void identityChangesWithTheFileOrThePreprocessingAndWithNothingElse() throws IOException {
        Path other = Files.write(dir.resolve("other.onnx"), TinyConvNet.of(3, 8, 5, 12).onnx("x", 16, 16, false));
        String base = sha("onnx:" + nchw16 + "?range=imagenet&resize=area");
        assertThat(sha("onnx:" + nchw16 + "?resize=area&range=imagenet")).isEqualTo(base);
        assertThat(sha("onnx:" + nchw16 + "?mean=0.485,0.456,0.406&std=0.229,0.224,0.225&range=0-1")).isEqualTo(base);
        assertThat(sha("onnx:" + other + "?range=imagenet")).isNotEqualTo(base);
        assertThat(sha("onnx:" + nchw16 + "?range=imagenet&resize=bicubic")).isNotEqualTo(base);
        assertThat(sha("onnx:" + nchw16 + "?range=0-1")).isNotEqualTo(base);
        assertThat(sha("onnx:" + nchw16 + "?range=imagenet&features=logits")).isNotEqualTo(base);
        String data = "a".repeat(64);
        StatsCache cache = new StatsCache(dir.resolve("cache"));
        assertThat(cache.file(new StatsCache.Key(data, "test", base)))
                .isNotEqualTo(cache.file(new StatsCache.Key(data, "test", sha("onnx:" + nchw16 + "?range=0-255"))));
    }

    private static String error(String spec) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Extractors.open(spec, Map.of(), 1).close());
        assertThat(t).isInstanceOf(ExtractorException.class);
        assertThat(t.getMessage()).doesNotContain("\n");
        return t.getMessage();
    }

    @Test
    void aModelThatDoesNotMatchTheSpecFailsInOneLineNamingTheTensorAndShapes() throws IOException {
        OnnxWriter g = OnnxWriter.graph("dense").input("x", "n", 12)
                .initializer("w", new float[24], 2, 12).initializer("b", new float[2], 2);
        g.node("Gemm", new String[] {"x", "w", "b"}, "features", OnnxWriter.intAttribute("transB", 1));
        Path dense = Files.write(dir.resolve("dense.onnx"), OnnxWriter.model(g.output("features", "n", 2)));
        assertThat(error("onnx:" + dense)).contains("input 'x'").contains("rank 4").contains("[-1, 12]");
        assertThat(error("onnx:" + nchw16 + "?features=embeddings")).contains("'embeddings'")
                .contains("[features, logits]");
        assertThat(error("onnx:" + nchw16 + "?input=image")).contains("'image'").contains("[x]");
        assertThat(error("onnx:" + nchw16 + "?size=32x32")).contains("input 'x'").contains("size=32x32")
                .contains("[-1, 3, 16, 16]");
        assertThat(error("onnx:" + nchw16 + "?channels=1")).contains("channels=1").contains("[-1, 3, 16, 16]");
        assertThat(error("onnx:" + nchw16 + "?layout=nhwc")).contains("1 or 3 channels").contains("[-1, 3, 16, 16]");
        assertThat(error("onnx:" + nhwcAny)).contains("?size=HxW").contains("[-1, -1, -1, 3]");
        assertThat(error("onnx:" + nchw16 + "?mean=0.5,0.5&std=1,1")).contains("mean=0.5,0.5");
        assertThat(error("onnx:" + nchw16 + "?mean=0.5")).contains("mean and std together");
        assertThat(error("onnx:" + nchw16 + "?range=imagenet&mean=0&std=1")).contains("either range=imagenet");
        assertThat(error("onnx:" + nchw16 + "?resize=lanczos")).contains("resize=area|bicubic");
        assertThat(error("onnx:" + nchw16 + "?size=16")).contains("size=HxW");
        assertThat(error("onnx:" + nchw16 + "?colour=rgb")).contains("'colour=rgb'");
        assertThat(error("onnx:" + dir.resolve("missing.onnx"))).contains("missing.onnx").contains("cannot read");
        Path junk = Files.writeString(dir.resolve("junk.onnx"), "not a model");
        assertThat(error("onnx:" + junk)).contains("junk.onnx").contains("ONNX Runtime can load");
    }

    @Test
    void anOutputWidthTheModelLeavesOpenIsFoundByOneRun() throws IOException {
        // Channels left open: the output width [n, c] is unknown until the model runs with channels=1.
        OnnxWriter g = OnnxWriter.graph("pool").input("x", "n", "c", 4, 4);
        g.node("GlobalAveragePool", new String[] {"x"}, "pooled");
        g.node("Flatten", new String[] {"pooled"}, "features", OnnxWriter.intAttribute("axis", 1));
        Path pool = Files.write(dir.resolve("pool.onnx"), OnnxWriter.model(g.output("features", "n", "d")));
        byte[] px = new byte[16];
        for (int i = 0; i < 16; i++) {
            px[i] = (byte) (i * 10);
        }
        try (FeatureExtractor e = Extractors.open("onnx:" + pool + "?range=0-255&channels=1", Map.of(), 1)) {
            assertThat(e.info().featureDim()).isEqualTo(1);
            assertThat(e.info().hasClasses()).isFalse();
            assertThat(e.extract(px, 1, new ImageShape(4, 4, 1)).features()).containsExactly(75f);
        }
    }

    @Test
    void sizeAnyFeedsImagesAtTheirOwnSize() {
        ArrayDataset data = images(3, new ImageShape(10, 14, 3), 6);
        try (FeatureExtractor e = Extractors.open("onnx:" + nhwcAny + "?size=any&range=0-255", Map.of(), 1)) {
            assertThat(e.info().anySize()).isTrue();
            assertThat(FeatureRunner.adaptation(data, e)).startsWith("fed as is");
            Features f = run(e, data, 2);
            double[][] ref = NET.reference(normalised(pixels(data), 3, data.shape(), 1, new double[3],
                    new double[] {1, 1, 1}), 3, 10, 14);
            assertClose(f.features(), ref[0], 1e-5);
        }
    }

    /** The benchmark's premise: the ONNX model and the TF frozen graph of one {@link TinyConvNet} agree. */
    @Test
    void onnxModelAndTensorFlowGraphOfTheSameNetworkAgree() throws IOException {
        TinyConvNet net = TinyConvNet.of(1, 16, 10, 8);
        Path onnx = Files.write(dir.resolve("conv.onnx"), net.onnx("x", 28, 28, false));
        Path pb = Files.write(dir.resolve("conv.pb"), net.frozenGraph(28, 28));
        ArrayDataset data = images(40, new ImageShape(28, 28, 1), 9);
        try (FeatureExtractor o = Extractors.open("onnx:" + onnx + "?range=0-1", Map.of(), 2);
             FeatureExtractor t = Extractors.open("frozen:" + pb, Map.of(), 2)) {
            Features a = run(o, data, 16);
            Features b = run(t, data, 16);
            for (int i = 0; i < a.features().length; i++) {
                assertThat(a.features()[i]).isCloseTo(b.features()[i],
                        org.assertj.core.data.Offset.offset(1e-5f * Math.max(1, Math.abs(b.features()[i]))));
            }
            for (int i = 0; i < a.probabilities().length; i++) {
                assertThat(a.probabilities()[i]).isCloseTo(b.probabilities()[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }
}
