package dev.ganiqa.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganiqa.trainers.Budget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forecast printed after each unit: what it is corrected by, and what does not correct it. */
class ForecasterTest {
    private static final CompareConfig CONFIG = EstimateTest.config(Budget.epochs(120), "dcgan", "wgan");
    private static final Estimate.Costs COSTS = Estimate.probed(CONFIG, List.of(
            new SpeedProbe.Result("dcgan", 0.1, 0.1, 0.1), new SpeedProbe.Result("wgan", 0.2, 0.2, 0.2)));

    private static Plan.Entry unit(int index, String variant, long seed) {
        return new Plan.Entry(index, variant, seed, variant + "-seed" + seed, List.of());
    }

    @Test
    void theRemnantOfAnInterruptedUnitDoesNotRescaleTheWholeUnitsAfterItButAWholeUnitDoes() {
        Plan.Entry remnant = unit(0, "wgan", 2);
        Plan.Entry dcgan = unit(1, "dcgan", 3);
        Plan.Entry wgan = unit(2, "wgan", 3);
        // The remnant has 2 of its 120 epochs left; one worker takes the units in this order.
        Forecaster f = new Forecaster(CONFIG, 6400, COSTS, 1, List.of(remnant, dcgan, wgan),
                Map.of(remnant.name(), 2 / 120.0));
        double whole = f.unitSeconds(dcgan) + f.unitSeconds(wgan);
        assertThat(f.unitSeconds(remnant)).isLessThan(f.unitSeconds(wgan) / 20);

        // It ends at once, far below its forecast: the probe's rate stands for the whole units.
        f.started(remnant);
        f.finished(remnant, true);
        assertThat(f.correction()).isEqualTo(1.0);
        Estimate.Forecast left = f.remaining();
        assertThat(left.seconds()).isCloseTo(whole, within(1e-6 * whole));
        assertThat(left.basis()).endsWith("not corrected by the 1 finished unit that trained to the budget "
                + "(2% of one unit's training)");

        // A whole unit that ends at once is a measurement: the rest is scaled by it.
        f.started(dcgan);
        f.finished(dcgan, true);
        assertThat(f.correction()).isGreaterThanOrEqualTo(0).isLessThan(0.01);
        assertThat(f.remaining().seconds()).isLessThan(0.01 * f.unitSeconds(wgan));
        assertThat(f.remaining().basis()).contains("corrected by 2 finished units that trained to the budget (x0.00)");
    }

    @Test
    void twoHalvesOfAnExtendedComparisonCorrectTogether() {
        Plan.Entry a = unit(0, "dcgan", 1);
        Plan.Entry b = unit(1, "wgan", 1);
        Plan.Entry c = unit(2, "wgan", 2);
        Forecaster f = new Forecaster(CONFIG, 6400, COSTS, 2, List.of(a, b, c), Map.of(a.name(), 0.5, b.name(), 0.5));
        f.started(a);
        f.started(b);
        f.finished(a, true);
        assertThat(f.correction()).as("half a unit's training").isEqualTo(1.0);
        f.finished(b, true);
        assertThat(f.correction()).as("two halves").isLessThan(0.01);
    }

    @Test
    void aUnitThatDivergedOrFailedDoesNotMeasureTheForecast() {
        Plan.Entry diverged = unit(0, "dcgan", 1);
        Plan.Entry next = unit(1, "wgan", 1);
        Forecaster f = new Forecaster(CONFIG, 6400, COSTS, 1, List.of(diverged, next), Map.of());
        f.started(diverged);
        f.finished(diverged, false);
        assertThat(f.correction()).isEqualTo(1.0);
        assertThat(f.remaining().seconds()).isCloseTo(f.unitSeconds(next), within(1e-6 * f.unitSeconds(next)));
        assertThat(f.remaining().basis()).doesNotContain("corrected");
    }

    @Test
    void theEpochsOfTheFirstUnitCorrectTheForecastUntilAWholeUnitHasFinished() {
        Plan.Entry dcgan = unit(0, "dcgan", 1);
        Plan.Entry wgan = unit(1, "wgan", 1);
        long[] now = {0};
        Forecaster f = new Forecaster(CONFIG, 6400, COSTS, 1, List.of(dcgan, wgan), Map.of(), () -> now[0]);
        double epoch = Estimate.epochSeconds(CONFIG, 6400, 0.1, COSTS.factor());
        double whole = f.unitSeconds(dcgan) + f.unitSeconds(wgan);
        f.started(dcgan);
        // The first epoch carries the graph building: it is not an interval. Then each epoch takes twice the forecast.
        now[0] = seconds(5 * epoch);
        f.epoch(dcgan, 1);
        for (int e = 2; e <= 3; e++) {
            now[0] += seconds(2 * epoch);
            f.epoch(dcgan, e);
            assertThat(f.epochUpdate()).as("%d intervals are too few", e - 1).isEmpty();
        }
        assertThat(f.correction()).isEqualTo(1.0);
        now[0] += seconds(2 * epoch);
        f.epoch(dcgan, 4);
        assertThat(f.correction()).isCloseTo(2.0, within(1e-6));
        Estimate.Forecast left = f.epochUpdate().orElseThrow();
        double elapsed = now[0] / 1e9;
        assertThat(left.seconds()).isCloseTo(2 * whole - elapsed, within(1e-6 * whole));
        assertThat(left.basis()).endsWith("corrected by the 3 epochs measured so far (x2.00)");

        // The same rate again is not news; a slower stretch that moves the correction past the range is.
        now[0] += seconds(2 * epoch);
        f.epoch(dcgan, 5);
        assertThat(f.epochUpdate()).isEmpty();
        now[0] += seconds(6 * epoch);
        f.epoch(dcgan, 6);
        assertThat(f.correction()).isCloseTo(14.0 / 5, within(1e-6));
        assertThat(f.epochUpdate()).isPresent();

        // A whole unit measures everything an epoch does not (start-up, evaluation): from then on it corrects.
        now[0] += seconds(f.unitSeconds(dcgan));
        f.finished(dcgan, true);
        assertThat(f.correction()).isCloseTo(now[0] / 1e9 / f.unitSeconds(dcgan), within(1e-9));
        f.started(wgan);
        for (int e = 1; e <= 5; e++) {
            now[0] += seconds(100 * epoch);
            f.epoch(wgan, e);
        }
        assertThat(f.epochUpdate()).isEmpty();
        assertThat(f.remaining().basis()).contains("corrected by 1 finished unit that trained to the budget")
                .doesNotContain("epochs measured");
    }

    @Test
    void aTimeBudgetIsNotCorrectedByItsEpochs() {
        CompareConfig timed = EstimateTest.config(Budget.minutes(2), "dcgan");
        Plan.Entry dcgan = unit(0, "dcgan", 1);
        long[] now = {0};
        Forecaster f = new Forecaster(timed, 6400, COSTS, 1, List.of(dcgan), Map.of(), () -> now[0]);
        f.started(dcgan);
        for (int e = 1; e <= 6; e++) {
            now[0] += seconds(30);
            f.epoch(dcgan, e);
        }
        assertThat(f.correction()).isEqualTo(1.0);
        assertThat(f.epochUpdate()).isEmpty();
    }

    private static long seconds(double s) {
        return Math.round(s * 1e9);
    }
}
