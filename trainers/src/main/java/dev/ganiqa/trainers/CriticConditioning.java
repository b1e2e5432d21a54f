package dev.ganiqa.trainers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a conditional critic / discriminator sees the label (ignored by unconditional variants). */
public enum CriticConditioning {
    /**
     * Projection term e_D(y).h with h the raw flattened last feature map (base x base x channels), as ganiqa
     * built it first; a departure from Miyato and Koyama, kept to reproduce earlier runs.
     */
    PROJECTION_FLAT("projection-flat"),
    /**
     * Projection discriminator as published: h = global sum pooling of the last feature map, output
     * w.h + b + e_D(y).h (Miyato and Koyama 2018, eq. 3 and their ResNet critics).
     */
    PROJECTION("projection"),
    /**
     * The label as an extra input channel: a learned embedding of y mapped to one image-sized plane and
     * concatenated with the image (Mirza and Osindero 2014; the common Keras recipe); no projection term.
     */
    CHANNELS("channels");

    private final String label;

    CriticConditioning(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static CriticConditioning parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (CriticConditioning c : values()) {
            if (c.label.equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("expected a critic conditioning "
                + Arrays.stream(values()).map(CriticConditioning::label).collect(Collectors.joining(", "))
                + ", found '" + text + "'");
    }
}
