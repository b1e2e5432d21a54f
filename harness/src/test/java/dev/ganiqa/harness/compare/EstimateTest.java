package dev.ganiqa.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.trainers.Budget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The printed duration: the schedule of units on workers, the cost of a unit, the probe, the choice of jobs. */
class EstimateTest {
    static CompareConfig config(Budget budget, String... variants) {
        return new CompareConfig("fashion-mnist", List.of(variants), budget, 6400, List.of(1L, 2L), 2000, 500, 0,
                "default", 64, "default", List.of(), null);
    }

    @Test
    void makespanFollowsTheWorkersDispatchInOrder() {
        // Two workers taking 4, 3, 2, 2 in order: w1 4 then 2 (6), w2 3 then 2 (5): the last ends at 6.
        assertThat(Estimate.makespan(List.of(4.0, 3.0, 2.0, 2.0), List.of(), 2)).isEqualTo(6.0);
        // One worker: the sum. A busy worker starts late.
        assertThat(Estimate.makespan(List.of(4.0, 3.0), List.of(), 1)).isEqualTo(7.0);
        assertThat(Estimate.makespan(List.of(1.0), List.of(5.0, 0.0), 2)).isEqualTo(5.0);
        assertThat(Estimate.makespan(List.of(), List.of(2.5), 2)).isEqualTo(2.5);
    }

    @Test
    void aUnitCostsItsBatchesAtTheProbedRatePlusWhatTheProbeDoesNotTime() {
        CompareConfig c = config(Budget.epochs(3), "dcgan", "wgan");
        // 6,400 images in batches of 64: 100 batches per epoch, 300 in all, at 0.1 s.
        double outside = Estimate.UNIT_OVERHEAD + 3 * (Estimate.EPOCH_END + Estimate.CURVE_PER_1000 * 0.5)
                + Estimate.EVALUATION_PER_1000 * 2;
        assertThat(Estimate.unitSeconds(c, "dcgan", 6400, 1.0, 0.1, 1.0)).isCloseTo(30 + outside, within(1e-9));
        // Twice as slow outside the steps, half the training left (an extended unit): 150 batches, 2 epoch ends.
        assertThat(Estimate.unitSeconds(c, "dcgan", 6400, 0.5, 0.1, 2.0)).isCloseTo(15 + 2 * (outside
                - (Estimate.EPOCH_END + Estimate.CURVE_PER_1000 * 0.5)), within(1e-9));
        // Equal generator steps: a WGAN makes n_critic = 5 critic batches per generator step.
        CompareConfig g = config(Budget.generatorSteps(100), "dcgan", "wgan");
        assertThat(Estimate.batches(g, "dcgan", 6400)).isEqualTo(100);
        assertThat(Estimate.batches(g, "wgan", 6400)).isEqualTo(500);
    }

    @Test
    void theForecastScalesWithThePassedCorrectionAndItsRangeHoldsTheProbeWindows() {
        CompareConfig c = config(Budget.epochs(3), "dcgan", "wgan");
        Estimate.Costs costs = Estimate.probed(c, List.of(new SpeedProbe.Result("dcgan", 0.1, 0.09, 0.12),
                new SpeedProbe.Result("dcgan", 0.1, 0.08, 0.11), new SpeedProbe.Result("wgan", 0.2, 0.2, 0.2)));
        assertThat(costs.of("dcgan")).containsExactly(0.1, 0.08, 0.12);
        // The factor: probed / reference seconds per batch.
        assertThat(costs.factor()).isCloseTo(0.3 / (Estimate.BATCH_SECONDS.get("dcgan")
                + Estimate.BATCH_SECONDS.get("wgan")), within(1e-12));
        List<Estimate.Work> work = List.of(new Estimate.Work("dcgan", 1), new Estimate.Work("wgan", 1));
        Estimate.Forecast one = Estimate.forecast(c, 6400, work, List.of(), 1, costs, 1.0, "test");
        double dcgan = Estimate.unitSeconds(c, "dcgan", 6400, 1, 0.1, costs.factor());
        double wgan = Estimate.unitSeconds(c, "wgan", 6400, 1, 0.2, costs.factor());
        assertThat(one.seconds()).isCloseTo(dcgan + wgan, within(1e-9));
        assertThat(one.low()).isLessThan(one.seconds());
        assertThat(one.high()).isGreaterThan(one.seconds());
        Estimate.Forecast two = Estimate.forecast(c, 6400, work, List.of(), 2, costs, 1.5, "test");
        assertThat(two.seconds()).isCloseTo(1.5 * wgan, within(1e-9));
        assertThat(one.describe()).startsWith("about ").contains(" to ").endsWith("; test)");
        assertThatThrownBy(() -> Estimate.probed(c, List.of(new SpeedProbe.Result("dcgan", 0.1, 0.1, 0.1))))
                .hasMessageContaining("wgan");
    }

