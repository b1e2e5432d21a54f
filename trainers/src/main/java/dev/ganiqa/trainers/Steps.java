package dev.ganiqa.trainers;

import dev.ganiqa.datasets.Batch;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Runs one critic or generator update of a {@link GanGraph}, feeding the noise for that step. */
final class Steps {
    private final GanGraph g;
    private final long seed;

    Steps(GanGraph g, long seed) {
        this.g = g;
        this.seed = seed;
    }

    /** Critic loss, Wasserstein estimate, penalty of one critic update on {@code batch}. */
    float[] critic(Batch batch, long step) {
        int n = batch.size();
        var shape = batch.shape();
        int latent = g.hp.latentDim();
        try (TFloat32 real = TFloat32.tensorOf(Shape.of(n, shape.height(), shape.width(), shape.channels()),
                DataBuffers.of(batch.pixels(), true, false));
             TFloat32 z = tensor(Noise.latent(n, latent, Noise.key(seed, Noise.STREAM_CRITIC_Z, step)), n, latent);
             TFloat32 y = labels(batch.labels(), n);
             TFloat32 eps = TFloat32.tensorOf(Shape.of(n, 1, 1, 1),
                     DataBuffers.of(Noise.uniform(n, Noise.key(seed, Noise.STREAM_EPSILON, step)), true, false));
             Result r = g.session.runner().feed(g.real, real).feed(g.z, z).feed(g.oneHot, y)
                     .feed(g.interpolation, eps).fetch(g.criticLoss).fetch(g.wasserstein).fetch(g.penalty)
                     .addTarget(g.criticStep).run()) {
            return new float[] {scalar(r, 0), scalar(r, 1), scalar(r, 2)};
        }
    }

    /** Generator loss of one generator update with the labels of the current batch. */
    float generator(int[] labels, int n, long step) {
        int latent = g.hp.latentDim();
        boolean second = g.hp.modeSeeking() > 0;
        try (TFloat32 z = tensor(Noise.latent(n, latent, Noise.key(seed, Noise.STREAM_GENERATOR_Z, step)), n, latent);
             TFloat32 z2 = second ? tensor(Noise.latent(n, latent, Noise.key(seed, Noise.STREAM_SECOND_Z, step)),
                     n, latent) : null;
             TFloat32 y = labels(labels, n)) {
            var runner = g.session.runner().feed(g.z, z).feed(g.oneHot, y);
            if (second) {
                runner.feed(g.secondZ, z2);
            }
            try (Result r = runner.fetch(g.generatorLoss).addTarget(g.generatorStep).run()) {
                return scalar(r, 0);
            }
        }
    }

    private TFloat32 labels(int[] labels, int n) {
        int width = Math.max(g.classes, 1);
        return tensor(Noise.oneHot(g.classes > 0 ? labels : null, n, g.classes), n, width);
    }

    static TFloat32 tensor(float[] values, long... shape) {
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
    }

    static float scalar(Result r, int i) {
        return ((TFloat32) r.get(i)).getFloat();
    }

    /** The live generator of a session: samples with the moving batch-norm statistics. */
    static Generator live(GanGraph g, dev.ganiqa.datasets.ImageShape shape, Runnable onClose) {
        Session s = g.session;
        return new GraphGenerator(shape, g.classes, g.hp.latentDim(), (z, y) -> {
            Result r = s.runner().feed(g.sampleZ, z).feed(g.sampleOneHot, y).fetch(g.samples).run();
            return (TFloat32) r.get(0);
        }, onClose);
    }
}
