package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ganiqa.datasets.Batch;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The conditioning and regularisation options build real graphs that train (the WGAN-GP ones differentiate the
 * critic twice, so a missing second-order gradient fails here), spectral normalisation finds the largest singular
 * value, and run folders written before the options existed read back as the original recipe.
 */
class ArchitectureOptionsTest {
    record Option(String name, GeneratorConditioning g, CriticConditioning d, boolean sn, boolean mbStd, float ms) {
        Hyperparameters apply(Hyperparameters hp) {
            return hp.withArchitecture(g, d, sn, mbStd, ms);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Object[]> options() {
        List<Option> options = List.of(
                new Option("cbn", GeneratorConditioning.BATCH_NORM, CriticConditioning.PROJECTION_FLAT, false, false, 0),
                new Option("pooled projection + sn", GeneratorConditioning.CONCAT, CriticConditioning.PROJECTION, true,
                        false, 0),
                new Option("label channel", GeneratorConditioning.CONCAT, CriticConditioning.CHANNELS, false, false, 0),
                new Option("minibatch std", GeneratorConditioning.CONCAT, CriticConditioning.PROJECTION_FLAT, false,
                        true, 0),
                new Option("mode seeking", GeneratorConditioning.CONCAT, CriticConditioning.PROJECTION_FLAT, false,
                        false, 1f),
                new Option("all", GeneratorConditioning.BATCH_NORM, CriticConditioning.PROJECTION, true, true, 1f));
        List<Object[]> out = new java.util.ArrayList<>();
        for (GanVariant v : List.of(GanVariants.CDCGAN, GanVariants.CWGAN, GanVariants.WGAN)) {
            for (Option o : options) {
                out.add(new Object[] {v, o});
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("options")
    void everyOptionTrainsWithFiniteLosses(GanVariant variant, Option option) {
        ShapesData data = Tiny.data();
        TrainConfig config = Tiny.config(variant, 1, 5);
        config = config.withHyperparameters(option.apply(config.hyperparameters()));
        int classes = variant.conditional() ? data.classNames().size() : 0;
        try (TrainingSteps steps = new TrainingSteps(config, data.shape(), classes)) {
            Iterator<Batch> batches = data.batches(Tiny.BATCH, 2, true).iterator();
            for (int i = 0; i < 3; i++) {
                Batch b = batches.next();
                float[] c = steps.criticStep(b);
                float g = steps.generatorStep(variant.conditional() ? b.labels() : null, b.size());
                assertThat(c[0]).as("critic loss").isFinite();
                assertThat(c[2]).as("penalty").isFinite().isGreaterThanOrEqualTo(0f);
                assertThat(g).as("generator loss").isFinite();
            }
        }
    }

    @Test
    void theMinibatchStdFeatureNeedsBatchesInWholeGroups() {
        Hyperparameters hp = GanVariants.CDCGAN.defaults().withArchitecture(GeneratorConditioning.CONCAT,
                CriticConditioning.PROJECTION, false, true, 0f);
        assertThatThrownBy(() -> new TrainConfig(GanVariants.CDCGAN, hp, Budget.epochs(1), 30, 1, 0))
                .hasMessageContaining("multiple of 4").hasMessageContaining("found 30");
        assertThat(new TrainConfig(GanVariants.CDCGAN, hp, Budget.epochs(1), 32, 1, 0).batchSize()).isEqualTo(32);
        assertThatThrownBy(() -> hp.withArchitecture(GeneratorConditioning.CONCAT, CriticConditioning.PROJECTION,
                false, false, -1f)).hasMessageContaining("mode-seeking weight >= 0, found -1.0");
    }

    /** W with singular values 5 and 2 (an orthogonal mix of diag(5, 2)): power iteration must find 5. */
    @Test
    void spectralNormDividesByTheLargestSingularValue() {
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        // W = R(0.3) diag(5, 2) as a [2, 2] matrix plus a zero third row: the same singular values.
        float[] w = {(float) (5 * c), (float) (-2 * s), (float) (5 * s), (float) (2 * c), 0f, 0f};
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Variable<TFloat32> weight = tf.variable(tf.constant(Shape.of(3, 2), DataBuffers.of(w, true, false)));
            Variable<TFloat32> u = tf.variable(tf.constant(new float[][] {{0.3f, -1f}}));
            SpectralNorm norm = new SpectralNorm(tf, weight, u);
            Op refresh = norm.refresh(tf);
            Operand<TFloat32> normalised = norm.weight();
            try (Session session = new Session(graph)) {
                session.initialize();
                for (int i = 0; i < 30; i++) {
                    session.runner().addTarget(refresh).run();
                }
                float[] out = new float[6];
                try (Result r = session.runner().fetch(normalised).run()) {
                    ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false));
                }
                for (int i = 0; i < 6; i++) {
                    assertThat((double) out[i]).as("entry %d", i).isCloseTo(w[i] / 5.0,
                            org.assertj.core.data.Offset.offset(1e-5));
                }
            }
        }
    }

    @Test
    void configsWrittenBeforeTheOptionsReadAsTheOriginalRecipe(@TempDir Path dir) throws Exception {
        TrainConfig config = TrainConfig.defaults(GanVariants.CDCGAN, Budget.epochs(1), 3);
        ObjectNode json = RunFiles.JSON.valueToTree(config);
        ObjectNode hp = (ObjectNode) json.get("hyperparameters");
        for (String field : List.of("conditionG", "conditionD", "spectralNorm", "minibatchStd", "modeSeeking")) {
            assertThat(hp.remove(field)).as(field).isNotNull();
        }
        Path file = dir.resolve("config.json");
        RunFiles.JSON.writeValue(file.toFile(), json);
        Hyperparameters read = RunFiles.readJson(file, TrainConfig.class).hyperparameters();
        assertThat(read.conditionG()).isEqualTo(GeneratorConditioning.CONCAT);
        assertThat(read.conditionD()).isEqualTo(CriticConditioning.PROJECTION_FLAT);
        assertThat(read.spectralNorm()).isFalse();
        assertThat(read.minibatchStd()).isFalse();
        assertThat(read.modeSeeking()).isZero();
        var written = RunFiles.JSON.valueToTree(GanVariants.CDCGAN.defaults().withArchitecture(
                GeneratorConditioning.BATCH_NORM, CriticConditioning.CHANNELS, false, false, 0f));
        assertThat(written.get("conditionG").asText()).isEqualTo("cbn");
        assertThat(written.get("conditionD").asText()).isEqualTo("channels");
    }
}
