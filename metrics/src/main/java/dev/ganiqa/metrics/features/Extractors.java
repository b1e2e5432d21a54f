package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.Resize;
import dev.ganiqa.datasets.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens a feature extractor from a spec string:
 * <ul>
 *   <li>{@code ganiqa-fmnist-v17} (also {@code default} and an empty spec), {@code ganiqa-fmnist-v15}, {@code ganiqa-fmnist-v13}, {@code ganiqa-fmnist-v12}, {@code ganiqa-fmnist-v10}, {@code ganiqa-fmnist-v8}, {@code ganiqa-fmnist-v6}, {@code ganiqa-fmnist-v3},
 *       {@code ganiqa-fmnist-v2} or {@code ganiqa-fmnist-v1}: the embedded Fashion-MNIST classifiers ({@link EmbeddedExtractor});</li>
 *   <li>{@code inception:PATH}, or {@code inception} alone with {@code GANIQA_INCEPTION=PATH} in the
 *       environment: TTUR's frozen Inception graph;</li>
 *   <li>{@code savedmodel:DIR[#SIGNATURE][?input=..&features=..&probabilities=..&logits=..]}, or a bare
 *       folder holding {@code saved_model.pb}: any SavedModel;</li>
 *   <li>{@code frozen:FILE.pb}: a frozen graph written by {@code ganiqa extractor train};</li>
 *   <li>{@code onnx:FILE.onnx[?options]} and the presets {@code onnx-clip-vit-b32:}, {@code onnx-dinov2-vits14:},
 *       {@code onnx-inception:}: ONNX models through ONNX Runtime ({@link OnnxSpec}, {@link OnnxPresets}).</li>
 * </ul>
 * Every spec may end with {@code ?resize=MODE} (or {@code &resize=MODE} after other options): images are resized by
 * that mode of {@link Resize} first, and the extractor gets another identity ({@link ExtractorInfo#withResize});
 * ONNX specs read it among their own options. {@link #withResize(String, Resize)} adds it for {@code --resize}.
 * The environment is passed in (normally {@code System.getenv()}), so nothing here reads global state.
 */
public final class Extractors {
    public static final String DEFAULT = EmbeddedExtractor.NAME;
    public static final String INCEPTION_ENV = "GANIQA_INCEPTION";

    /** A way to open one kind of spec: the text after the prefix, the environment, TF intra-op threads. */
    @FunctionalInterface
    interface Opener {
        FeatureExtractor open(String rest, Map<String, String> env, int threads);
    }

    private static final Map<String, Opener> PREFIXED = new LinkedHashMap<>();

    static {
        PREFIXED.put("inception:", (rest, env, threads) -> InceptionGraph.open(Path.of(rest), threads));
        PREFIXED.put("savedmodel:", (rest, env, threads) -> SavedModelExtractors.open(SavedModelSpec.parse(rest), threads));
        PREFIXED.put("frozen:", Extractors::frozen);
        OnnxPresets.PRESETS.keySet().forEach(p -> PREFIXED.put(p, (rest, env, threads) -> OnnxPresets.open(p, rest, threads)));
    }

    private static final Map<String, Opener> NAMED = new LinkedHashMap<>();

    static {
        for (EmbeddedExtractor.Embedded e : EmbeddedExtractor.ALL) {
            NAMED.put(e.name(), (rest, env, threads) -> EmbeddedExtractor.open(e, threads));
        }
        NAMED.put("default", (rest, env, threads) -> EmbeddedExtractor.open(EmbeddedExtractor.DEFAULT, threads));
        NAMED.put("inception", (rest, env, threads) -> InceptionGraph.open(inceptionFromEnv(env), threads));
    }

    private Extractors() {
    }

    /**
     * The spec an alias stands for ({@code default} and an empty spec: {@link #DEFAULT}), any other spec as it is: two
     * spellings of the same extractor are one configuration.
     */
    public static String canonical(String spec) {
        return spec == null || spec.isBlank() || spec.equals("default") ? DEFAULT : spec;
    }

    /**
     * The spec to use for data {@code dataSpec} when none was given ({@code null}, blank or {@code default}): the
     * shipped extractor trained on that dataset ({@link EmbeddedExtractor#forData}), else {@link #DEFAULT}; a given
     * spec as it is.
     */
    public static String orDefaultFor(String spec, String dataSpec) {
        return spec == null || spec.isBlank() || spec.equals("default") ? EmbeddedExtractor.forData(dataSpec).name()
                : spec;
    }

    /** Opens with as many TF intra-op threads as there are processors. */
    public static FeatureExtractor open(String spec, Map<String, String> env) {
        return open(spec, env, Runtime.getRuntime().availableProcessors());
    }

    public static FeatureExtractor open(String spec, Map<String, String> env, int threads) {
        if (spec == null || spec.isBlank()) {
            spec = DEFAULT;
        }
        if (!isOnnx(spec)) {
            int at = resizeOption(spec);
            if (at >= 0) {
                Resize mode = parseResize(spec, spec.substring(at + "resize=".length()));
                FeatureExtractor plain = openPlain(canonical(spec.substring(0, at - 1)), env, threads);
                try {
                    return new ResizedExtractor(plain, plain.info().withResize(mode));
                } catch (RuntimeException e) {
                    plain.close();
                    throw e;
                }
            }
        }
        return openPlain(spec, env, threads);
    }

    /**
     * {@code spec} with its images resized by {@code mode} (the command line's {@code --resize}); the spec as it is
     * when {@code mode} is null. A spec that already names another mode is refused.
     */
    public static String withResize(String spec, Resize mode) {
        String s = canonical(spec);
        if (mode == null) {
            return s;
        }
        int at = resizeOption(s);
        if (at >= 0) {
            Resize given = parseResize(s, s.substring(at + "resize=".length()).split("&", 2)[0]);
            if (given != mode) {
                throw new ExtractorException(s + ": expected one resize mode, found resize=" + given.label()
                        + " in the spec and " + mode.label() + " as an option");
            }
            return s;
        }
        return s + (s.contains("?") ? "&" : "?") + "resize=" + mode.label();
    }

    private static boolean isOnnx(String spec) {
        return spec.startsWith("onnx");
    }

    /** Where {@code resize=} starts among the spec's {@code ?} options, or -1. */
    private static int resizeOption(String spec) {
        int q = spec.indexOf('?');
        if (q < 0) {
            return -1;
        }
        int at = spec.indexOf("resize=", q);
        while (at >= 0 && spec.charAt(at - 1) != '?' && spec.charAt(at - 1) != '&') {
            at = spec.indexOf("resize=", at + 1);
        }
        return at;
    }

    private static Resize parseResize(String spec, String value) {
        if (value.contains("&")) {
            throw new ExtractorException(spec + ": expected resize=MODE last among the options, found '" + value + "'");
        }
        try {
            return Resize.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ExtractorException(spec + ": " + e.getMessage());
        }
    }

    private static FeatureExtractor openPlain(String spec, Map<String, String> env, int threads) {
        Opener named = NAMED.get(spec);
        if (named != null) {
            return named.open("", env, threads);
        }
        for (Map.Entry<String, Opener> e : PREFIXED.entrySet()) {
            if (spec.startsWith(e.getKey())) {
                return e.getValue().open(spec.substring(e.getKey().length()), env, threads);
            }
        }
        Path path = Path.of(spec);
        if (Files.isDirectory(path) && SavedModelExtractors.isSavedModel(path)) {
            return SavedModelExtractors.open(SavedModelSpec.of(path), threads);
        }
        throw new ExtractorException(spec + ": expected " + String.join(", ",
                EmbeddedExtractor.ALL.stream().map(EmbeddedExtractor.Embedded::name).toList())
                + ", inception[:PATH], savedmodel:DIR[#SIGNATURE], frozen:FILE.pb, onnx:FILE.onnx or a SavedModel "
                + "folder, found " + (Files.exists(path) ? "a path that is none of these"
                : "no such extractor or path"));
    }

    private static Path inceptionFromEnv(Map<String, String> env) {
        String value = env.get(INCEPTION_ENV);
        if (value == null || value.isBlank()) {
            throw new ExtractorException("inception: expected inception:PATH or " + INCEPTION_ENV
                    + "=PATH to classify_image_graph_def.pb, found neither (see README: Inception weights)");
        }
        return Path.of(value);
    }

    private static FeatureExtractor frozen(String rest, Map<String, String> env, int threads) {
        Path file = Path.of(rest);
        try {
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString().replaceFirst("\\.pb$", "");
            return FrozenGraphs.open(bytes, name, "frozen:" + file, "frozen", Sha256.hex(bytes), threads);
        } catch (IOException e) {
            throw new ExtractorException(file + ": cannot read the frozen graph (" + e.getMessage() + ")", e);
        }
    }
}
