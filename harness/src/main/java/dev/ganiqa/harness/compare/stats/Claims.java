package dev.ganiqa.harness.compare.stats;

import dev.ganiqa.metrics.eval.MetricDefinitions;
import dev.ganiqa.reports.Numbers;
import dev.ganiqa.reports.model.Claim;
import dev.ganiqa.reports.model.Claim.Answer;
import dev.ganiqa.reports.model.UnitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers the claims of the study ganiqa makes measurable (2022, judged by eye after equal epochs: WGAN images
 * sharper and less noisy than DCGAN's, label conditioning better, cWGAN best). Each claim is a set of pre-declared
 * one-sided comparisons of per-seed values, one per property and pair of variants:
 * <ul>
 * <li>sharper: the signed sharpness shift ({@link MetricDefinitions#SHARPNESS_SHIFT}, per-image Tenengrad against the
 * real test images, a signed 1-Wasserstein distance) is higher; less noisy: the signed noise shift
 * ({@link MetricDefinitions#NOISE_SHIFT}, noise where the real images are flat) is lower; for both pairs wgan vs
 * dcgan and cwgan vs cdcgan;</li>
 * <li>RGB noise (colour data only): the signed chroma shift ({@link MetricDefinitions#CHROMA_SHIFT}, colour noise
 * where the real images are flat) is lower for wgan than dcgan and for cwgan than cdcgan; NOT_TESTED on gray
 * data, which has no chroma;</li>
 * <li>conditioning: FID is lower for cdcgan than for its unconditional partner and for cwgan than for its partner,
 * the partner being dcgan-matched / wgan-matched (the same loss, optimiser and terms without the label) when the
 * run has them, else dcgan / wgan, with the differences named;</li>
 * <li>cWGAN best: FID is lower for cwgan than for every other variant.</li>
 * </ul>
 * Decision rule: SUPPORTED when every comparison of the claim is significant in its direction (one-sided Welch t,
 * alpha {@link SeedStatistics#ALPHA}; an intersection-union test, which needs no multiplicity correction, Berger
 * 1982); CONTRADICTED when a comparison is significant in the opposite direction after Holm's correction over the
 * claim's comparisons; otherwise NOT_DECIDED, with the smallest difference this many seeds could detect (power 0.8).
 * NOT_TESTED when the variants or at least {@link TwoSampleTest#MIN_SEEDS} OK seeds each are missing. Every
 * comparison reports its difference of means with a 95% bootstrap interval over seeds.
 */
final class Claims {
    static final String SHARPER = "WGAN images are sharper and less noisy than DCGAN images (signed sharpness and "
            + "noise shifts against the real test images)";
    static final String RGB_NOISE = "DCGAN images show RGB noise that WGAN images do not (signed chroma shift against "
            + "the real test images)";
    static final String CONDITIONING = "Label conditioning improves the images (lower FID)";
    static final String CWGAN_BEST = "cWGAN gives the best images (lowest FID)";
    static final double POWER = 0.8;
    static final int BOOTSTRAP = 2000;
    static final long BOOTSTRAP_SEED = 20_221_122L;

    private final List<UnitResult> ok;
    private final Map<String, Map<String, Object>> configs;
    private final String caveat;

    /**
     * @param configs        each variant's recorded hyper-parameters, to name what a pair differs in (may be empty)
     * @param stillImproving when true, every answer notes that it holds at this budget only
     */
    Claims(List<UnitResult> units, Map<String, Map<String, Object>> configs, boolean stillImproving) {
        this.ok = units.stream().filter(UnitResult::ok).toList();
        this.configs = configs == null ? Map.of() : configs;
        this.caveat = stillImproving ? "; units had not settled (see their convergence), so this holds at this "
                + "budget only" : "";
    }

    List<Claim> answer() {
        return List.of(sharper(), rgbNoise(), conditioning(), cwganBest());
    }

    /** One pre-declared comparison: {@code a} is better than {@code b} when its mean is lower ({@code lower}). */
    record Check(String measure, String variantA, String variantB, double[] a, double[] b, boolean lower,
                 String differences) {
    }

    private Claim sharper() {
        List<Check> checks = new ArrayList<>();
        for (String[] pair : new String[][] {{"wgan", "dcgan"}, {"cwgan", "cdcgan"}}) {
            add(checks, MetricDefinitions.SHARPNESS_SHIFT, pair[0], pair[1], false);
            add(checks, MetricDefinitions.NOISE_SHIFT, pair[0], pair[1], true);
        }
        return decide(SHARPER, checks);
    }

    private Claim rgbNoise() {
        if (ok.stream().noneMatch(u -> u.metrics().containsKey(MetricDefinitions.CHROMA_SHIFT))) {
            return new Claim(RGB_NOISE, Answer.NOT_TESTED, ok.isEmpty() ? "no OK units"
                    : "needs colour images: the units' images have no chroma (a grayscale dataset)");
        }
        List<Check> checks = new ArrayList<>();
        for (String[] pair : new String[][] {{"wgan", "dcgan"}, {"cwgan", "cdcgan"}}) {
            add(checks, MetricDefinitions.CHROMA_SHIFT, pair[0], pair[1], true);
        }
        return decide(RGB_NOISE, checks);
    }

    private Claim conditioning() {
        List<Check> checks = new ArrayList<>();
        for (String[] pair : new String[][] {{"cdcgan", "dcgan"}, {"cwgan", "wgan"}}) {
            String partner = has(pair[1] + "-matched") ? pair[1] + "-matched" : pair[1];
            add(checks, MetricDefinitions.FID, pair[0], partner, true);
        }
        return decide(CONDITIONING, checks);
    }

    private Claim cwganBest() {
        List<Check> checks = new ArrayList<>();
        ok.stream().map(UnitResult::variant).distinct().filter(v -> !v.equals("cwgan"))
                .forEach(v -> add(checks, MetricDefinitions.FID, "cwgan", v, true));
        return decide(CWGAN_BEST, checks);
    }

    private boolean has(String variant) {
        return ok.stream().anyMatch(u -> u.variant().equals(variant));
    }

    private void add(List<Check> checks, String measure, String a, String b, boolean lower) {
        double[] va = metric(a, measure);
        double[] vb = metric(b, measure);
        if (va.length > 0 && vb.length > 0) {
            checks.add(new Check(measure, a, b, va, vb, lower, Attribution.differences(a, b, configs)));
        }
    }

    private Claim decide(String claim, List<Check> checks) {
        if (checks.isEmpty()) {
            return new Claim(claim, Answer.NOT_TESTED, "the run lacks the variants (OK units with the measures) this "
                    + "claim compares");
        }
        if (checks.stream().anyMatch(c -> Math.min(c.a().length, c.b().length) < TwoSampleTest.MIN_SEEDS)) {
            return new Claim(claim, Answer.NOT_TESTED, "needs at least " + TwoSampleTest.MIN_SEEDS
                    + " OK seeds per variant; " + String.join("; ", checks.stream().map(c -> c.measure() + ": "
                    + c.variantA() + " " + Numbers.format(OneSidedTest.mean(c.a())) + " vs " + c.variantB() + " "
                    + Numbers.format(OneSidedTest.mean(c.b()))).toList()));
        }
        List<OneSidedTest.Outcome> outcomes = checks.stream()
                .map(c -> OneSidedTest.welch(c.a(), c.b(), c.lower(), SeedStatistics.ALPHA, POWER)).toList();
        boolean all = outcomes.stream().allMatch(o -> o.pFor() < SeedStatistics.ALPHA);
        double[] against = Holm.adjust(outcomes.stream().mapToDouble(OneSidedTest.Outcome::pAgainst).toArray());
        boolean contradicted = java.util.Arrays.stream(against).anyMatch(p -> p < SeedStatistics.ALPHA);
        Answer answer = contradicted ? Answer.CONTRADICTED : all ? Answer.SUPPORTED : Answer.NOT_DECIDED;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            parts.add(describe(checks.get(i), outcomes.get(i), against[i], answer == Answer.NOT_DECIDED));
        }
        return new Claim(claim, answer, String.join("; ", parts) + caveat);
    }

    /** "noise_shift: wgan -0.12 vs dcgan 1.31, difference -1.43 [95% CI -1.61, -1.22], p=0.004 (against: p=1)". */
    private static String describe(Check c, OneSidedTest.Outcome o, double againstAdjusted, boolean detectable) {
        double[] ci = OneSidedTest.bootstrapDifference(c.a(), c.b(), BOOTSTRAP, BOOTSTRAP_SEED);
        String text = String.format(Locale.ROOT, "%s: %s %s vs %s %s, difference %s [95%% CI %s, %s], %s in the "
                        + "claim's direction (against: %s, Holm)", c.measure(), c.variantA(),
                Numbers.format(OneSidedTest.mean(c.a())), c.variantB(), Numbers.format(OneSidedTest.mean(c.b())),
                Numbers.format(o.difference()), Numbers.format(ci[0]), Numbers.format(ci[1]),
                Numbers.pValue(o.pFor()), Numbers.pValue(againstAdjusted));
        if (detectable && Double.isFinite(o.detectable())) {
            text += ", smallest detectable difference " + Numbers.format(o.detectable());
        }
        return text + (c.differences().isEmpty() ? "" : " (" + c.variantA() + " and " + c.variantB() + " differ in: "
                + c.differences() + ")");
    }

    private double[] metric(String variant, String id) {
        return ok.stream().filter(u -> u.variant().equals(variant) && u.metrics().containsKey(id))
                .mapToDouble(u -> u.metrics().get(id).value()).toArray();
    }
}
