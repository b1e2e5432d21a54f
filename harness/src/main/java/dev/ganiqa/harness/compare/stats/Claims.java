package dev.ganiqa.harness.compare.stats;

import dev.ganiqa.metrics.eval.MetricDefinitions;
import dev.ganiqa.reports.Numbers;
import dev.ganiqa.reports.model.Claim;
import dev.ganiqa.reports.model.Claim.Answer;
import dev.ganiqa.reports.model.Distribution;
import dev.ganiqa.reports.model.RealReference;
import dev.ganiqa.reports.model.UnitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Answers the claims of the study ganiqa makes measurable (2022, judged by eye after equal epochs: WGAN images
 * sharper and less noisy than DCGAN's, label conditioning better, cWGAN best) with the same two-sample tests as
 * the pairwise table (Welch t / Mann-Whitney U, Holm-corrected within each claim). A claim is SUPPORTED when every
 * test of it is significant in its direction, CONTRADICTED when one is significant against it, otherwise NOT
 * SUPPORTED AT THIS BUDGET; NOT_TESTED when the variants or at least {@link TwoSampleTest#MIN_SEEDS} OK seeds
 * each are missing. "Sharper and less noisy" is read relative to the real-data row: a generator whose images
 * are noisy has a *higher* Laplacian variance than real images, so the measure is the relative distance
 * |unit - real| / real of each sharpness and noise measure, and smaller is better.
 */
final class Claims {
    static final List<String> SHARPNESS_AND_NOISE = List.of("laplacian_var", "tenengrad", "immerkaer_sigma",
            "wavelet_sigma");
    static final String SHARPER = "WGAN images are sharper and less noisy than DCGAN images (closer to the real "
            + "data on laplacian_var, tenengrad, immerkaer_sigma, wavelet_sigma)";
    static final String CONDITIONING = "Label conditioning improves the images (lower FID)";
    static final String CWGAN_BEST = "cWGAN gives the best images (lowest FID)";

    private final List<UnitResult> ok;
    private final RealReference real;
    private final String caveat;

    /**
     * @param stillImproving when true, every answer notes that it holds at this budget only
     */
    Claims(List<UnitResult> units, RealReference real, boolean stillImproving) {
        this.ok = units.stream().filter(UnitResult::ok).toList();
        this.real = real;
        this.caveat = stillImproving ? "; units had not settled (see their convergence), so this holds at this "
                + "budget only" : "";
    }

    List<Claim> answer() {
        return List.of(sharper(), conditioning(), cwganBest());
    }

    /** One test of a claim: claim side A is better when its values are lower. */
    private record Check(String label, double[] a, double[] b) {
    }

    private Claim sharper() {
        if (real == null) {
            return new Claim(SHARPER, Answer.NOT_TESTED, "no real-data row to measure against");
        }
        List<Check> checks = new ArrayList<>();
        for (String[] pair : new String[][] {{"wgan", "dcgan"}, {"cwgan", "cdcgan"}}) {
            for (String measure : SHARPNESS_AND_NOISE) {
                Distribution r = real.imageMeasures().get(measure);
                if (r == null || r.mean() == 0) {
                    continue;
                }
                double[] a = gaps(pair[0], measure, r.mean());
                double[] b = gaps(pair[1], measure, r.mean());
                if (a.length > 0 && b.length > 0) {
                    checks.add(new Check(measure + " " + pair[0] + " vs " + pair[1], a, b));
                }
            }
        }
        return decide(SHARPER, checks, "% from real");
    }

    private Claim conditioning() {
        List<Check> checks = new ArrayList<>();
        for (String[] pair : new String[][] {{"cdcgan", "dcgan"}, {"cwgan", "wgan"}}) {
            double[] a = metric(pair[0], MetricDefinitions.FID);
            double[] b = metric(pair[1], MetricDefinitions.FID);
            if (a.length > 0 && b.length > 0) {
                checks.add(new Check("FID " + pair[0] + " vs " + pair[1], a, b));
            }
        }
        return decide(CONDITIONING, checks, "");
    }

    private Claim cwganBest() {
        double[] cw = metric("cwgan", MetricDefinitions.FID);
        List<Check> checks = new ArrayList<>();
        ok.stream().map(UnitResult::variant).distinct().filter(v -> !v.equals("cwgan")).forEach(v -> {
            double[] other = metric(v, MetricDefinitions.FID);
            if (cw.length > 0 && other.length > 0) {
                checks.add(new Check("FID cwgan vs " + v, cw, other));
            }
        });
        return decide(CWGAN_BEST, checks, "");
    }

    private Claim decide(String claim, List<Check> checks, String unit) {
        if (checks.isEmpty()) {
            return new Claim(claim, Answer.NOT_TESTED, "the run lacks the variants (OK units) this claim compares");
        }
        List<TwoSampleTest.Outcome> outcomes = checks.stream().map(c -> TwoSampleTest.compare(c.a(), c.b())).toList();
        if (outcomes.stream().anyMatch(o -> !o.tested())) {
            return new Claim(claim, Answer.NOT_TESTED, "needs at least " + TwoSampleTest.MIN_SEEDS
                    + " OK seeds per variant; " + describe(checks, null, unit));
        }
        double[] adjusted = Holm.adjust(outcomes.stream().mapToDouble(TwoSampleTest.Outcome::pValue).toArray());
        boolean all = true;
        boolean against = false;
        for (int i = 0; i < checks.size(); i++) {
            boolean significant = adjusted[i] < SeedStatistics.ALPHA;
            boolean forClaim = mean(checks.get(i).a()) < mean(checks.get(i).b());
            all &= significant && forClaim;
            against |= significant && !forClaim;
        }
        Answer answer = against ? Answer.CONTRADICTED : all ? Answer.SUPPORTED : Answer.NOT_SUPPORTED_AT_THIS_BUDGET;
        return new Claim(claim, answer, describe(checks, adjusted, unit) + (answer == Answer.NOT_TESTED ? "" : caveat));
    }

    private static String describe(List<Check> checks, double[] adjusted, String unit) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            String[] names = c.label().substring(c.label().indexOf(' ') + 1).split(" vs ");
            parts.add(c.label().substring(0, c.label().indexOf(' ')) + ": " + names[0] + " " + value(mean(c.a()), unit)
                    + " vs " + names[1] + " " + value(mean(c.b()), unit)
                    + (adjusted == null ? "" : " (" + Numbers.pValue(adjusted[i]) + ")"));
        }
        return String.join("; ", parts);
    }

    private static String value(double v, String unit) {
        return unit.isEmpty() ? Numbers.format(v) : String.format(Locale.ROOT, "%.0f%s", 100 * v, unit);
    }

    /** Relative distance of each OK unit's mean measure to the real row's. */
    private double[] gaps(String variant, String measure, double realMean) {
        return ok.stream().filter(u -> u.variant().equals(variant) && u.imageMeasures().containsKey(measure))
                .mapToDouble(u -> Math.abs(u.imageMeasures().get(measure).mean() - realMean) / Math.abs(realMean))
                .toArray();
    }

    private double[] metric(String variant, String id) {
        return ok.stream().filter(u -> u.variant().equals(variant) && u.metrics().containsKey(id))
                .mapToDouble(u -> u.metrics().get(id).value()).toArray();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
