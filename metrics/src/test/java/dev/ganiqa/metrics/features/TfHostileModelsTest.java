package dev.ganiqa.metrics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Frozen graphs and SavedModels that declare sizes beyond {@link ModelBounds}, built here with TensorFlow ops (a
 * mean over the image, broadcast to the declared feature width): refused when opened, in one line naming the file
 * or folder. On the code before the bounds (run there) both opened: the declared sizes were cast to int unchecked,
 * to fail only when a batch was sized from them.
 */
class TfHostileModelsTest {
    @TempDir
    Path dir;

    /** Placeholder {@code images} [N, H, W, 1]; {@code features} [N, width] and {@code probabilities}, its softmax. */
    private static void build(Ops tf, long batch, long side, long width) {
        Placeholder<TFloat32> images = tf.withName(GraphTensors.INPUT).placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(batch, side, side, 1)));
        Operand<TFloat32> mean = tf.math.mean(images, tf.constant(new int[] {1, 2}));
        Operand<TFloat32> features = tf.withName(GraphTensors.FEATURES_OUTPUT).math.mul(mean,
                tf.fill(tf.constant(new long[] {1, width}), tf.constant(1f)));
        tf.withName(GraphTensors.PROBABILITIES_OUTPUT).nn.softmax(features);
    }

    private Path frozen(String name, long batch, long side, long width) throws IOException {
        try (Graph g = new Graph()) {
            build(Ops.create(g), batch, side, width);
            return Files.write(dir.resolve(name), g.toGraphDef().toByteArray());
        }
    }

    private Path savedModel(String name, long batch, long side, long width) throws IOException {
        Path out = dir.resolve(name);
        try (Graph g = new Graph(); Session s = new Session(g)) {
            build(Ops.create(g), batch, side, width);
            Signature signature = Signature.builder().key(SavedModelSpec.DEFAULT_SIGNATURE)
                    .input(GraphTensors.INPUT, g.operation(GraphTensors.INPUT).output(0))
                    .output(GraphTensors.FEATURES_OUTPUT, g.operation(GraphTensors.FEATURES_OUTPUT).output(0))
                    .build();
            SavedModelBundle.exporter(out.toString()).withSession(s).withSignature(signature).export();
        }
        return out;
    }

    private static String refusal(String spec, String named) {
        Throwable t = catchThrowable(() -> Extractors.open(spec, Map.of(), 1).close());
        assertThat(t).isInstanceOf(ExtractorException.class);
        assertThat(t.getMessage()).doesNotContain("\n").startsWith(named + ": expected ");
        return t.getMessage();
    }

    @Test
    void aFrozenGraphDeclaringSizesBeyondTheBoundsIsRefusedNamingItsFile() throws IOException {
        Path huge = frozen("huge.pb", -1, 100_000, 4);
        assertThat(refusal("frozen:" + huge, "frozen:" + huge)).contains("input 'images'")
                .contains("height and width in 1..8192").endsWith("found shape [-1, 100000, 100000, 1]");
        Path batch = frozen("batch.pb", 1_000_000_000, 16, 4);
        assertThat(refusal("frozen:" + batch, "frozen:" + batch)).contains("a static batch in 1..4096");
        Path dynamic = frozen("dynamic.pb", -1, -1, 4);
        assertThat(refusal("frozen:" + dynamic, "frozen:" + dynamic)).contains("a fixed height and width");
        Path wide = frozen("wide.pb", -1, 16, ModelBounds.MAX_FEATURES + 1);
        assertThat(refusal("frozen:" + wide, "frozen:" + wide)).contains("output 'features'")
                .contains("D in 1..16384").endsWith("found [-1, 16385]");
    }

    @Test
    void aSavedModelDeclaringSizesBeyondTheBoundsIsRefusedNamingItsFolder() throws IOException {
        Path huge = savedModel("huge", -1, 100_000, 4);
        assertThat(refusal("savedmodel:" + huge, huge.toString())).contains("input 'images'")
                .contains("height and width in 1..8192").endsWith("found shape [-1, 100000, 100000, 1]");
        Path wide = savedModel("wide", -1, 16, ModelBounds.MAX_FEATURES + 1);
        assertThat(refusal("savedmodel:" + wide, wide.toString())).contains("output 'features'")
                .contains("D in 1..16384").endsWith("found [-1, 16385]");
    }
}
