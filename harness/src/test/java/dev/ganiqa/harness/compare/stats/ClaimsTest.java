package dev.ganiqa.harness.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.reports.model.Claim;
import dev.ganiqa.reports.model.Claim.Answer;
import dev.ganiqa.reports.model.Distribution;
import dev.ganiqa.reports.model.MetricValue;
import dev.ganiqa.reports.model.RealReference;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.UnitStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The study's claims answered from synthetic units across seeds. */
class ClaimsTest {
    static final RealReference REAL = new RealReference("real", Map.of(), measures(100), null, null);

    /** All four measures at {@code value} (real images: 100). */
    static Map<String, Distribution> measures(double value) {
        Map<String, Distribution> m = new LinkedHashMap<>();
        for (String id : Claims.SHARPNESS_AND_NOISE) {
            m.put(id, Distribution.of(new double[] {value - 1, value, value + 1}));
        }
        return m;
    }

    static UnitResult unit(String variant, long seed, double fid, double measure) {
        return new UnitResult(variant, seed, UnitStatus.OK, null, null, null, List.of(), null,
                Map.of("fid", MetricValue.of(fid, 2000, 10000)), measures(measure), null, null, List.of());
    }

    /** Three seeds per variant; FID and measure per variant, with a small seed spread. */
    static List<UnitResult> units(Map<String, double[]> fidAndMeasure) {
        List<UnitResult> units = new ArrayList<>();
        fidAndMeasure.forEach((variant, v) -> {
            for (int s = 1; s <= 3; s++) {
                units.add(unit(variant, s, v[0] + s * 0.5, v[1] + s * 0.5));
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
    void theStudysPictureIsSupported() {
        // WGANs 5% from real on every measure, DCGANs 40% (noisier: higher values); conditioning lowers FID; cwgan best.
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("dcgan", new double[] {60, 140});
        v.put("cdcgan", new double[] {50, 140});
        v.put("wgan", new double[] {40, 105});
        v.put("cwgan", new double[] {30, 105});
        List<Claim> claims = new Claims(units(v), REAL, false).answer();
        assertThat(answers(claims)).containsExactly(Map.entry(Claims.SHARPER, Answer.SUPPORTED),
                Map.entry(Claims.CONDITIONING, Answer.SUPPORTED), Map.entry(Claims.CWGAN_BEST, Answer.SUPPORTED));
        assertThat(claims.get(0).evidence()).contains("laplacian_var: wgan 6% from real vs dcgan 41% from real");
        assertThat(new Claims(units(v), REAL, true).answer().get(2).evidence()).endsWith("at this budget only");
    }

    @Test
    void theOppositeIsContradictedAndNoDifferenceIsNotSupported() {
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("dcgan", new double[] {30, 102});
        v.put("cdcgan", new double[] {45, 102});
        v.put("wgan", new double[] {60, 160});
        v.put("cwgan", new double[] {60.2, 160.2});
        List<Claim> claims = new Claims(units(v), REAL, false).answer();
        assertThat(answers(claims)).containsExactly(Map.entry(Claims.SHARPER, Answer.CONTRADICTED),
                Map.entry(Claims.CONDITIONING, Answer.CONTRADICTED), Map.entry(Claims.CWGAN_BEST, Answer.CONTRADICTED));

        // Overlapping seeds: nothing significant, "not supported at this budget" is the answer.
        List<UnitResult> noisy = new ArrayList<>();
        double[][] fids = {{40, 50, 60}, {41, 52, 58}, {39, 51, 61}, {42, 49, 59}};
        String[] names = {"dcgan", "cdcgan", "wgan", "cwgan"};
        for (int i = 0; i < 4; i++) {
            for (int s = 0; s < 3; s++) {
                noisy.add(unit(names[i], s + 1, fids[i][s], 100 + fids[i][s] - 50));
            }
        }
        assertThat(answers(new Claims(noisy, REAL, false).answer())).containsValues(Answer.NOT_SUPPORTED_AT_THIS_BUDGET)
                .doesNotContainValue(Answer.SUPPORTED).doesNotContainValue(Answer.CONTRADICTED);
    }

    @Test
    void missingVariantsOrSeedsAreNotTested() {
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("dcgan", new double[] {60, 140});
        v.put("wgan", new double[] {40, 105});
        List<UnitResult> two = units(v).stream().filter(u -> u.seed() <= 2).toList();
        List<Claim> claims = new Claims(two, REAL, false).answer();
        assertThat(claims.get(0).answer()).isEqualTo(Answer.NOT_TESTED);
        assertThat(claims.get(0).evidence()).startsWith("needs at least 3 OK seeds per variant");
        assertThat(claims.get(1).answer()).isEqualTo(Answer.NOT_TESTED);
        assertThat(claims.get(2).answer()).isEqualTo(Answer.NOT_TESTED);
        assertThat(new Claims(units(v), null, false).answer().get(0).answer()).isEqualTo(Answer.NOT_TESTED);
    }
}
