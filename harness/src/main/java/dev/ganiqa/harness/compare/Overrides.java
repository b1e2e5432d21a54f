package dev.ganiqa.harness.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganiqa.trainers.GanVariant;
import dev.ganiqa.trainers.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameter overrides, {@code VARIANT.FIELD=VALUE}, {@code *.FIELD=VALUE} or {@code FIELD=VALUE} (both
 * for every variant), e.g. {@code wgan.nCritic=3} or {@code *.conditionG=cbn}; FIELD is a component of
 * {@link Hyperparameters}. Applied to the variant's defaults through the record's own validation, so a bad
 * value fails before any training.
 */
public final class Overrides {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Overrides() {
    }

    public static Hyperparameters apply(GanVariant variant, List<String> settings) {
        return apply(variant, variant.defaults(), settings);
    }

    /** The settings applied to {@code base} (the variant's defaults, or those of another Lipschitz constraint). */
    public static Hyperparameters apply(GanVariant variant, Hyperparameters base, List<String> settings) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = new LinkedHashMap<>(JSON.convertValue(base, Map.class));
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected --set VARIANT.FIELD=VALUE or FIELD=VALUE, found '"
                        + setting + "'");
            }
            int dot = setting.substring(0, eq).indexOf('.');
            String target = dot < 0 ? "*" : setting.substring(0, dot);
            String field = setting.substring(dot + 1, eq);
            String value = setting.substring(eq + 1);
            if (!fields.containsKey(field)) {
                throw new IllegalArgumentException("--set " + setting + ": expected a field of " + fields.keySet()
                        + ", found '" + field + "'");
            }
            if (target.equals("*") || target.equals(variant.name())) {
                fields.put(field, value);
            }
        }
        try {
            return JSON.convertValue(fields, Hyperparameters.class);
        } catch (IllegalArgumentException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException(variant.name() + " hyper-parameters " + settings + ": "
                    + cause.getMessage(), e);
        }
    }

    /**
     * The settings as they resolve for {@code variants}: {@code VARIANT.FIELD=VALUE} for each field whose value differs
     * from the variant's default, in variant and field order, values as the record writes them. Spellings of one
     * configuration ({@code *.beta1=0.5}, {@code dcgan.beta1=.50}, a default value set explicitly, a setting of a
     * variant not compared) resolve to the same list.
     */
    @SuppressWarnings("unchecked")
    public static List<String> canonical(List<String> variants, List<String> settings) {
        List<String> out = new java.util.ArrayList<>();
        for (String name : variants) {
            GanVariant variant = dev.ganiqa.trainers.GanVariants.get(name);
            Map<String, Object> defaults = JSON.convertValue(variant.defaults(), Map.class);
            Map<String, Object> resolved = JSON.convertValue(apply(variant, settings), Map.class);
            resolved.forEach((field, value) -> {
                if (!String.valueOf(value).equals(String.valueOf(defaults.get(field)))) {
                    out.add(name + "." + field + "=" + value);
                }
            });
        }
        return out;
    }

    /**
     * The fields in which {@code now} differs from a recorded hyper-parameter map (results.json's
     * {@code variantConfigs} entry), as "field recorded -> now"; empty when the same recipe. The recorded map goes
     * through the record's own reading, so fields added since it was written take their original-recipe values.
     */
    @SuppressWarnings("unchecked")
    public static List<String> differences(Map<String, Object> recorded, Hyperparameters now) {
        Map<String, Object> current = JSON.convertValue(now, Map.class);
        Map<String, Object> fields = new LinkedHashMap<>(recorded);
        fields.keySet().retainAll(current.keySet());
        Map<String, Object> then = JSON.convertValue(JSON.convertValue(fields, Hyperparameters.class), Map.class);
        List<String> out = new java.util.ArrayList<>();
        current.forEach((field, value) -> {
            if (!String.valueOf(then.get(field)).equals(String.valueOf(value))) {
                out.add(field + " " + then.get(field) + " -> " + value);
            }
        });
        return out;
    }
}
