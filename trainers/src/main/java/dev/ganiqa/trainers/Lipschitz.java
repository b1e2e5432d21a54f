package dev.ganiqa.trainers;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a Wasserstein critic is kept (approximately) 1-Lipschitz. */
public enum Lipschitz {
    /** No constraint (the non-saturating GANs). */
    NONE("none"),
    /** Gradient penalty lambda * E[(||grad D(x_hat)||_2 - 1)^2] on random interpolates (Gulrajani et al. 2017, eq. 3). */
    GRADIENT_PENALTY("gp"),
    /** Every critic weight clipped to [-c, c] after each update (Arjovsky et al. 2017, algorithm 1). */
    CLIP("clip");

    private final String label;

    Lipschitz(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Lipschitz parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Lipschitz l : values()) {
            if (l.label.equals(wanted)) {
                return l;
            }
        }
        throw new IllegalArgumentException("expected a Lipschitz constraint "
                + Arrays.stream(values()).map(Lipschitz::label).collect(Collectors.joining(", "))
                + ", found '" + text + "'");
    }
}
