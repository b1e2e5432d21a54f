package dev.ganiqa.harness.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganiqa.reports.Numbers;
import dev.ganiqa.reports.model.BestEpoch;
import dev.ganiqa.reports.model.Budget;
import dev.ganiqa.reports.model.Convergence;
import dev.ganiqa.reports.model.TrainingStats;
import dev.ganiqa.reports.model.Verdict;
import dev.ganiqa.reports.model.Direction;
import dev.ganiqa.reports.model.MetricSummary;
import dev.ganiqa.reports.model.MetricValue;
import dev.ganiqa.reports.model.PairwiseTest;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.UnitStatus;
import dev.ganiqa.reports.model.Verdict.Confidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class SeedStatisticsTest {
    @Test
    void summaryMatchesHandComputedTInterval() {
        // {10, 12, 14}: mean 12, s = 2; half width t(0.975, 2) * 2 / sqrt(3) = 4.302652729749464 * 1.1547005
        // = 4.9682754235006605 (scipy.stats.t.ppf(0.975, 2) * 2 / sqrt(3)).
        MetricSummary s = Descriptive.summarise(new double[] {10, 12, 14});
        assertThat(s.mean()).isEqualTo(12.0);
        assertThat(s.std()).isCloseTo(2.0, within(1e-12));
        assertThat(s.ciLow()).isCloseTo(12 - 4.9682754235006605, within(1e-9));
        assertThat(s.ciHigh()).isCloseTo(12 + 4.9682754235006605, within(1e-9));
        MetricSummary one = Descriptive.summarise(new double[] {7});
        assertThat(one.std()).isZero();
        assertThat(one.ciLow()).isEqualTo(7.0);
    }

    @Test
    void welchMatchesHandComputationAndScipy() {
        // A = {10,12,14} (var 4), B = {20,22,27} (var 13): t = -11 / sqrt(17/3) = -4.6209,
        // df = (17/3)^2 / ((4/3)^2/2 + (13/3)^2/2) = 3.1243; scipy ttest_ind(equal_var=False) p = 0.017440645155016945.
        double[] a = {10, 12, 14};
        double[] b = {20, 22, 27};
        TwoSampleTest.Outcome o = TwoSampleTest.compare(a, b);
        assertThat(o.test()).isEqualTo("Welch t");
        assertThat(o.pValue()).isCloseTo(0.017440645155016945, within(1e-9));
        assertThat(new TTest().t(a, b)).isCloseTo(-11 / Math.sqrt(17.0 / 3), within(1e-12));
    }

    @Test
    void mannWhitneyFromEightSeedsMatchesScipy() {
        // scipy.stats.mannwhitneyu(x, y, method="asymptotic", use_continuity=False): U = 61, p = 0.002322094515878009
        double[] x = {31.2, 30.1, 33.5, 29.8, 32.0, 30.9, 31.7, 34.1};
        double[] y = {28.0, 27.5, 29.9, 26.8, 28.8, 30.2, 27.1, 28.4};
        TwoSampleTest.Outcome o = TwoSampleTest.compare(x, y);
        assertThat(o.test()).isEqualTo("Mann-Whitney U");
        assertThat(o.pValue()).isCloseTo(0.002322094515878009, within(1e-9));
    }

    @Test
    void twoSeedsAreNotTested() {
        TwoSampleTest.Outcome o = TwoSampleTest.compare(new double[] {1, 2}, new double[] {10, 11});
        assertThat(o.tested()).isFalse();
        assertThat(o.note()).contains("2 seeds per variant").contains("no power");
    }

    @Test
    void holmMatchesHandComputation() {
        // sorted 0.01, 0.03, 0.04 -> 3*0.01 = 0.03, max(0.03, 2*0.03) = 0.06, max(0.06, 1*0.04) = 0.06
        assertThat(Holm.adjust(new double[] {0.01, 0.04, 0.03})).containsExactly(new double[] {0.03, 0.06, 0.06},
                within(1e-15));
        assertThat(Holm.adjust(new double[] {0.5, 0.6})).containsExactly(1.0, 1.0);
        assertThat(Holm.adjust(new double[0])).isEmpty();
    }

    @Test
    void ranksFollowDirectionAndShareTies() {
        Map<String, Double> means = new LinkedHashMap<>();
        means.put("a", 3.0);
        means.put("b", 1.0);
        means.put("c", 3.0);
        means.put("d", 5.0);
        assertThat(Ranking.rank(means, Direction.LOWER_IS_BETTER)).containsExactly(
                Map.entry("a", 2), Map.entry("b", 1), Map.entry("c", 2), Map.entry("d", 4));
        assertThat(Ranking.rank(means, Direction.HIGHER_IS_BETTER)).containsEntry("d", 1).containsEntry("b", 4);
        assertThat(Ranking.rank(means, Direction.NEUTRAL).values()).containsOnly(0);
    }

    @Test
    void threeSeedsGiveSignificantVerdictAndSkipDivergedUnits() {
        List<UnitResult> units = new ArrayList<>();
        double[][] fids = {{40, 42, 41}, {30, 31, 29}, {12.1, 12.6, 12.2}};
        String[] names = {"dcgan", "wgan", "cwgan"};
        for (int v = 0; v < 3; v++) {
            for (int s = 0; s < 3; s++) {
                units.add(unit(names[v], s + 1, fids[v][s], 0.5 + v * 0.1 + s * 0.01));
            }
        }
        units.add(new UnitResult("wgan", 4, UnitStatus.DIVERGED, "NaN loss", null, null, List.of(), null,
                Map.of(), Map.of(), null, null, List.of()));
        SeedStatistics.Result r = SeedStatistics.of(units, dev.ganiqa.harness.compare.ResultsMapping.catalogue(), "ganiqa-fmnist-v1");
        assertThat(r.variants()).extracting(v -> v.variant()).containsExactly("dcgan", "wgan", "cwgan");
        assertThat(r.variants().get(1).units()).isEqualTo(4);
        assertThat(r.variants().get(1).okUnits()).isEqualTo(3);
        MetricSummary cw = r.variants().get(2).metrics().get("fid");
        assertThat(cw.rank()).isEqualTo(1);
        assertThat(cw.mean()).isCloseTo(12.3, within(1e-12));
        assertThat(r.variants().get(0).metrics().get("precision").rank()).isEqualTo(3);
        assertThat(r.variants().get(0).metrics().get("fid_best").n()).isEqualTo(3);
        List<PairwiseTest> fidTests = r.tests().stream().filter(t -> t.metric().equals("fid")).toList();
        assertThat(fidTests).hasSize(3);
        double[] raw = fidTests.stream().mapToDouble(PairwiseTest::pValue).toArray();
        double[] holm = Holm.adjust(raw);
        for (int i = 0; i < 3; i++) {
            assertThat(fidTests.get(i).pAdjusted()).isEqualTo(holm[i]);
            assertThat(fidTests.get(i).pValue()).isEqualTo(new TTest().tTest(
                    values(fids, names, fidTests.get(i).variantA()), values(fids, names, fidTests.get(i).variantB())));
        }
        assertThat(r.verdict().winner()).isEqualTo("cwgan");
        assertThat(r.verdict().confidence()).isEqualTo(Confidence.HIGH);
        assertThat(r.verdict().sentence()).isEqualTo("cwgan has the lowest FID (ganiqa-fmnist-v1): 12.3 \u00b1 0.3 "
                + "over 3 seeds; the difference to wgan is significant (p<0.001, Welch t, Holm-adjusted).");
    }

    @Test
    void twoSeedsSayTheTestHasNoPower() {
        List<UnitResult> units = List.of(unit("dcgan", 1, 40, 0.5), unit("dcgan", 2, 44, 0.5),
                unit("wgan", 1, 30, 0.5), unit("wgan", 2, 31, 0.5));
        SeedStatistics.Result r = SeedStatistics.of(units, dev.ganiqa.harness.compare.ResultsMapping.catalogue(), "x");
        assertThat(r.verdict().confidence()).isEqualTo(Confidence.NONE);
        assertThat(r.verdict().sentence()).isEqualTo("wgan has the lowest FID (x): 30.5 \u00b1 0.7 over 2 seeds; "
                + "the difference to dcgan cannot be tested with 2 seeds (at least 3 per variant needed).");
        assertThat(r.tests()).allSatisfy(t -> assertThat(t.significant()).isFalse());
    }

    @Test
    void aVariantFurtherBehindThatIsNotSeparatedIsNamed() {
        // wgan is the runner-up by mean and tight over seeds; cdcgan is further behind but spread wide, so the
        // winner's lead over it is not significant although the lead over the runner-up is.
        List<UnitResult> units = threeSeeds(new String[] {"cwgan", "wgan", "cdcgan"},
                new double[][] {{17, 18, 19}, {23.5, 23.7, 23.9}, {21, 26, 31}});
        SeedStatistics.Result r = SeedStatistics.of(units, dev.ganiqa.harness.compare.ResultsMapping.catalogue(), "x");
        PairwiseTest toWgan = fidTest(r, "cwgan", "wgan");
        PairwiseTest toCdcgan = fidTest(r, "cwgan", "cdcgan");
        assertThat(toWgan.significant()).isTrue();
        assertThat(toCdcgan.significant()).isFalse();
        assertThat(r.verdict().confidence()).isEqualTo(Confidence.MODERATE);
        assertThat(r.verdict().sentence()).isEqualTo("cwgan has the lowest FID (x): 18.0 \u00b1 1.0 over 3 seeds; "
                + "the difference to wgan is significant (" + Numbers.pValue(toWgan.pAdjusted())
                + ", Welch t, Holm-adjusted); to cdcgan it is not (" + Numbers.pValue(toCdcgan.pAdjusted()) + ").");
    }

    /** Seeds 1-3 of each variant with these FIDs. */
    private static List<UnitResult> threeSeeds(String[] names, double[][] fids) {
        List<UnitResult> units = new ArrayList<>();
        for (int v = 0; v < names.length; v++) {
            for (int s = 0; s < 3; s++) {
                units.add(unit(names[v], s + 1, fids[v][s], 0.5));
            }
        }
        return units;
    }

    private static PairwiseTest fidTest(SeedStatistics.Result r, String a, String b) {
        return r.tests().stream().filter(t -> t.metric().equals("fid") && Set.of(a, b).equals(
                Set.of(t.variantA(), t.variantB()))).findFirst().orElseThrow();
    }

    @Test
    void runnerUpNotSignificantGivesModerateOrLowConfidence() {
        // scipy ttest_ind(equal_var=False): dcgan-wgan 0.8185490697753559, dcgan-cwgan 0.009865247331929823,
        // wgan-cwgan 0.010717945685825481; Holm (m=3): 0.0296, 0.0214 -> 0.0296, 0.8185.
        List<UnitResult> units = threeSeeds(new String[] {"dcgan", "wgan", "cwgan"},
                new double[][] {{30, 35, 40}, {31, 36, 41}, {60, 62, 61}});
        SeedStatistics.Result r = SeedStatistics.of(units, dev.ganiqa.harness.compare.ResultsMapping.catalogue(), "x");
        assertThat(r.verdict().confidence()).isEqualTo(Confidence.MODERATE);
        assertThat(r.verdict().sentence()).isEqualTo("dcgan has the lowest FID (x): 35.0 \u00b1 5.0 over 3 seeds; "
                + "the difference to wgan is not significant (p=0.82, Welch t, Holm-adjusted); to cwgan it is "
                + "(p=0.03).");
        PairwiseTest dc = r.tests().stream().filter(t -> t.metric().equals("fid") && t.variantB().equals("cwgan")
                && t.variantA().equals("dcgan")).findFirst().orElseThrow();
        assertThat(dc.pAdjusted()).isCloseTo(3 * 0.009865247331929823, within(1e-9));
        assertThat(dc.significant()).isTrue();
        SeedStatistics.Result two = SeedStatistics.of(units.subList(0, 6), dev.ganiqa.harness.compare.ResultsMapping.catalogue(), "x");
        assertThat(two.verdict().confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void nothingFinishedIsSaidPlainly() {
        List<UnitResult> units = List.of(new UnitResult("dcgan", 1, UnitStatus.FAILED, "out of memory", null, null,
                List.of(), null, Map.of(), Map.of(), null, null, List.of()));
        SeedStatistics.Result r = SeedStatistics.of(units, dev.ganiqa.harness.compare.ResultsMapping.catalogue(), "x");
        assertThat(r.verdict().confidence()).isEqualTo(Confidence.NONE);
        assertThat(r.verdict().sentence()).startsWith("No variant finished");
        assertThat(r.variants().get(0).okUnits()).isZero();
    }

    @Test
    void unitsStillImprovingMakeTheVerdictProvisionalInTheSameSentence() {
        List<UnitResult> units = new ArrayList<>();
        String[] names = {"dcgan", "cdcgan", "wgan", "cwgan"};
        long[] gsteps = {468, 468, 93, 93};
        for (int v = 0; v < 4; v++) {
            for (int s = 1; s <= 3; s++) {
                units.add(withTraining(unit(names[v], s, 40 + 10 * v + s, 0.5), 3, gsteps[v],
                        new Convergence(Convergence.Trend.IMPROVING, 0.3, 0.089, "FID 60 -> 42")));
            }
        }
        // A diverged unit with a lower "FID" must not count, nor be ranked.
        units.add(new UnitResult("dcgan", 9, UnitStatus.DIVERGED, "exploding loss at critic step 4", null, null,
                List.of(), null, Map.of("fid", MetricValue.of(1, 2000, 10000)), Map.of(), null, null, List.of()));
        Budget budget = new Budget("epochs", 3, 0, 2000, 500, null);
        SeedStatistics.Result r = SeedStatistics.of(units, dev.ganiqa.harness.compare.ResultsMapping.catalogue(), "x", budget);
        assertThat(r.verdict().winner()).isEqualTo("dcgan");
        assertThat(r.verdict().provisional()).isTrue();
        assertThat(r.verdict().sentence()).startsWith("dcgan has the lowest FID (x): ")
                .contains(" \u2014 but under 3 epochs (468 generator steps for dcgan and cdcgan, 93 for wgan and cwgan) "
                        + "all units were still improving: this ranks early training speed, not final quality.");

        // One variant flattened, the others not: provisional, naming who was still improving.
        List<UnitResult> mixed = new ArrayList<>();
        for (UnitResult u : units.subList(0, 12)) {
            boolean flat = u.variant().equals("dcgan");
            mixed.add(withTraining(u, 3, u.variant().startsWith("w") || u.variant().startsWith("cw") ? 93 : 468,
                    new Convergence(flat ? Convergence.Trend.FLAT : Convergence.Trend.IMPROVING, flat ? 0.01 : 0.3,
                            0.089, "x")));
        }
        Verdict some = SeedStatistics.of(mixed, dev.ganiqa.harness.compare.ResultsMapping.catalogue(), "x", budget).verdict();
        assertThat(some.sentence()).contains("9 of 12 units (cdcgan, wgan, cwgan) were still improving, so the "
                + "ranking is provisional");
        // All flat: no caveat.
        List<UnitResult> flat = mixed.stream().map(u -> withTraining(u, 3, 468,
                new Convergence(Convergence.Trend.FLAT, 0.01, 0.089, "x"))).toList();
        Verdict settled = SeedStatistics.of(flat, dev.ganiqa.harness.compare.ResultsMapping.catalogue(), "x", budget).verdict();
        assertThat(settled.provisional()).isFalse();
        assertThat(settled.sentence()).doesNotContain("improving").doesNotContain("provisional");
    }

    @Test
    void aSmokeTestDrawsNoConclusion() {
        List<UnitResult> units = List.of(unit("dcgan", 1, 300, 0.1), unit("wgan", 1, 200, 0.1));
        Verdict v = SeedStatistics.of(units, dev.ganiqa.harness.compare.ResultsMapping.catalogue(), "x",
                new Budget("epochs", 1, 0, 200, 100, "smoke")).verdict();
        assertThat(v.sentence()).isEqualTo("Smoke test (preset smoke, 1 epoch per unit): every stage ran; it draws no "
                + "conclusion about the variants.");
        assertThat(v.winner()).isNull();
        assertThat(v.confidence()).isEqualTo(Confidence.NONE);
    }

    static UnitResult withTraining(UnitResult u, int epochs, long generatorSteps, Convergence convergence) {
        return new UnitResult(u.variant(), u.seed(), u.status(), u.reason(),
                new TrainingStats(epochs, generatorSteps, generatorSteps * 5, 100, 1), u.timings(), u.curve(), u.best(),
                u.metrics(), u.imageMeasures(), u.perClass(), u.sampleGrid(), u.neighbours(), convergence);
    }

    private static double[] values(double[][] fids, String[] names, String variant) {
        return fids[List.of(names).indexOf(variant)];
    }

    static UnitResult unit(String variant, long seed, double fid, double precision) {
        Map<String, MetricValue> metrics = new LinkedHashMap<>();
        metrics.put("fid", MetricValue.of(fid, 2000, 10000));
        metrics.put("precision", MetricValue.of(precision, 2000, 10000));
        return new UnitResult(variant, seed, UnitStatus.OK, null, null, null, List.of(), new BestEpoch(1, fid - 1),
                metrics, Map.of(), null, null, List.of());
    }
}
