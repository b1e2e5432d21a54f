package dev.ganiqa.metrics.features;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code savedmodel:DIR[#SIGNATURE][?input=NAME&features=NAME&probabilities=NAME&logits=NAME]}: which
 * signature of a SavedModel to call and which of its named inputs/outputs to use. Defaults: signature
 * {@code serving_default}, the signature's only input, output {@code features}, and {@code probabilities}
 * or else {@code logits} when the signature has them.
 */
public record SavedModelSpec(Path dir, String signature, String input, String features, String probabilities,
        String logits) {
    public static final String DEFAULT_SIGNATURE = "serving_default";
    private static final Set<String> KEYS = Set.of("input", "features", "probabilities", "logits");

    public SavedModelSpec {
        if (dir == null) {
            throw new IllegalArgumentException("expected a SavedModel folder, found none");
        }
        if (signature == null || signature.isBlank()) {
            throw new IllegalArgumentException(dir + ": expected a signature name, found an empty one");
        }
        if (features == null || features.isBlank()) {
            throw new IllegalArgumentException(dir + ": expected a features output name, found an empty one");
        }
    }

    public static SavedModelSpec of(Path dir) {
        return new SavedModelSpec(dir, DEFAULT_SIGNATURE, null, "features", null, null);
    }

    /** Parses the part after {@code savedmodel:}. */
    public static SavedModelSpec parse(String text) {
        String rest = text;
        Map<String, String> options = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (eq < 0 || !KEYS.contains(key)) {
                    throw new IllegalArgumentException("savedmodel:" + text + ": expected options " + KEYS
                            + " as key=value, found '" + pair + "'");
                }
                options.put(key, pair.substring(eq + 1));
            }
            rest = rest.substring(0, q);
        }
        String signature = DEFAULT_SIGNATURE;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            signature = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("savedmodel:" + text + ": expected a folder, found none");
        }
        return new SavedModelSpec(Path.of(rest), signature, options.get("input"),
                options.getOrDefault("features", "features"), options.get("probabilities"), options.get("logits"));
    }
}
