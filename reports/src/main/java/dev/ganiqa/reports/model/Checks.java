package dev.ganiqa.reports.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Validation and defensive copies shared by the model records (null collections become empty ones). */
final class Checks {
    private Checks() {
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** Keeps insertion order (Map.copyOf would not), so tables and legends keep the pipeline's order. */
    static <K, V> Map<K, V> map(Map<K, V> values) {
        if (values == null) {
            return Map.of();
        }
        Map<K, V> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "map key"), Objects.requireNonNull(v,
                () -> "value of '" + k + "'")));
        return Collections.unmodifiableMap(copy);
    }

    static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + ": expected a non-blank string, found " + value);
        }
        return value;
    }

    static <T> T present(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + ": expected a value, found null");
        }
        return value;
    }

    static double finite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + ": expected a finite number, found " + value);
        }
        return value;
    }

    static long nonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + ": expected >= 0, found " + value);
        }
        return value;
    }
}