    @Test
    void theProbeTimesTheComparisonsOwnRecipeOnItsData() {
        ImageDataset train = dev.ganiqa.datasets.SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TRAIN),
                256, 1);
        CompareConfig c = new CompareConfig("fashion-mnist", List.of("cwgan"), Budget.epochs(1), 256, List.of(1L), 100,
                0, 0, "default", 32, "default", List.of("cwgan.nCritic=2"), null);
        SpeedProbe.Result r = SpeedProbe.measure(c, train, "cwgan", 1, 0.3);
        assertThat(r.variant()).isEqualTo("cwgan");
        assertThat(r.low()).isPositive().isLessThanOrEqualTo(r.median());
        assertThat(r.high()).isGreaterThanOrEqualTo(r.median()).isLessThan(5.0);
        assertThat(SpeedProbe.Result.parse(("probe " + r.toLine()).split(" "), 1)).isEqualTo(r);
    }

    @Test
    void jobsDefaultToSingleThreadedUnitsOnEveryCoreWithinMemoryAndUnitsLeft() {
        long big = 64L << 30;
        assertThat(Parallelism.choose(null, null, 2, big, 12)).isEqualTo(new Parallelism(2, 1));
        assertThat(Parallelism.choose(null, null, 16, big, 12)).isEqualTo(new Parallelism(12, 1));
        // Fewer units than cores: the spare cores go to the units' threads.
        assertThat(Parallelism.choose(null, null, 8, big, 2)).isEqualTo(new Parallelism(2, 4));
        assertThat(Parallelism.choose(null, null, 2, big, 1)).isEqualTo(new Parallelism(1, 2));
        // Given: jobs (threads follow), threads (jobs follow), both.
        assertThat(Parallelism.choose(1, null, 2, big, 12)).isEqualTo(new Parallelism(1, 2));
        assertThat(Parallelism.choose(null, 2, 8, big, 12)).isEqualTo(new Parallelism(4, 2));
        assertThat(Parallelism.choose(3, 1, 2, big, 12)).isEqualTo(new Parallelism(3, 1));
        // Memory for 4 workers only (1.5 GB each, one share kept for the coordinator).
        assertThat(Parallelism.choose(null, null, 16, 7_800L << 20, 12).jobs()).isEqualTo(4);
        assertThat(Parallelism.parseJobs("auto")).isNull();
        assertThat(Parallelism.parseJobs("3")).isEqualTo(3);
        assertThatThrownBy(() -> Parallelism.parseJobs("0")).hasMessageContaining("--jobs");
        assertThat(new Parallelism(2, 1).describe()).isEqualTo("2 units at a time (one process each), 1 TF thread each");
    }

    @Test
    void workerJvmsGetTheirShareOfMemoryAndProcessors() {
        List<String> options = LocalWorkers.jvmOptions(new Parallelism(2, 1), 24L << 30, 8L << 30,
                List.of("-Xmx8g", "-Dganiqa.commit=abc", "-agentlib:jdwp=transport=dt_socket", "-XX:+UseG1GC",
                        "-XX:ActiveProcessorCount=2"));
        assertThat(options).containsExactly("-Dganiqa.commit=abc", "-XX:+UseG1GC", "-Xmx6144m",
                "-XX:ActiveProcessorCount=1");
        assertThat(LocalWorkers.jvmOptions(new Parallelism(8, 1), 4L << 30, 8L << 30, List.of()))
                .contains("-Xmx1024m");
    }
}
