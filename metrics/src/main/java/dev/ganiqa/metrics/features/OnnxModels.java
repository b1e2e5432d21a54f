package dev.ganiqa.metrics.features;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Resize;
import dev.ganiqa.datasets.Sha256;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opens an ONNX model for an {@link OnnxSpec}: loads it into ONNX Runtime, checks its input and outputs against
 * the spec (one-line errors naming the tensor and its shape), resolves the preprocessing ({@link OnnxInput}) and
 * the extractor's identity: sha256 over the model file's sha256, the canonical preprocessing and the tensor names.
 */
final class OnnxModels {
    static final String IDENTITY_FORMAT = "ganiqa-onnx-1";

    private OnnxModels() {
    }

    /**
     * @param featureNames output names tried for the features, in order (a preset's candidates, or the one given)
     * @param explicit whether {@code featureNames} was given in the spec (then it must exist)
     */
    static FeatureExtractor open(OnnxSpec spec, List<String> featureNames, boolean explicit, int threads) {
        Path file = spec.file();
        String where = spec.prefix() + file;
        String fileSha;
        try {
            fileSha = Sha256.hex(file);
        } catch (IOException e) {
            throw new ExtractorException(where + ": cannot read the ONNX model (" + e + ")", e);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "ganiqa");
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            // Idle intra-op threads sleep instead of spinning: on a machine shared with training jobs spinning halved
            // the throughput (BENCHMARKS.md, ONNX Runtime vs TensorFlow).
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            if (OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
                options.addCUDA();
            }
            session = env.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new ExtractorException(where + ": expected an ONNX model that ONNX Runtime can load, found: "
                    + firstLine(e.getMessage()), e);
        }
        try {
            return resolve(spec, where, fileSha, env, session, featureNames, explicit);
        } catch (OrtException e) {
            close(session, where);
            throw new ExtractorException(where + ": " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            close(session, where);
            throw e;
        }
    }

    private static FeatureExtractor resolve(OnnxSpec spec, String where, String fileSha, OrtEnvironment env,
            OrtSession session, List<String> featureNames, boolean explicit) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        String inputName = spec.input();
        if (inputName == null) {
            if (inputs.size() != 1) {
                throw new ExtractorException(where + ": expected one model input or ?input=NAME, found inputs "
                        + inputs.keySet());
            }
            inputName = inputs.keySet().iterator().next();
        }
        long[] in = tensorShape(inputs, inputName, where, "input");
        if (in.length != 4) {
            throw new ExtractorException(where + ": expected input '" + inputName
                    + "' of rank 4 (an NCHW or NHWC image batch), found shape " + Arrays.toString(in));
        }
        OnnxInput feed = feeding(spec, where, inputName, in);
        // feeding() bounded in[0] by ModelBounds.MAX_STATIC_BATCH, so the cast is exact.
        int fixedBatch = in[0] > 0 ? (int) in[0] : 0;
        if (!feed.size().isAny()) {
            String tooLarge = ModelBounds.runValues(Math.max(fixedBatch, 1), feed.size().height(), feed.size().width(),
                    feed.channels());
            if (tooLarge != null) {
                throw new ExtractorException(where + ": expected input '" + inputName + "' with " + tooLarge
                        + ", found shape " + Arrays.toString(in));
            }
        }

