package dev.ganiqa.trainers;

import dev.ganiqa.datasets.ImageShape;
import java.util.function.BiFunction;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Sampling on top of any "z, labels -> images" TF call: the live training session or a loaded SavedModel.
 * Sampling runs in chunks of {@link #CHUNK} so large n does not build one huge tensor.
 */
class GraphGenerator implements Generator {
    static final int CHUNK = 256;

    private final ImageShape shape;
    private final int classes;
    private final int latentDim;
    private final BiFunction<TFloat32, TFloat32, TFloat32> call;
    private final Runnable onClose;

    GraphGenerator(ImageShape shape, int classes, int latentDim, BiFunction<TFloat32, TFloat32, TFloat32> call,
                   Runnable onClose) {
        this.shape = shape;
        this.classes = classes;
        this.latentDim = latentDim;
        this.call = call;
        this.onClose = onClose;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public int latentDim() {
        return latentDim;
    }

    @Override
    public Samples sample(int n, int[] labels, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("expected a positive sample count, found " + n);
        }
        checkLabels(n, labels);
        float[] z = Noise.latent(n, latentDim, seed);
        return Samples.quantise(generate(z, n, labels), n, shape, labels == null ? null : labels.clone());
    }

    @Override
    public float[] generate(float[] z, int n, int[] labels) {
        checkLabels(n, labels);
        if (z.length != n * latentDim) {
            throw new IllegalArgumentException("expected " + n * latentDim + " latent values, found " + z.length);
        }
        int per = shape.values();
        float[] out = new float[n * per];
        int width = Math.max(classes, 1);
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            float[] zc = new float[m * latentDim];
            System.arraycopy(z, from * latentDim, zc, 0, zc.length);
            int[] lc = null;
            if (labels != null) {
                lc = new int[m];
                System.arraycopy(labels, from, lc, 0, m);
            }
            try (TFloat32 zt = TFloat32.tensorOf(Shape.of(m, latentDim), DataBuffers.of(zc, true, false));
                 TFloat32 yt = TFloat32.tensorOf(Shape.of(m, width), DataBuffers.of(Noise.oneHot(lc, m, classes), true, false));
                 TFloat32 images = call.apply(zt, yt)) {
                float[] chunk = new float[m * per];
                images.copyTo(DataBuffers.of(chunk, false, false));
                System.arraycopy(chunk, 0, out, from * per, chunk.length);
            }
        }
        return out;
    }

    private void checkLabels(int n, int[] labels) {
        if (classes > 0 && (labels == null || labels.length != n)) {
            throw new IllegalArgumentException("expected " + n + " labels for a conditional generator, found "
                    + (labels == null ? "none" : labels.length));
        }
        if (classes == 0 && labels != null) {
            throw new IllegalArgumentException("expected no labels for an unconditional generator, found " + labels.length);
        }
    }


    @Override
    public void close() {
        onClose.run();
    }
}
