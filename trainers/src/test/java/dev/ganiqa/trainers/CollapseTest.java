package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.ImageShape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** The collapse measure: the per-pixel spread across the 100 fixed-noise samples. */
class CollapseTest {
    private static Generator fixed(boolean varied) {
        ImageShape shape = new ImageShape(4, 4, 1);
        return new GraphGenerator(shape, 0, 3, (z, y) -> {
            int n = (int) z.shape().get(0);
            float[] out = new float[n * 16];
            SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < out.length; i++) {
                out[i] = varied ? (float) random.nextDouble(-1, 1) : 0.25f;
            }
            return TFloat32.tensorOf(Shape.of(n, 4, 4, 1), DataBuffers.of(out, true, false));
        }, () -> { });
    }

    @Test
    void identicalSamplesHaveNoSpreadAndUniformNoiseHasItsStandardDeviation() {
        try (Generator same = fixed(false); Generator varied = fixed(true)) {
            assertThat(Trainer.spread(same, 0)).isZero();
            // Uniform on [-1, 1] has standard deviation 1/sqrt(3) = 0.577.
            assertThat(Trainer.spread(varied, 0)).isBetween(0.5, 0.65);
        }
    }
}
