package dev.ganiqa.harness.compare.stats;

import dev.ganiqa.trainers.GanVariants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What two variants of a claim's comparison differ in, from the hyper-parameters results.json records for each
 * (provenance.variantConfigs) and the label: a pair that differs in more than the property a claim is about
 * attributes its effect to all of those differences together.
 */
final class Attribution {
    private Attribution() {
    }

    /** "the label, modeSeeking 1.0 vs 0.0, learningRateG 4.0E-4 vs 1.0E-4", or empty when nothing is known. */
    static String differences(String a, String b, Map<String, Map<String, Object>> configs) {
        List<String> out = new ArrayList<>();
        if (conditional(a) != conditional(b)) {
            out.add("the label");
        }
        Map<String, Object> ca = configs.get(a);
        Map<String, Object> cb = configs.get(b);
        if (ca != null && cb != null) {
            TreeSet<String> keys = new TreeSet<>(ca.keySet());
            keys.addAll(cb.keySet());
            keys.remove("loss");
            for (String k : keys) {
                if (!Objects.equals(ca.get(k), cb.get(k))) {
                    out.add(k + " " + ca.get(k) + " vs " + cb.get(k));
                }
            }
        }
        return String.join(", ", out);
    }

    private static boolean conditional(String variant) {
        try {
            return GanVariants.get(variant).conditional();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
