package dev.ganiqa.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganiqa.reports.model.Budget;
import dev.ganiqa.reports.model.Convergence;
import dev.ganiqa.reports.model.Convergence.Trend;
import dev.ganiqa.reports.model.EpochPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Still improving or flat, from synthetic learning curves. */
class CurveTrendTest {
    static final Budget EPOCHS = new Budget("epochs", 8, 0, 2000, 500, null);

    static List<EpochPoint> curve(double... fids) {
        List<EpochPoint> points = new ArrayList<>();
        for (int i = 0; i < fids.length; i++) {
            points.add(new EpochPoint(i + 1, fids[i], Map.of(), 10L * (i + 1), 2L * (i + 1), 640L * (i + 1),
                    30.0 * (i + 1)));
        }
        return points;
    }

    @Test
    void thresholdIsTheLargerOfTheFixedShareAndTheSampleNoise() {
        assertThat(CurveTrend.threshold(500)).isCloseTo(2 / Math.sqrt(500), within(1e-12));
        assertThat(CurveTrend.threshold(100_000)).isEqualTo(CurveTrend.MIN_IMPROVEMENT);
    }

    @Test
    void steepEndIsStillImprovingAndAPlateauIsFlat() {
        // 8 epochs: the last quarter starts after epoch 6; FID 60 -> 40 is -33%, far above 8.9% at 500 samples.
        Convergence steep = CurveTrend.of(curve(200, 150, 110, 90, 75, 60, 50, 40), EPOCHS);
        assertThat(steep.trend()).isEqualTo(Trend.IMPROVING);
        assertThat(steep.improvement()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(steep.detail()).contains("60", "40", "epoch 6 and 8");
        // Same start, a plateau: 31 -> 30 is -3%, under the threshold.
        Convergence flat = CurveTrend.of(curve(200, 90, 50, 36, 33, 31, 30.5, 30), EPOCHS);
        assertThat(flat.trend()).isEqualTo(Trend.FLAT);
        // Getting worse is not improving either.
        assertThat(CurveTrend.of(curve(200, 90, 50, 36, 33, 31, 35, 40), EPOCHS).trend()).isEqualTo(Trend.FLAT);
    }

    @Test
    void aChangeWithinTheSampleNoiseIsNotImprovement() {
        // -7% over the last quarter: above the 5% floor but below 2/sqrt(60) = 26% for a 60-sample curve.
        List<EpochPoint> c = curve(200, 150, 120, 100);
        Budget small = new Budget("epochs", 4, 0, 2000, 60, null);
        List<EpochPoint> mild = curve(200, 150, 107.5, 100);
        assertThat(CurveTrend.of(mild, small).trend()).isEqualTo(Trend.FLAT);
        assertThat(CurveTrend.of(mild, new Budget("epochs", 4, 0, 2000, 100_000, null)).trend())
                .isEqualTo(Trend.IMPROVING);
        assertThat(CurveTrend.of(c, small).trend()).isEqualTo(Trend.FLAT);
    }

    @Test
    void theWindowIsOnTheBudgetsAxis() {
        // Generator steps at 2, 4, ..., 16: the last quarter starts at step 12 (epoch 6), as for epochs.
        Budget gsteps = new Budget("gsteps", 0, 0, 2000, 500, null, 16);
        Convergence c = CurveTrend.of(curve(200, 150, 110, 90, 75, 60, 50, 40), gsteps);
        assertThat(c.detail()).contains("generator steps 12 and 16");
    }

    @Test
    void shortOrMissingCurvesAreUnknown() {
        assertThat(CurveTrend.of(curve(100), EPOCHS).trend()).isEqualTo(Trend.UNKNOWN);
        assertThat(CurveTrend.of(List.of(), EPOCHS).trend()).isEqualTo(Trend.UNKNOWN);
        assertThat(CurveTrend.of(curve(100, 50), new Budget("epochs", 2, 0, 2000, 0, null)).trend())
                .isEqualTo(Trend.UNKNOWN);
        // Two epochs: the last quarter starts at 1.5, so epoch 1 is the point before it.
        assertThat(CurveTrend.of(curve(100, 50), EPOCHS).trend()).isEqualTo(Trend.IMPROVING);
    }
}
