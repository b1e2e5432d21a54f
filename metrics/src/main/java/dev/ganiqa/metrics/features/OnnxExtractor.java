package dev.ganiqa.metrics.features;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.ganiqa.datasets.ImageShape;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link FeatureExtractor} over an ONNX model run by ONNX Runtime (CPU; the CUDA provider when the
 * {@code onnxruntime_gpu} natives of {@code -Pgpu} find a GPU). The image input must be a float32 rank-4 tensor
 * (NCHW or NHWC); outputs float32 [N, D] or [N, D, 1, 1]-like (at most one non-batch dimension above 1).
 * Identity: sha256 over the model file's sha256, the resolved preprocessing ({@link OnnxInput#canonical()}) and
 * the tensor names, so another file, another preprocessing or another output gives another statistics-cache key.
 * Logits are turned into probabilities here in double precision, as for TensorFlow models. Opened by
 * {@link OnnxModels}, which checks the model against the spec.
 */
final class OnnxExtractor implements FeatureExtractor {
    private final ExtractorInfo info;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final OnnxInput feed;
    private final String input;
    private final String features;
    private final String classOutput;
    private final boolean logits;
    /** The model's static batch size, or 0 when the batch dimension is dynamic. */
    private final int fixedBatch;
    /** Reused between runs: the converted batch, and the native-order direct buffer ONNX Runtime reads without a copy. */
    private float[] scratch = new float[0];
    private FloatBuffer direct = FloatBuffer.allocate(0);

    OnnxExtractor(ExtractorInfo info, OrtEnvironment env, OrtSession session, OnnxInput feed, String input,
            String features, String classOutput, boolean logits, int fixedBatch) {
        this.info = info;
        this.env = env;
        this.session = session;
        this.feed = feed;
        this.input = input;
        this.features = features;
        this.classOutput = classOutput;
        this.logits = logits;
        this.fixedBatch = fixedBatch;
    }

    @Override
    public ExtractorInfo info() {
        return info;
    }

    @Override
    public Features extract(float[] images, int count, ImageShape shape) {
        info.checkBatch(images, count, shape);
        int per = shape.values();
        int dim = info.featureDim();
        int classes = info.classes();
        float[] f = new float[count * dim];
        float[] p = classOutput == null ? null : new float[count * classes];
        // A dynamic batch runs as many images as one run's buffers may hold (images fed at their own size can be
        // large); a static one was bounded with the model's size when it was opened.
        int step = fixedBatch > 0 ? fixedBatch : ModelBounds.imagesPerRun(count, per);
        long nanos = 0;
        for (int from = 0; from < count; from += step) {
            int real = Math.min(step, count - from);
            int n = fixedBatch > 0 ? fixedBatch : real;
            String tooLarge = ModelBounds.runValues(n, shape.height(), shape.width(), shape.channels());
            if (tooLarge != null) {
                throw new ExtractorException(info.name() + ": expected input '" + input + "' with " + tooLarge
                        + ", found " + n + " image(s) of " + shape);
            }
            if (scratch.length != n * per) {
                scratch = new float[n * per];
                direct = java.nio.ByteBuffer.allocateDirect(n * per * Float.BYTES).order(java.nio.ByteOrder.nativeOrder())
                        .asFloatBuffer();
            }
            feed.convert(images, from * per, real, shape, scratch);
            direct.clear();
            direct.put(scratch).flip();
            nanos += run(direct, n, real, shape, from, f, p);
        }
        if (logits) {
            SessionExtractor.softmaxRows(p, count, classes);
        }
        return new Features(count, dim, f, p == null ? 0 : classes, p, nanos);
    }

    /** One session run on {@code n} images (the first {@code real} used); returns its nanoseconds. */
    private long run(FloatBuffer x, int n, int real, ImageShape shape, int from, float[] f, float[] p) {
        Set<String> fetch = new LinkedHashSet<>(classOutput == null ? List.of(features) : List.of(features, classOutput));
        try (OnnxTensor t = OnnxTensor.createTensor(env, x, feed.dims(n, shape))) {
            long t0 = System.nanoTime();
            try (OrtSession.Result r = session.run(Map.of(input, t), fetch)) {
                long nanos = System.nanoTime() - t0;
                copy(r, features, n, real, info.featureDim(), f, from);
                if (classOutput != null) {
                    copy(r, classOutput, n, real, info.classes(), p, from);
                }
                return nanos;
            }
        } catch (OrtException e) {
            throw new ExtractorException(info.name() + ": ONNX Runtime failed on input '" + input + "' of shape "
                    + Arrays.toString(feed.dims(n, shape)) + ": " + OnnxModels.firstLine(e.getMessage()), e);
        }
    }

    private void copy(OrtSession.Result r, String name, int n, int real, int dim, float[] dst, int from)
            throws OrtException {
        OnnxValue v = r.get(name).orElseThrow();
        long[] shape = ((TensorInfo) v.getInfo()).getShape();
        FloatBuffer b = ((OnnxTensor) v).getFloatBuffer();
        if (shape.length < 1 || shape[0] != n || b.remaining() != (long) n * dim) {
            throw new ExtractorException(info.name() + ": expected output '" + name + "' of shape [" + n + ", " + dim
                    + "], found shape " + Arrays.toString(shape));
        }
        b.get(dst, from * dim, real * dim);
    }


    @Override
    public void close() {
        OnnxModels.close(session, info.name());
    }
}
