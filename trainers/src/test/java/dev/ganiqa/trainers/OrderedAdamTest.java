package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.Batch;
import dev.ganiqa.datasets.ImageShape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Adam's bias correction is read before it advances: fresh graphs of one seed on one thread make bit-identical
 * first updates. With the framework's Adam (beta powers assigned without waiting for the updates) some of these
 * graphs took the next step's correction: every variable of the critic then moved by a different amount.
 */
class OrderedAdamTest {
    static final int GRAPHS = 8;

    @Test
    void graphsOfOneSeedMakeIdenticalUpdatesAndTheCorrectionAdvancesOncePerStep() {
        ImageShape shape = new ImageShape(28, 28, 1);
        SplittableRandom random = new SplittableRandom(3);
        float[] pixels = new float[64 * shape.values()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble(-1, 1);
        }
        Batch batch = new Batch(new int[64], pixels, null, shape);
        List<float[]> first = null;
        for (int trial = 0; trial < GRAPHS; trial++) {
            try (GanGraph g = new GanGraph(GanVariants.get("wgan").defaults(), shape, 0, 1, 1)) {
                new Steps(g, 1).critic(batch, 0);
                List<float[]> values = fetch(g, g.criticVariables.stream().map(v -> v.op().name()).toList());
                if (first == null) {
                    first = values;
                    // One step done: beta1^t and beta2^t advanced once (0.5 -> 0.25, 0.9 -> 0.81), after the update.
                    List<float[]> powers = fetch(g, List.of("beta1_power", "beta2_power"));
                    assertThat(powers.get(0)[0]).isEqualTo(0.25f);
                    assertThat(powers.get(1)[0]).isEqualTo(0.9f * 0.9f);
                    continue;
                }
                for (int i = 0; i < values.size(); i++) {
                    assertThat(values.get(i)).as("graph %d, %s", trial, g.criticVariables.get(i).op().name())
                            .containsExactly(first.get(i));
                }
            }
        }
    }

    private static List<float[]> fetch(GanGraph g, List<String> names) {
        var runner = g.session.runner();
        names.forEach(runner::fetch);
        List<float[]> out = new ArrayList<>();
        try (Result r = runner.run()) {
            for (int i = 0; i < names.size(); i++) {
                TFloat32 t = (TFloat32) r.get(i);
                float[] a = new float[(int) t.size()];
                t.copyTo(DataBuffers.of(a, false, false));
                out.add(a);
            }
        }
        return out;
    }
}
