package dev.ganiqa.harness.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganiqa.metrics.eval.MetricDefinitions;
import dev.ganiqa.reports.model.Claim;
import dev.ganiqa.reports.model.Claim.Answer;
import dev.ganiqa.reports.model.MetricValue;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.UnitStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The study's claims decided from constructed units across seeds, with the rule the report states. */
class ClaimsTest {
    /** A unit with FID, sharpness shift and noise shift. */
    static UnitResult unit(String variant, long seed, double fid, double sharpness, double noise) {
        Map<String, MetricValue> m = new LinkedHashMap<>();
        m.put(MetricDefinitions.FID, MetricValue.of(fid, 2000, 10000));
        m.put(MetricDefinitions.SHARPNESS_SHIFT, MetricValue.of(sharpness, 2000, 0));
        m.put(MetricDefinitions.NOISE_SHIFT, MetricValue.of(noise, 2000, 0));
        return new UnitResult(variant, seed, UnitStatus.OK, null, null, null, List.of(), null, m, Map.of(), null,
                null, List.of());
    }

    /** Three seeds per variant at {FID, sharpness shift, noise shift}, each with a seed spread of +-1. */
    static List<UnitResult> units(Map<String, double[]> values) {
        List<UnitResult> units = new ArrayList<>();
        values.forEach((variant, v) -> {
            for (int s = 1; s <= 3; s++) {
                double d = s - 2;
                units.add(unit(variant, s, v[0] + d, v[1] + d * 0.1, v[2] + d * 0.1));
            }
        });
        return units;
    }

    static Map<String, Answer> answers(List<Claim> claims) {
        Map<String, Answer> out = new LinkedHashMap<>();
        claims.forEach(c -> out.put(c.claim(), c.answer()));
        return out;
    }

    @Test
    void aLargeEffectOverThreeSeedsIsSupported() {
        // WGANs as sharp as real (shift 0) and clean (0); DCGANs blurrier (-5) and noisier (+3); conditioning and
        // cwgan lower FID by far more than the seed spread.
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("dcgan", new double[] {60, -5, 3});
        v.put("cdcgan", new double[] {50, -5, 3});
        v.put("wgan", new double[] {40, 0, 0});
        v.put("cwgan", new double[] {30, 0, 0});
        List<Claim> claims = new Claims(units(v), Map.of(), false).answer();
        assertThat(answers(claims)).containsExactly(Map.entry(Claims.SHARPER, Answer.SUPPORTED),
                Map.entry(Claims.RGB_NOISE, Answer.NOT_TESTED), Map.entry(Claims.CONDITIONING, Answer.SUPPORTED),
                Map.entry(Claims.CWGAN_BEST, Answer.SUPPORTED));
        assertThat(claims.get(1).evidence()).contains("needs colour images");
        assertThat(claims.get(0).evidence()).contains("noise_shift: wgan 0.00 vs dcgan 3.00, difference -3.00")
                .contains("95% CI").contains("in the claim's direction");
        assertThat(new Claims(units(v), Map.of(), true).answer().get(3).evidence()).endsWith("at this budget only");
    }

    @Test
    void oneComparisonAgainstTheClaimContradictsItAndOneUndecidedOneLeavesItUndecided() {
        // Sharper, but noisier: one comparison against the claim (significant after Holm) contradicts it.
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("dcgan", new double[] {60, -5, 0});
        v.put("cdcgan", new double[] {50, -5, 0});
        v.put("wgan", new double[] {40, 0, 4});
        v.put("cwgan", new double[] {30, 0, 4});
        assertThat(new Claims(units(v), Map.of(), false).answer().get(0).answer()).isEqualTo(Answer.CONTRADICTED);
        // Sharper and equally clean: every comparison must hold (intersection-union), so this is not decided, and
        // the answer says how large a difference three seeds could have detected.
        v.put("wgan", new double[] {40, 0, 0});
        v.put("dcgan", new double[] {60, -5, 0.02});
        v.put("cwgan", new double[] {30, 0, 0});
        v.put("cdcgan", new double[] {50, -5, -0.02});
        Claim undecided = new Claims(units(v), Map.of(), false).answer().get(0);
        assertThat(undecided.answer()).isEqualTo(Answer.NOT_DECIDED);
        assertThat(undecided.evidence()).contains("smallest detectable difference");
    }

