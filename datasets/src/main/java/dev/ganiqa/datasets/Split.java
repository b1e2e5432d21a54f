package dev.ganiqa.datasets;

import java.util.Locale;

/** Which part of a source: sources without a predefined split expose everything as {@link #TRAIN}. */
public enum Split {
    TRAIN, TEST;

    public static Split parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected split train or test, found '" + text + "'");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
