package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.ImageShape;
import java.util.List;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * A {@link FeatureExtractor} over a TensorFlow session: feeds float32 pixel values 0..255 as NHWC into
 * {@code input}, fetches {@code features} (reshaped to [count, dim]) and either {@code probabilities} or
 * {@code logits} (then softmax is taken here in double precision). Every backend (frozen GraphDef,
 * Inception, SavedModel) ends up here; {@code owned} are closed with it, in order (the
 * session before its graph).
 */
final class SessionExtractor implements FeatureExtractor {
    private final ExtractorInfo info;
    private final Session session;
    private final Output<?> input;
    private final Output<?> features;
    private final Output<?> probabilities;
    private final Output<?> logits;
    private final Output<?> rejection;
    private final List<AutoCloseable> owned;

    SessionExtractor(ExtractorInfo info, Session session, Output<?> input, Output<?> features, Output<?> probabilities,
            Output<?> logits, List<AutoCloseable> owned) {
        this(info, session, input, features, probabilities, logits, null, owned);
    }

    /** @param rejection the rejection class's probability per image, or null when the graph has none */
    SessionExtractor(ExtractorInfo info, Session session, Output<?> input, Output<?> features, Output<?> probabilities,
            Output<?> logits, Output<?> rejection, List<AutoCloseable> owned) {
        this.rejection = rejection;
        this.info = info;
        this.session = session;
        this.input = input;
        this.features = features;
        this.probabilities = probabilities;
        this.logits = logits;
        this.owned = List.copyOf(owned);
    }

    @Override
    public ExtractorInfo info() {
        return info;
    }

    @Override
    public Features extract(float[] images, int count, ImageShape shape) {
        info.checkBatch(images, count, shape);
        int per = shape.values();
        float[] pixels = images.length == count * per ? images : java.util.Arrays.copyOf(images, count * per);
        Output<?> classOutput = probabilities != null ? probabilities : logits;
        try (TFloat32 x = TFloat32.tensorOf(Shape.of(count, shape.height(), shape.width(), shape.channels()),
                DataBuffers.of(pixels, true, false))) {
            Session.Runner runner = session.runner().feed(input, x).fetch(features);
            if (classOutput != null) {
                runner.fetch(classOutput);
            }
            if (rejection != null) {
                runner.fetch(rejection);
            }
            long t0 = System.nanoTime();
            try (Result r = runner.run()) {
                long nanos = System.nanoTime() - t0;
                float[] f = read((TFloat32) r.get(0), count, info.featureDim(), "features");
                float[] p = null;
                if (classOutput != null) {
                    p = read((TFloat32) r.get(1), count, info.classes(), "class scores");
                    if (probabilities == null) {
                        softmaxRows(p, count, info.classes());
                    }
                }
                float[] reject = rejection == null ? null
                        : read((TFloat32) r.get(classOutput != null ? 2 : 1), count, 1, "rejection");
                return new Features(count, info.featureDim(), f, info.hasClasses() ? info.classes() : 0, p, nanos,
                        reject);
            }
        }
    }

    private float[] read(TFloat32 t, int count, int dim, String what) {
        if (t.size() != (long) count * dim) {
            throw new IllegalStateException(info.name() + ": expected " + count + "x" + dim + " " + what
                    + ", found shape " + t.shape());
        }
        float[] out = new float[count * dim];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    /** Numerically stable softmax per row: exp(x - max) / sum, accumulated in double. */
    static void softmaxRows(float[] values, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, values[base + c]);
            }
            double sum = 0;
            double[] e = new double[cols];
            for (int c = 0; c < cols; c++) {
                e[c] = Math.exp(values[base + c] - max);
                sum += e[c];
            }
            for (int c = 0; c < cols; c++) {
                values[base + c] = (float) (e[c] / sum);
            }
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(info.name() + ": closing native resources failed: " + e.getMessage(), e);
            }
        }
    }
}
