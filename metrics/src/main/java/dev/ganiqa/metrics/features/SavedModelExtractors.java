package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.Sha256;
import dev.ganiqa.datasets.ImageShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tensorflow.Output;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/**
 * Extractors over any TensorFlow SavedModel ({@code serve} tag) whose signature takes a float32 NHWC image
 * batch (values 0..255) and returns a [N, D] feature output and optionally class probabilities or logits.
 * Models written by {@code ganiqa extractor train} have exactly this layout.
 */
public final class SavedModelExtractors {
    private SavedModelExtractors() {
    }

    public static boolean isSavedModel(Path dir) {
        return Files.isRegularFile(dir.resolve("saved_model.pb"));
    }

    public static FeatureExtractor open(SavedModelSpec spec, int threads) {
        Path dir = spec.dir();
        if (!isSavedModel(dir)) {
            throw new ExtractorException(dir + ": expected a SavedModel folder (saved_model.pb), found none");
        }
        String sha = hash(dir);
        SavedModelBundle bundle = SavedModelBundle.loader(dir.toString()).withTags(SavedModelBundle.DEFAULT_TAG)
                .withConfigProto(TfConfig.threads(threads)).load();
        try {
            Signature signature = bundle.signatures().stream().filter(s -> s.key().equals(spec.signature())).findFirst()
                    .orElseThrow(() -> new ExtractorException(dir + ": expected a signature '" + spec.signature()
                            + "', found " + bundle.signatures().stream().map(Signature::key).toList()));
            Map<String, Signature.TensorDescription> inputs = signature.getInputs();
            Map<String, Signature.TensorDescription> outputs = signature.getOutputs();
            String inputName = spec.input();
            if (inputName == null) {
                if (inputs.size() != 1) {
                    throw new ExtractorException(dir + ": expected one signature input or ?input=NAME, found "
                            + inputs.keySet());
                }
                inputName = inputs.keySet().iterator().next();
            }
            Signature.TensorDescription in = describe(inputs, inputName, dir, "input");
            if (in.dataType != DataType.DT_FLOAT || in.shape.numDimensions() != 4
                    || (in.shape.get(3) != 1 && in.shape.get(3) != 3)) {
                throw new ExtractorException(dir + ": expected a float32 NHWC input with 1 or 3 channels, found "
                        + in.dataType + " " + in.shape);
            }
            String outOfBounds = ModelBounds.imageInput(in.shape.get(0), in.shape.get(1), in.shape.get(2));
            if (outOfBounds != null) {
                throw new ExtractorException(dir + ": expected input '" + inputName + "' with " + outOfBounds
                        + ", found shape " + in.shape);
            }
            Signature.TensorDescription feat = describe(outputs, spec.features(), dir, "features output");
            String probName = spec.probabilities() != null ? spec.probabilities()
                    : spec.logits() == null && outputs.containsKey("probabilities") ? "probabilities" : null;
            String logitName = probName != null ? null
                    : spec.logits() != null ? spec.logits() : outputs.containsKey("logits") ? "logits" : null;
            Signature.TensorDescription cls = probName != null ? describe(outputs, probName, dir, "probabilities output")
                    : logitName != null ? describe(outputs, logitName, dir, "logits output") : null;
            int dim = lastDim(feat.shape, dir, spec.features(), ModelBounds.MAX_FEATURES);
            int classes = cls == null ? 0 : lastDim(cls.shape, dir, probName != null ? probName : logitName,
                    ModelBounds.MAX_CLASSES);
            // Bounded above (sides in 1..MAX_SIDE or dynamic, channels 1 or 3): the casts are exact.
            Shape s = in.shape;
            boolean anySize = s.get(1) < 0 || s.get(2) < 0;
            ImageShape shape = new ImageShape(anySize ? 1 : (int) s.get(1), anySize ? 1 : (int) s.get(2), (int) s.get(3));
            String name = "savedmodel:" + dir.getFileName() + "#" + spec.signature();
            ExtractorInfo info = new ExtractorInfo(name, spec.signature(), sha, shape, anySize,
                    "float 0..255 NHWC into signature input '" + inputName + "'", dim, classes);
            Output<?> cOut = cls == null ? null : bundle.graph().output(cls.name);
            return new SessionExtractor(info, bundle.session(), bundle.graph().output(in.name),
                    bundle.graph().output(feat.name), probName != null ? cOut : null, logitName != null ? cOut : null,
                    List.of(bundle));
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    private static Signature.TensorDescription describe(Map<String, Signature.TensorDescription> map, String key,
            Path dir, String what) {
        Signature.TensorDescription d = map.get(key);
        if (d == null) {
            throw new ExtractorException(dir + ": expected a " + what + " named '" + key + "', found " + map.keySet());
        }
        return d;
    }

    /** D of an output [N, D], at most {@code max} (a larger one is the model's fault, refused before any buffer). */
    private static int lastDim(Shape shape, Path dir, String name, long max) {
        if (shape.numDimensions() != 2 || shape.get(1) <= 0 || shape.get(1) > max) {
            throw new ExtractorException(dir + ": expected output '" + name + "' of shape [N, D] with D in 1.." + max
                    + ", found " + shape);
        }
        return (int) shape.get(1);
    }

    /**
     * The SavedModel's identity: sha256 over every file (saved_model.pb, variables/*) in sorted relative
     * path order, each contributing its path, a NUL byte and its own sha256.
     */
    static String hash(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest md = Sha256.newDigest();
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(dir.relativize(f).toString().replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(HexFormat.of().parseHex(Sha256.hex(f)));
            }
            return Sha256.hex(md);
        } catch (IOException e) {
            throw new ExtractorException(dir + ": cannot read the SavedModel (" + e.getMessage() + ")", e);
        }
    }
}
