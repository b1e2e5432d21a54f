package dev.ganiqa.metrics.features.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The gate's thresholds on calibration scores where one class's real images draw high gate rejections (the class
 * that sets a shared threshold) and the others low ones: the shared threshold is the lowest candidate within the
 * rule, and the per-class thresholds stay within it, are never above it, go lower for the classes that allow it, and
 * cannot go one candidate lower anywhere without breaking the rule.
 */
class GateThresholdsTest {
    private static final double MAX_OUT = 0.10;

    @Test
    void sharedIsTheLowestCandidateWithinTheRule() {
        GateThresholds.Calibration cal = calibration(3);
        double shared = GateThresholds.shared(cal, MAX_OUT).orElseThrow();
        var candidates = GateThresholds.candidates(cal);
        assertThat(candidates.keySet()).containsExactlyElementsOf(GateThresholds.TAUS);
        for (double tau : GateThresholds.TAUS) {
            boolean fits = GateThresholds.max(candidates.get(tau)) <= MAX_OUT;
            assertThat(fits).as("tau %s", tau).isEqualTo(tau >= shared);
        }
        // Class 0 sets the shared threshold: with it, some class is over the rule one candidate lower.
        assertThat(shared).isGreaterThan(GateThresholds.TAUS.get(0));
    }

    @Test
    void perClassThresholdsAreWithinTheRuleAndLowerWhereTheClassAllows() {
        GateThresholds.Calibration cal = calibration(5);
        double shared = GateThresholds.shared(cal, MAX_OUT).orElseThrow();
        double[] taus = GateThresholds.perClass(cal, shared, MAX_OUT);
        assertThat(taus).hasSize(cal.classes());
        assertThat(GateThresholds.max(GateThresholds.sharesOut(cal, taus))).isLessThanOrEqualTo(MAX_OUT);
        for (double t : taus) {
            assertThat(t).isLessThanOrEqualTo(shared);
        }
        assertThat(taus[0]).as("the class whose real images the gate rejects most").isEqualTo(shared);
        assertThat(taus[1]).as("a class the gate rarely rejects").isLessThan(shared);
        // No class can go one candidate lower with the others as chosen.
        for (int c = 0; c < taus.length; c++) {
            int at = GateThresholds.TAUS.indexOf(taus[c]);
            if (at > 0) {
                double[] lower = taus.clone();
                lower[c] = GateThresholds.TAUS.get(at - 1);
                assertThat(GateThresholds.max(GateThresholds.sharesOut(cal, lower))).as("class %d lower", c)
                        .isGreaterThan(MAX_OUT);
            }
        }
    }

    @Test
    void sharesCountEachImageUnderItsPredictedClassThreshold() {
        // Two images of true class 0: one predicted 0, one predicted 1; the gate's 0.8 rejection is out only under 0.5.
        var cal = new GateThresholds.Calibration(new double[] {0, 0}, new double[] {0.8, 0.8}, new int[] {0, 1},
                new int[] {0, 0}, 2, 0.5);
        assertThat(GateThresholds.sharesOut(cal, new double[] {0.5, 0.9})).containsExactly(0.5, 0.0);
        assertThat(GateThresholds.sharesOut(cal, new double[] {0.9, 0.5})).containsExactly(0.5, 0.0);
        assertThat(GateThresholds.sharesOut(cal, new double[] {0.5, 0.5})).containsExactly(1.0, 0.0);
        assertThatThrownBy(() -> GateThresholds.perClass(cal, 0.5, 0.1)).hasMessageContaining("at most 0.1");
        assertThatThrownBy(() -> GateThresholds.perClass(cal, 0.8, 0.1)).hasMessageContaining("start among");
        assertThatThrownBy(() -> new GateThresholds.Calibration(new double[2], new double[1], new int[2], new int[2],
                2, 0.5)).hasMessageContaining("one rejection");
        assertThatThrownBy(() -> new GateThresholds.Calibration(new double[1], new double[1], new int[] {-1},
                new int[1], 2, 0.5)).hasMessageContaining("in 0..1");
    }

    /**
     * 3,000 images of 3 classes, 90% predicted right; the first gate rejects 4% of them; the second's rejection of real
     * images is Beta-like, high for class 0 and low for class 1, with 2% near 1 in every class.
     */
    private static GateThresholds.Calibration calibration(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 3000;
        double[] first = new double[n];
        double[] gate = new double[n];
        int[] predicted = new int[n];
        int[] labels = new int[n];
        List<Double> scale = List.of(0.75, 0.3, 0.45);
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            labels[i] = c;
            predicted[i] = r.nextDouble() < 0.9 ? c : (c + 1 + r.nextInt(2)) % 3;
            first[i] = r.nextDouble() < 0.04 ? 0.9 : 0.1 * r.nextDouble();
            gate[i] = r.nextDouble() < 0.02 ? 0.999 : scale.get(c) * Math.pow(r.nextDouble(), 3);
        }
        return new GateThresholds.Calibration(first, gate, predicted, labels, 3, 0.5);
    }
}
