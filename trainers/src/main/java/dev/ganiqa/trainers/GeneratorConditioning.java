package dev.ganiqa.trainers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a conditional generator receives its label (ignored by unconditional variants). */
public enum GeneratorConditioning {
    /**
     * A learned embedding e(y) concatenated with z before the first layer (Mirza and Osindero 2014; the
     * embedding vector of the study). The label path and z then compete for the same first-layer weights.
     */
    CONCAT("concat"),
    /**
     * Conditional batch normalisation: every batch norm of G takes a per-class scale and shift from a learned
     * embedding of the label (de Vries et al. 2017; Miyato and Koyama 2018, sec. 5; BigGAN, Brock et al. 2019)
     * and z alone enters the first layer, so the label modulates features that z must still produce.
     */
    BATCH_NORM("cbn");

    private final String label;

    GeneratorConditioning(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static GeneratorConditioning parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (GeneratorConditioning c : values()) {
            if (c.label.equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("expected a generator conditioning "
                + Arrays.stream(values()).map(GeneratorConditioning::label).collect(Collectors.joining(", "))
                + ", found '" + text + "'");
    }
}
