package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.Batch;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** The norm ||grad_x D(x_hat)|| inside the penalty agrees with central finite differences of D. */
class GradientPenaltyTest {
    @Test
    void penaltyNormMatchesFiniteDifferences() {
        ShapesData data = Tiny.data();
        TrainConfig config = Tiny.config(GanVariants.CWGAN, 1, 3);
        int n = 4;
        int per = data.shape().values();
        try (GanGraph g = new GanGraph(config.hyperparameters(), data.shape(), 4, 3, 0)) {
            Steps steps = new Steps(g, 3);
            long step = 0;
            // A few updates first, so the critic is not at its near-linear initialisation.
            for (Batch b : data.batches(Tiny.BATCH, 1, true)) {
                steps.critic(b, step++);
            }
            Batch batch = dev.ganiqa.datasets.Batches.gather(data, new int[] {0, 1, 2, 3}, 0, n);
            float[] norms = new float[n];
            float[] xHat = new float[n * per];
            float[] oneHot = Noise.oneHot(batch.labels(), n, 4);
            float[] eps = {0.1f, 0.4f, 0.6f, 0.9f};
            try (TFloat32 real = Steps.tensor(batch.pixels(), n, 16, 16, 1);
                 TFloat32 z = Steps.tensor(Noise.latent(n, 32, 9), n, 32);
                 TFloat32 y = Steps.tensor(oneHot, n, 4);
                 TFloat32 e = Steps.tensor(eps, n, 1, 1, 1);
                 Result r = g.session.runner().feed(g.real, real).feed(g.z, z).feed(g.oneHot, y)
                         .feed(g.interpolation, e).fetch(g.penaltyNorms).fetch(g.interpolates).run()) {
                ((TFloat32) r.get(0)).copyTo(DataBuffers.of(norms, false, false));
                ((TFloat32) r.get(1)).copyTo(DataBuffers.of(xHat, false, false));
            }
            // Central differences along every pixel of every x_hat: 2 * per perturbed copies per example.
            float h = 1e-2f;
            for (int i = 0; i < n; i++) {
                int m = 2 * per;
                float[] probes = new float[m * per];
                float[] labels = new float[m * 4];
                for (int k = 0; k < m; k++) {
                    System.arraycopy(xHat, i * per, probes, k * per, per);
                    probes[k * per + k / 2] += (k % 2 == 0 ? h : -h);
                    System.arraycopy(oneHot, i * 4, labels, k * 4, 4);
                }
                float[] scores = new float[m];
                try (TFloat32 x = Steps.tensor(probes, m, 16, 16, 1);
                     TFloat32 y = Steps.tensor(labels, m, 4);
                     Result r = g.session.runner().feed(g.interpolates, x).feed(g.oneHot, y)
                             .fetch(g.criticOnInterpolates).run()) {
                    ((TFloat32) r.get(0)).copyTo(DataBuffers.of(scores, false, false));
                }
                double sq = 0;
                for (int p = 0; p < per; p++) {
                    double d = ((double) scores[2 * p] - scores[2 * p + 1]) / (2 * h);
                    sq += d * d;
                }
                double finite = Math.sqrt(sq);
                System.out.printf("example %d: penalty norm %.6f, finite differences %.6f%n", i, norms[i], finite);
                assertThat(norms[i]).isGreaterThan(0f);
                assertThat((double) norms[i]).isCloseTo(finite, org.assertj.core.data.Percentage.withPercentage(1));
            }
        }
    }
}