    @Test
    void theConditioningPairNamesWhatItDiffersInAndPrefersTheMatchedPartner() {
        Map<String, Map<String, Object>> configs = Map.of(
                "wgan", Map.of("learningRateG", 1e-4, "modeSeeking", 0.0, "beta1", 0.5),
                "cwgan", Map.of("learningRateG", 4e-4, "modeSeeking", 1.0, "beta1", 0.0),
                "wgan-matched", Map.of("learningRateG", 4e-4, "modeSeeking", 1.0, "beta1", 0.0));
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("wgan", new double[] {60, 0, 0});
        v.put("cwgan", new double[] {30, 0, 0});
        Claim plain = new Claims(units(v), configs, false).answer().get(2);
        assertThat(plain.evidence()).contains("cwgan and wgan differ in: the label, beta1 0.0 vs 0.5, learningRateG "
                + "4.0E-4 vs 1.0E-4, modeSeeking 1.0 vs 0.0");
        v.put("wgan-matched", new double[] {35, 0, 0});
        Claim matched = new Claims(units(v), configs, false).answer().get(2);
        assertThat(matched.evidence()).contains("fid: cwgan 30.0 vs wgan-matched 35.0")
                .contains("cwgan and wgan-matched differ in: the label)");
    }

    @Test
    void missingVariantsOrSeedsAreNotTested() {
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("dcgan", new double[] {60, -5, 3});
        v.put("wgan", new double[] {40, 0, 0});
        List<UnitResult> two = units(v).stream().filter(u -> u.seed() <= 2).toList();
        List<Claim> claims = new Claims(two, Map.of(), false).answer();
        assertThat(claims).allSatisfy(c -> assertThat(c.answer()).isEqualTo(Answer.NOT_TESTED));
        assertThat(claims.get(0).evidence()).startsWith("needs at least 3 OK seeds per variant");
    }

    @Test
    void theOneSidedWelchTestIsScipys() {
        // scipy.stats.ttest_ind([1, 2, 4], [3, 5, 9], equal_var=False, alternative='less').pvalue (scipy 1.17.1)
        OneSidedTest.Outcome o = OneSidedTest.welch(new double[] {1, 2, 4}, new double[] {3, 5, 9}, true, 0.05, 0.8);
        assertThat(o.pFor()).isCloseTo(0.09568485922831349, within(1e-12));
        assertThat(o.pFor() + o.pAgainst()).isCloseTo(1, within(1e-12));
        assertThat(o.difference()).isCloseTo(-10 / 3.0, within(1e-12));
        double[] ci = OneSidedTest.bootstrapDifference(new double[] {1, 2, 4}, new double[] {3, 5, 9}, 2000, 1);
        assertThat(ci[0]).isLessThan(o.difference());
        assertThat(ci[1]).isGreaterThan(o.difference());
    }

    /** On colour units the RGB-noise claim compares chroma shifts: DCGANs with colour noise where real is flat. */
    @Test
    void theRgbNoiseClaimIsDecidedOnColourUnits() {
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("dcgan", new double[] {60, -5, 3});
        v.put("cdcgan", new double[] {50, -5, 3});
        v.put("wgan", new double[] {40, 0, 0});
        v.put("cwgan", new double[] {30, 0, 0});
        List<UnitResult> colour = new ArrayList<>();
        for (UnitResult u : units(v)) {
            Map<String, MetricValue> m = new LinkedHashMap<>(u.metrics());
            double chroma = u.variant().endsWith("dcgan") ? 4 + 0.1 * u.seed() : 0.1 * u.seed();
            m.put(MetricDefinitions.CHROMA_SHIFT, MetricValue.of(chroma, 2000, 0));
            colour.add(new UnitResult(u.variant(), u.seed(), UnitStatus.OK, null, null, null, List.of(), null, m,
                    Map.of(), null, null, List.of()));
        }
        Claim rgb = new Claims(colour, Map.of(), false).answer().get(1);
        assertThat(rgb.claim()).isEqualTo(Claims.RGB_NOISE);
        assertThat(rgb.answer()).isEqualTo(Answer.SUPPORTED);
        assertThat(rgb.evidence()).contains("chroma_shift: wgan 0.200 vs dcgan 4.20").contains("chroma_shift: cwgan");
    }
}
