package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.ImageShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * The collapse check: spread across z within each class, relative to the real within-class spread. A conditional
 * generator that draws one image per class looks varied over all its samples (the classes differ) and must still
 * be flagged; real images and a varied unconditional generator must not be.
 */
class CollapseTest {
    @TempDir
    Path dir;

    private static final ImageShape SHAPE = new ImageShape(Tiny.SIZE, Tiny.SIZE, 1);

    /** A generator from a Java function of (z row, one-hot row) to one image, run through a real TF tensor. */
    private static Generator generator(int classes, BiFunction<float[], float[], float[]> image) {
        int dim = 8;
        return new GraphGenerator(SHAPE, classes, dim, (z, y) -> {
            int n = (int) z.shape().get(0);
            int width = Math.max(classes, 1);
            float[] zs = new float[n * dim];
            float[] ys = new float[n * width];
            z.copyTo(DataBuffers.of(zs, false, false));
            y.copyTo(DataBuffers.of(ys, false, false));
            float[] out = new float[n * SHAPE.values()];
            for (int i = 0; i < n; i++) {
                float[] zi = java.util.Arrays.copyOfRange(zs, i * dim, (i + 1) * dim);
                float[] yi = java.util.Arrays.copyOfRange(ys, i * width, (i + 1) * width);
                System.arraycopy(image.apply(zi, yi), 0, out, i * SHAPE.values(), SHAPE.values());
            }
            return TFloat32.tensorOf(Shape.of(n, Tiny.SIZE, Tiny.SIZE, 1), DataBuffers.of(out, true, false));
        }, () -> { });
    }

    /** Output depends on the label only: one fixed random image per class, whatever z is. */
    private static float[] perClassImage(float[] z, float[] oneHot) {
        int label = 0;
        while (oneHot[label] == 0) {
            label++;
        }
        SplittableRandom random = new SplittableRandom(100 + label);
        float[] out = new float[SHAPE.values()];
        for (int p = 0; p < out.length; p++) {
            out[p] = (float) random.nextDouble(-1, 1);
        }
        return out;
    }

    /** Output depends on z: each pixel a smooth function of the latent vector. */
    private static float[] variedImage(float[] z, float[] ignored) {
        float[] out = new float[SHAPE.values()];
        for (int p = 0; p < out.length; p++) {
            out[p] = (float) Math.tanh(z[p % z.length] * (1 + p % 3) - z[(p / 3) % z.length]);
        }
        return out;
    }

    @Test
    void spreadIsThePerPixelStdWithinEachGroup() {
        WithinClassSpread spread = new WithinClassSpread(2, 1);
        // Group 0: {-1, 1} has sample std sqrt(2); group 1: {0.5, 0.5, 0.5} none. Mean sqrt(2) / 2.
        spread.add(0, new float[] {-1, 1}, 0);
        spread.add(0, new float[] {-1, 1}, 1);
        for (int i = 0; i < 3; i++) {
            spread.add(1, new float[] {0.5f}, 0);
        }
        assertThat(spread.value()).isCloseTo(Math.sqrt(2) / 2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(new WithinClassSpread(3, 4).value()).isNaN();
    }

    @Test
    void aConditionalGeneratorThatIgnoresZIsCollapsedThoughItsClassesDiffer() {
        ShapesData data = Tiny.data();
        double real = WithinClassSpread.ofData(data, true);
        assertThat(real).isPositive();
        try (Generator g = generator(4, CollapseTest::perClassImage)) {
            assertThat(CollapseCheck.spread(g)).isZero();
            assertThat(CollapseCheck.collapsed(CollapseCheck.spread(g), real, 1)).isTrue();
            // Over all samples, the old measure, the class differences look like variety.
            int n = 40;
            float[] x = g.generate(Noise.latent(n, g.latentDim(), 1), n, Noise.gridLabels(n, 4));
            WithinClassSpread all = new WithinClassSpread(1, SHAPE.values());
            for (int i = 0; i < n; i++) {
                all.add(0, x, i);
            }
            assertThat(all.value()).isGreaterThan(real);
            Collapse c = new CollapseCheck(true, real, List.of()).atEpochEnd(1, g);
            assertThat(c.collapsed()).isTrue();
            assertThat(c.reason()).contains("within-class spread across z 0.0000").contains("one image per class");
            // Before the first epoch ends an untrained, near-constant generator is not flagged.
            assertThat(CollapseCheck.collapsed(0, real, 0)).isFalse();
        }
    }

    @Test
    void realImagesGroupedByClassAndAVariedGeneratorAreNotCollapsed() {
        ShapesData data = Tiny.data();
        double real = WithinClassSpread.ofData(data, true);
        // Real images through the same accumulator as generated ones: the first 400, grouped by class.
        WithinClassSpread byClass = new WithinClassSpread(4, SHAPE.values());
        for (int i = 0; i < 400; i++) {
            byClass.add(data.label(i), data.imageFloat(i), 0);
        }
        assertThat(CollapseCheck.collapsed(byClass.value(), real, 5)).isFalse();
        assertThat(byClass.value() / real).isBetween(0.8, 1.2);
        double all = WithinClassSpread.ofData(data, false);
        assertThat(all).isGreaterThan(real);
        try (Generator g = generator(0, CollapseTest::variedImage)) {
            double spread = CollapseCheck.spread(g);
            assertThat(spread).isGreaterThan(CollapseCheck.FRACTION * all);
            Collapse c = new CollapseCheck(false, all, List.of()).atEpochEnd(3, g);
            assertThat(c.collapsed()).isFalse();
            assertThat(c.reason()).isNull();
            assertThat(c.epochs()).containsExactly(new Collapse.Point(3, spread));
        }
    }

    @Test
    void aTrainedRunRecordsTheCheckInRunJsonAndKeepsGoing() throws Exception {
        TrainingRun run = Trainer.train(Tiny.config(GanVariants.CDCGAN, 1, 3), Tiny.data(), dir.resolve("run"),
                TrainingListener.none());
        Collapse c = run.collapse();
        assertThat(c).isNotNull();
        assertThat(c.byClass()).isTrue();
        assertThat(c.realSpread()).isEqualTo(WithinClassSpread.ofData(Tiny.data(), true));
        assertThat(c.epochs()).extracting(Collapse.Point::epoch).containsExactly(1);
        assertThat(c.finalSpread()).isEqualTo(c.epochs().get(0).spread());
        assertThat(run.savedModel()).isNotNull();
        String json = Files.readString(dir.resolve("run/run.json"));
        assertThat(json).contains("\"collapse\"").contains("\"realSpread\"");
        assertThat(RunFiles.readJson(dir.resolve("run/collapse.json"), Collapse.class)).isEqualTo(c);
    }
}
