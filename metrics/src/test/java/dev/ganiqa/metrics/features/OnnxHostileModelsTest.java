package dev.ganiqa.metrics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.metrics.features.testing.OnnxWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX models that lie about their shapes or values, written here with {@link OnnxWriter}: each declared size is
 * refused against {@link ModelBounds} when the model is opened, in one line naming the file, before anything is
 * sized from it; features that are not finite are refused as they leave the extractor, naming it, the image and the
 * set. On the code before the bounds, the size models opened (the refusals failed) and the NaN one passed
 * extraction to be caught later as "expected finite features, found NaN at row 0, column 0", an
 * {@code IllegalArgumentException} naming neither model nor images.
 */
class OnnxHostileModelsTest {
    private static final ImageShape SHAPE = new ImageShape(16, 16, 3);

    @TempDir
    Path dir;

    /** Global average pooling and a flatten over input {@code x} of the declared dims: any real input shape runs. */
    private Path pooling(String file, Object... dims) throws IOException {
        OnnxWriter g = OnnxWriter.graph("pooling").input("x", dims);
        g.node("GlobalAveragePool", new String[] {"x"}, "pooled");
        g.node("Flatten", new String[] {"pooled"}, "features", OnnxWriter.intAttribute("axis", 1));
        return Files.write(dir.resolve(file), OnnxWriter.model(g.output("features", dims[0], dims[1])));
    }

    private static String refusal(String spec) {
        Throwable t = catchThrowable(() -> Extractors.open(spec, Map.of(), 1).close());
        assertThat(t).isInstanceOf(ExtractorException.class);
        assertThat(t.getMessage()).doesNotContain("\n").startsWith(spec.replaceFirst("\\?.*", "") + ": expected ");
        return t.getMessage();
    }

    @Test
    void declaredSidesAboveTheSizeBoundOrBeyondIntAreRefused() throws IOException {
        Path huge = pooling("huge.onnx", "n", 3, 100_000, 100_000);
        assertThat(refusal("onnx:" + huge)).contains("input 'x'").contains("height and width in 1..8192")
                .endsWith("found shape [-1, 3, 100000, 100000]");
        long side = (1L << 31) + 7;
        Path overflow = pooling("overflow.onnx", "n", side, side, 3);
        assertThat(refusal("onnx:" + overflow)).contains("height and width in 1..8192")
                .endsWith("found shape [-1, " + side + ", " + side + ", 3]");
        // Given sizes do not lift the bound on declared ones, and a declared 0 is no size either.
        assertThat(refusal("onnx:" + huge + "?size=16x16")).contains("height and width in 1..8192");
        assertThat(refusal("onnx:" + pooling("zero.onnx", "n", 3, 0, 16))).contains("height and width in 1..8192");
    }

    @Test
    void aStaticBatchAboveItsBoundAndARunAboveTheBufferBoundAreRefused() throws IOException {
        assertThat(refusal("onnx:" + pooling("batch.onnx", 1_000_000_000, 3, 16, 16)))
                .contains("a static batch in 1..4096").endsWith("found shape [1000000000, 3, 16, 16]");
        // Each dimension within its bound, their product not: 4096 x 3 x 8192 x 8192 floats in one run.
        Path wide = pooling("wide.onnx", 4096, 3, "h", "w");
        assertThat(refusal("onnx:" + wide + "?size=8192x8192")).contains("at most 536870911 values in one run")
                .contains("4096 x 8192 x 8192 x 3").endsWith("found shape [4096, 3, -1, -1]");
    }

    @Test
    void anOutputWiderThanTheFeatureBoundIsRefused() throws IOException {
        int width = (int) ModelBounds.MAX_FEATURES + 1;
        OnnxWriter g = OnnxWriter.graph("wide").input("x", "n", 3, 16, 16)
                .initializer("w", new float[width * 3], width, 3);
        g.node("GlobalAveragePool", new String[] {"x"}, "pooled");
        g.node("Flatten", new String[] {"pooled"}, "flat", OnnxWriter.intAttribute("axis", 1));
        g.node("Gemm", new String[] {"flat", "w"}, "features", OnnxWriter.intAttribute("transB", 1));
        Path model = Files.write(dir.resolve("wide.onnx"), OnnxWriter.model(g.output("features", "n", width)));
        assertThat(refusal("onnx:" + model)).contains("output 'features'").contains("D in 1..16384")
                .endsWith("found shape [-1, " + width + "]");
    }

    @Test
    void nanOrInfiniteOutputsNameTheExtractorTheImageAndTheSet() throws IOException {
        Path nan = Files.write(dir.resolve("nan.onnx"), OnnxWriter.model(plus(Float.NaN, false)));
        Path inf = Files.write(dir.resolve("inf.onnx"), OnnxWriter.model(plus(Float.POSITIVE_INFINITY, true)));
        ArrayDataset data = new ArrayDataset("three test images", SHAPE, new byte[3 * SHAPE.values()], null,
                List.of(), List.of("a.png", "b.png", "c.png"), List.of());
        try (FeatureExtractor e = Extractors.open("onnx:" + nan, Map.of(), 1)) {
            Throwable t = catchThrowable(() -> new FeatureRunner(RunnerOptions.withBatch(2))
                    .run(ImageSet.of(data), e, b -> { }, Progress.NONE));
            assertThat(t).isInstanceOf(ExtractorException.class).hasMessage(e.info().name()
                    + ": expected finite features, found NaN in column 0 of image 0 (a.png) of three test images");
        }
        // Finite features, an infinite logit: its softmax is NaN, refused as the class probabilities it became.
        try (FeatureExtractor e = Extractors.open("onnx:" + inf, Map.of(), 1)) {
            Throwable t = catchThrowable(() -> new FeatureRunner(RunnerOptions.withBatch(2))
                    .run(ImageSet.of(data), e, b -> { }, Progress.NONE));
            assertThat(t).isInstanceOf(ExtractorException.class).hasMessageStartingWith(e.info().name()
                    + ": expected finite class probabilities, found NaN in column 0 of image 0 (a.png)");
        }
    }

    /** Pooled features [n, 3] plus {@code value}: as {@code features}, or as {@code logits} beside finite features. */
    private static OnnxWriter plus(float value, boolean asLogits) {
        OnnxWriter g = OnnxWriter.graph("plus").input("x", "n", 3, 16, 16).initializer("v", new float[] {value}, 1);
        g.node("GlobalAveragePool", new String[] {"x"}, "pooled");
        g.node("Flatten", new String[] {"pooled"}, asLogits ? "features" : "flat", OnnxWriter.intAttribute("axis", 1));
        g.node("Add", new String[] {asLogits ? "features" : "flat", "v"}, asLogits ? "logits" : "features");
        g.output("features", "n", 3);
        return asLogits ? g.output("logits", "n", 3) : g;
    }

    @Test
    void aBatchOfLargeImagesHoldsNoMoreThanOneRunOfValues() {
        assertThat(ModelBounds.imagesPerRun(100, SHAPE.values())).isEqualTo(100);
        assertThat(ModelBounds.imagesPerRun(100, 8192L * 8192 * 3)).isEqualTo(2);
        assertThat(ModelBounds.imagesPerRun(100, 1L << 31)).isEqualTo(1);
        assertThat(ModelBounds.imagesPerRun(100, 0)).isEqualTo(100);
    }
}