        Map<String, NodeInfo> outputs = session.getOutputInfo();
        String featName = featureNames.stream().filter(outputs::containsKey).findFirst()
                .orElse(!explicit && outputs.size() == 1 ? outputs.keySet().iterator().next() : null);
        if (featName == null) {
            throw new ExtractorException(where + ": expected an output named " + String.join(" or ", featureNames
                    .stream().map(n -> "'" + n + "'").toList()) + " (?features=NAME), found outputs " + outputs.keySet());
        }
        String probName = spec.probabilities() != null ? spec.probabilities()
                : spec.logits() == null && outputs.containsKey("probabilities") ? "probabilities" : null;
        String logitName = probName != null ? null
                : spec.logits() != null ? spec.logits() : outputs.containsKey("logits") ? "logits" : null;
        String clsName = probName != null ? probName : logitName;
        long[] featShape = tensorShape(outputs, featName, where, "output");
        long[] clsShape = clsName == null ? null : tensorShape(outputs, clsName, where, "output");
        int dim = width(featShape, featName, where, ModelBounds.MAX_FEATURES);
        int classes = clsName == null ? 0 : width(clsShape, clsName, where, ModelBounds.MAX_CLASSES);
        if (dim < 0 || classes < 0) {
            long[][] probed = probe(env, session, feed, inputName, fixedBatch, featName, clsName, where);
            dim = width(probed[0], featName, where, ModelBounds.MAX_FEATURES);
            classes = clsName == null ? 0 : width(probed[1], clsName, where, ModelBounds.MAX_CLASSES);
        }
        StringBuilder tensors = new StringBuilder("input=").append(inputName).append("&features=").append(featName);
        if (clsName != null) {
            tensors.append(probName != null ? "&probabilities=" : "&logits=").append(clsName);
        }
        String canonical = feed.canonical() + "&" + tensors;
        String sha = Sha256.hex((IDENTITY_FORMAT + "\n" + fileSha + "\n" + canonical).getBytes(StandardCharsets.UTF_8));
        boolean any = feed.size().isAny();
        ImageShape shape = any ? new ImageShape(1, 1, feed.channels())
                : new ImageShape(feed.size().height(), feed.size().width(), feed.channels());
        ExtractorInfo info = new ExtractorInfo(spec.prefix() + spec.file().getFileName() + "?" + canonical, "onnx",
                sha, shape, any, canonical, dim, classes, feed.resize());
        return new OnnxExtractor(info, env, session, feed, inputName, featName, clsName, logitName != null, fixedBatch);
    }

    /** Resolves the preprocessing against the model's input shape {@code in}: the spec wins, then the model, then defaults. */
    private static OnnxInput feeding(OnnxSpec spec, String where, String name, long[] in) {
        String shape = Arrays.toString(in);
        OnnxSpec.Layout layout = spec.layout();
        if (layout == null) {
            boolean first = in[1] == 1 || in[1] == 3;
            boolean last = in[3] == 1 || in[3] == 3;
            layout = last && !first ? OnnxSpec.Layout.NHWC : OnnxSpec.Layout.NCHW;
        }
        boolean nchw = layout == OnnxSpec.Layout.NCHW;
        long c = in[nchw ? 1 : 3];
        long h = in[nchw ? 2 : 1];
        long w = in[nchw ? 3 : 2];
        String dims = "(" + layout.label() + ": channels in dimension " + (nchw ? 1 : 3) + ")";
        if (c >= 0 && c != 1 && c != 3) {
            throw new ExtractorException(where + ": expected input '" + name + "' with 1 or 3 channels " + dims
                    + ", found shape " + shape);
        }
        if (spec.channels() != null && c > 0 && c != spec.channels()) {
            throw new ExtractorException(where + ": expected input '" + name + "' with channels=" + spec.channels()
                    + " " + dims + ", found shape " + shape);
        }
        String outOfBounds = ModelBounds.imageInput(in[0], h, w);
        if (outOfBounds != null) {
            throw new ExtractorException(where + ": expected input '" + name + "' with " + outOfBounds + ", found shape "
                    + shape);
        }
        int channels = c > 0 ? (int) c : spec.channels() != null ? spec.channels() : 3;
        OnnxSpec.Size size = spec.size();
        boolean fixed = h > 0 && w > 0;
        if (size == null) {
            if (!fixed) {
                throw new ExtractorException(where + ": expected ?size=HxW (or size=any) for input '" + name
                        + "' of shape " + shape + " (height and width not fixed), found none");
            }
            size = new OnnxSpec.Size((int) h, (int) w); // within 1..MAX_SIDE: exact
        } else if (size.isAny() ? h > 0 || w > 0
                : (h > 0 && h != size.height()) || (w > 0 && w != size.width())) {
            throw new ExtractorException(where + ": expected input '" + name + "' to take size=" + size + " " + dims
                    + ", found shape " + shape);
        }
        OnnxSpec.Range range = spec.range() != null ? spec.range() : OnnxSpec.Range.UNIT;
        double[] mean = range == OnnxSpec.Range.IMAGENET ? OnnxSpec.IMAGENET_MEAN : spec.mean();
        double[] std = range == OnnxSpec.Range.IMAGENET ? OnnxSpec.IMAGENET_STD : spec.std();
        if (mean != null && mean.length != 1 && mean.length != channels) {
            throw new ExtractorException(where + ": expected 1 or " + channels + " mean/std values for input '" + name
                    + "' of shape " + shape + ", found " + mean.length);
        }
        Resize resize = spec.resize() != null ? spec.resize() : Resize.AREA;
        return new OnnxInput(name, size, channels, layout, range, mean, std, resize);
    }

    private static long[] tensorShape(Map<String, NodeInfo> map, String name, String where, String what) {
        NodeInfo node = map.get(name);
        if (node == null) {
            throw new ExtractorException(where + ": expected an " + what + " named '" + name + "', found " + what
                    + "s " + map.keySet());
        }
        if (!(node.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT) {
            throw new ExtractorException(where + ": expected " + what + " '" + name + "' to be a float32 tensor, found "
                    + node.getInfo());
        }
        return t.getShape();
    }

    /**
     * The feature width of an output [N, ...]: the product of its non-batch dimensions (at most one above 1, so the
     * product is that one dimension and cannot overflow); -1 when not fixed. Above {@code max} is the model's fault.
     */
    private static int width(long[] shape, String name, String where, long max) {
        long product = 1;
        int above1 = 0;
        boolean unknown = false;
        for (int i = 1; i < shape.length; i++) {
            if (shape[i] < 0) {
                unknown = true;
            } else {
                product *= shape[i];
            }
            above1 += shape[i] != 1 ? 1 : 0;
        }
        if (shape.length < 2 || above1 > 1 || product == 0) {
            throw new ExtractorException(where + ": expected output '" + name
                    + "' of shape [N, D] (or [N, D, 1, 1]), found shape " + Arrays.toString(shape));
        }
        if (product > max || shape[0] == 0 || shape[0] > ModelBounds.MAX_STATIC_BATCH) {
            throw new ExtractorException(where + ": expected output '" + name + "' of shape [N, D] with D in 1.." + max
                    + " and N dynamic or in 1.." + ModelBounds.MAX_STATIC_BATCH + ", found shape "
                    + Arrays.toString(shape));
        }
        return unknown ? -1 : (int) product;
    }

    /** Output shapes from one run on zeros, for models whose outputs have dynamic non-batch dimensions. */
    private static long[][] probe(OrtEnvironment env, OrtSession session, OnnxInput feed, String input, int fixedBatch,
            String feat, String cls, String where) throws OrtException {
        int n = Math.max(fixedBatch, 1);
        ImageShape shape = feed.size().isAny() ? new ImageShape(64, 64, feed.channels())
                : new ImageShape(feed.size().height(), feed.size().width(), feed.channels());
        long[] dims = feed.dims(n, shape);
        Set<String> fetch = new LinkedHashSet<>(cls == null ? List.of(feat) : List.of(feat, cls));
        // n and the size were bounded when the input was resolved (ModelBounds.runValues): n * values fits an int.
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.allocate(n * shape.values()), dims);
             OrtSession.Result r = session.run(Map.of(input, x), fetch)) {
            long[][] out = new long[2][];
            out[0] = ((TensorInfo) r.get(feat).orElseThrow().getInfo()).getShape();
            if (cls != null) {
                out[1] = ((TensorInfo) r.get(cls).orElseThrow().getInfo()).getShape();
            }
            return out;
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    static void close(OrtSession session, String where) {
        try {
            session.close();
        } catch (OrtException e) {
            throw new ExtractorException(where + ": closing the ONNX Runtime session failed: " + e.getMessage(), e);
        }
    }
}
