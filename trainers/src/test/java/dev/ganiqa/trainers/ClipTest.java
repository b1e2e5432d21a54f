package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.Batch;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Weight clipping keeps every critic weight in [-c, c] (and actually bites: some weights sit at the bound). */
class ClipTest {
    @Test
    void everyCriticWeightStaysInsideTheBound() {
        ShapesData data = Tiny.data();
        TrainConfig config = Tiny.config(GanVariants.WGAN, Lipschitz.CLIP, 1, 5);
        float c = config.hyperparameters().clip();
        try (GanGraph g = new GanGraph(config.hyperparameters(), data.shape(), 0, 5, 0)) {
            float before = maxAbs(g);
            assertThat(before).as("initial weights N(0, 0.02) exceed c").isGreaterThan(c);
            Steps steps = new Steps(g, 5);
            long step = 0;
            for (Batch b : data.batches(Tiny.BATCH, 0, true)) {
                steps.critic(b, step++);
                if (step % 5 == 0) {
                    steps.generator(null, b.size(), step / 5);
                }
                assertThat(maxAbs(g)).isLessThanOrEqualTo(c);
            }
            assertThat(maxAbs(g)).isEqualTo(c);
        }
    }

    private static float maxAbs(GanGraph g) {
        float max = 0;
        for (Variable<TFloat32> v : g.criticVariables) {
            try (Result r = g.session.runner().fetch(v).run()) {
                TFloat32 t = (TFloat32) r.get(0);
                float[] values = new float[(int) t.shape().size()];
                t.copyTo(DataBuffers.of(values, false, false));
                for (float x : values) {
                    max = Math.max(max, Math.abs(x));
                }
            }
        }
        return max;
    }
}
