package dev.ganiqa.metrics.features.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The thresholds of a {@link RejectionUnion}'s second gate, chosen on real images neither network trained on (the
 * calibration images): the rule is that no true class of them has more than {@code maxOut} counted out.
 *
 * <p>{@link #shared} is one threshold for every image: the lowest candidate that meets the rule. Its strictness is set by
 * the class with the most real images out, so classes the gate rarely rejects are held to the same threshold.
 * {@link #perClass} starts from it and gives each class the first network predicts its own threshold, as class-wise
 * thresholding does for out-of-distribution scores (Guarrera, Wang and Breckon, "Class-wise thresholding for robust
 * out-of-distribution detection", CVPR Workshops 2022): in passes over the classes in index order, a class's threshold
 * moves one candidate lower whenever the rule still holds, until a pass changes nothing. The result meets the rule and
 * is never less strict than the shared threshold on any image. The rule is checked on true labels, while an image's
 * threshold follows its predicted class (the graph has no labels).
 */
public final class GateThresholds {
    /** Candidate thresholds, lowest (most rejections) first. */
    public static final List<Double> TAUS = List.of(0.5, 0.7, 0.9, 0.95, 0.99, 0.999);

    /**
     * The calibration images as the union sees them: the first network's rejection, the second gate's (an ensemble's
     * mean), the first network's predicted class, and the true label, per image; an image is out when its union score
     * exceeds {@code outside} ({@code MetricDefinitions.OOD_THRESHOLD}).
     */
    public record Calibration(double[] first, double[] gate, int[] predicted, int[] labels, int classes,
                              double outside) {
        public Calibration {
            int n = first.length;
            if (gate.length != n || predicted.length != n || labels.length != n) {
                throw new IllegalArgumentException("expected one rejection, prediction and label per image, found "
                        + n + ", " + gate.length + ", " + predicted.length + ", " + labels.length);
            }
            if (classes < 1) {
                throw new IllegalArgumentException("expected at least one class, found " + classes);
            }
            for (int i = 0; i < n; i++) {
                if (predicted[i] < 0 || predicted[i] >= classes || labels[i] < 0 || labels[i] >= classes) {
                    throw new IllegalArgumentException("expected predicted classes and labels in 0.." + (classes - 1)
                            + ", found " + predicted[i] + " and " + labels[i] + " for image " + i);
                }
            }
        }
    }

    private GateThresholds() {
    }

    /**
     * The share of each true class counted out when an image predicted as class {@code c} has the gate threshold
     * {@code tauByPredicted[c]}.
     */
    public static double[] sharesOut(Calibration cal, double[] tauByPredicted) {
        int[] n = new int[cal.classes()];
        int[] out = new int[cal.classes()];
        for (int i = 0; i < cal.first().length; i++) {
            int c = cal.labels()[i];
            n[c]++;
            double tau = tauByPredicted[cal.predicted()[i]];
            out[c] += RejectionUnion.score(cal.first()[i], cal.gate()[i], tau) > cal.outside() ? 1 : 0;
        }
        double[] shares = new double[cal.classes()];
        for (int c = 0; c < shares.length; c++) {
            shares[c] = n[c] == 0 ? 0 : (double) out[c] / n[c];
        }
        return shares;
    }

    /** Every candidate's class shares out with one threshold for all images, lowest candidate first. */
    public static Map<Double, double[]> candidates(Calibration cal) {
        Map<Double, double[]> all = new LinkedHashMap<>();
        for (double tau : TAUS) {
            all.put(tau, sharesOut(cal, filled(cal.classes(), tau)));
        }
        return all;
    }

    /** The lowest candidate with no class over {@code maxOut}, if any. */
    public static Optional<Double> shared(Calibration cal, double maxOut) {
        return shared(candidates(cal), maxOut);
    }

    /** The lowest of {@link #candidates}' thresholds with no class over {@code maxOut}, if any. */
    public static Optional<Double> shared(Map<Double, double[]> candidates, double maxOut) {
        for (Map.Entry<Double, double[]> e : candidates.entrySet()) {
            if (max(e.getValue()) <= maxOut) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * One threshold per predicted class: from {@code start} (a candidate that meets the rule) every class moves down
     * one candidate at a time, in index order, while no true class goes over {@code maxOut}.
     */
    public static double[] perClass(Calibration cal, double start, double maxOut) {
        if (!TAUS.contains(start)) {
            throw new IllegalArgumentException("expected a start among " + TAUS + ", found " + start);
        }
        double[] taus = filled(cal.classes(), start);
        double atStart = max(sharesOut(cal, taus));
        if (atStart > maxOut) {
            throw new IllegalArgumentException("expected a start with at most " + maxOut + " of every class out, found "
                    + atStart);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int c = 0; c < taus.length; c++) {
                int at = TAUS.indexOf(taus[c]);
                if (at == 0) {
                    continue;
                }
                double[] lower = taus.clone();
                lower[c] = TAUS.get(at - 1);
                if (max(sharesOut(cal, lower)) <= maxOut) {
                    taus = lower;
                    changed = true;
                }
            }
        }
        return taus;
    }

    /** The largest share. */
    public static double max(double[] shares) {
        return Arrays.stream(shares).max().orElse(0);
    }

    private static double[] filled(int classes, double tau) {
        double[] t = new double[classes];
        Arrays.fill(t, tau);
        return t;
    }
}
