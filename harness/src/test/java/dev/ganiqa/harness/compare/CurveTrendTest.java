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

/** The state of a learning curve at the end of its budget, from constructed curves with known spreads. */
class CurveTrendTest {
    static final Budget EPOCHS = new Budget("epochs", 8, 0, 2000, 500, null);

    /** Points at epochs 1..n with the given FIDs and a bootstrap spread of {@code spread} each. */
    static List<EpochPoint> curve(double spread, double... fids) {
        List<EpochPoint> points = new ArrayList<>();
        for (int i = 0; i < fids.length; i++) {
            points.add(new EpochPoint(i + 1, fids[i], Map.of(), 10L * (i + 1), 2L * (i + 1), 640L * (i + 1),
                    30.0 * (i + 1), spread));
        }
        return points;
    }

    static Convergence of(List<EpochPoint> points) {
        return CurveTrend.of(points, EPOCHS, 0.3, 0.4);
    }

    @Test
    void aFallingCurveIsImprovingAndARisingOneIsWorsening() {
        Convergence falling = of(curve(2, 200, 150, 110, 90, 75, 60, 50, 40));
        assertThat(falling.trend()).isEqualTo(Trend.IMPROVING);
        // The window is the last half: epochs 4-8, fitted through 90 ... 40.
        assertThat(falling.detail()).contains("epoch 4-8").contains("90").contains("40");
        assertThat(falling.slopeZ()).isLessThan(-CurveTrend.Z);
        assertThat(falling.improvement()).isGreaterThan(0.4);
        Convergence rising = of(curve(2, 200, 90, 50, 36, 40, 48, 55, 63));
        assertThat(rising.trend()).isEqualTo(Trend.WORSENING);
        assertThat(rising.improvement()).isNegative();
        assertThat(rising.slopeZ()).isGreaterThan(CurveTrend.Z);
    }

    @Test
    void aPlateauWithinItsSpreadIsFlatAndAZigzagBeyondItIsOscillating() {
        // 31 +- 2 around a level line: flat.
        assertThat(of(curve(2, 200, 90, 50, 31, 33, 30, 32, 31)).trend()).isEqualTo(Trend.FLAT);
        // The same zigzag is within the spread of a noisy curve, and far outside that of a precise one.
        List<EpochPoint> zigzag = curve(0.5, 200, 90, 50, 30, 45, 28, 46, 29);
        assertThat(of(zigzag).trend()).isEqualTo(Trend.OSCILLATING);
        assertThat(of(curve(20, 200, 90, 50, 30, 45, 28, 46, 29)).trend()).isEqualTo(Trend.FLAT);
        // A fall smaller than the points' own spread is no trend.
        assertThat(of(curve(10, 200, 90, 50, 36, 35, 34, 33, 32)).trend()).isEqualTo(Trend.FLAT);
    }

    @Test
    void aGeneratorThatNeverStartedIsNotStartedWhateverItsCurve() {
        // FID 1050 -> 550 and falling, but recall 0: its samples reach no part of the data.
        Convergence c = CurveTrend.of(curve(5, 1050, 900, 700, 550), EPOCHS, 0.0, 0.02);
        assertThat(c.trend()).isEqualTo(Trend.NOT_STARTED);
        assertThat(c.detail()).contains("recall 0.000").contains("coverage 0.020");
        assertThat(CurveTrend.of(curve(5, 1050, 900, 700, 550), EPOCHS, 0.05, 0.1).trend())
                .isEqualTo(Trend.IMPROVING);
    }

    @Test
    void withoutARecordedSpreadTheRuleOfThumbWeightsThePoints() {
        // FID / sqrt(500) = 4.5% per point: a 7% fall over the window is within it, a 40% fall is not.
        List<EpochPoint> old = new ArrayList<>();
        double[] fids = {200, 150, 110, 100, 98, 96, 95, 93};
        for (int i = 0; i < fids.length; i++) {
            old.add(new EpochPoint(i + 1, fids[i], Map.of(), 10L * (i + 1), 2L * (i + 1), 640L * (i + 1), 30.0 * (i + 1)));
        }
        assertThat(of(old).trend()).isEqualTo(Trend.FLAT);
        assertThat(CurveTrend.Fit.of(new double[] {0, 1, 2}, new double[] {1, 3, 5}, new double[] {1, 1, 1}).slope())
                .isCloseTo(2, within(1e-12));
    }

    @Test
    void theWindowIsOnTheBudgetsAxis() {
        // Generator steps at 2, 4, ..., 16: the last half starts at step 8 (epoch 4), as for epochs.
        Budget gsteps = new Budget("gsteps", 0, 0, 2000, 500, null, 16);
        Convergence c = CurveTrend.of(curve(2, 200, 150, 110, 90, 75, 60, 50, 40), gsteps, null, null);
        assertThat(c.detail()).contains("generator steps 8-16");
    }

    @Test
    void shortOrMissingCurvesAreUnknown() {
        assertThat(of(curve(1, 100)).trend()).isEqualTo(Trend.UNKNOWN);
        assertThat(of(curve(1, 100, 50)).trend()).isEqualTo(Trend.UNKNOWN);
        assertThat(of(List.of()).trend()).isEqualTo(Trend.UNKNOWN);
        assertThat(CurveTrend.of(curve(1, 100, 50, 40), new Budget("epochs", 3, 0, 2000, 0, null), 0.3, 0.3).trend())
                .isEqualTo(Trend.UNKNOWN);
        // Three points are enough: the last three, whatever the budget.
        assertThat(CurveTrend.of(curve(1, 100, 50, 25), new Budget("epochs", 3, 0, 2000, 500, null), 0.3, 0.3)
                .trend()).isEqualTo(Trend.IMPROVING);
    }
}
