package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Does an extractor's feature space see what a person sees? Held-out real images are measured against a real
 * reference as they are and after known degradations, and every metric must move the known way: FID and KID up
 * for noise and blur; precision and density down for heavy noise, and near zero for pure noise images (a feature
 * space in which noise lands among real images makes Kynkaanniemi precision and Naeem density meaningless), while
 * light noise keeps most of the real row's precision (a degraded image is graded, not rejected);
 * recall and coverage down when the set loses variety (one class, one image repeated, constant images). The
 * expectations follow the sanity experiments of Kynkaanniemi et al. 2019 (Fig. 3, truncation and noise) and
 * Naeem et al. 2020 (Sec. 4, outliers and single-mode sets).
 */
public final class ExtractorCheck {
    /** Pure noise must score precision and density below this (an absolute bound, real images score about 1). */
    public static final double NOISE_BOUND = 0.05;
    /**
     * Light noise (sigma 16 on 0..255) must keep precision above this share of the real row's: a noisy garment is a
     * degraded garment, and an extractor that rejects it (as the DRAEM-trained candidates did, BENCHMARKS.md) would
     * call a slightly grainy generator's every sample unrealistic, so its precision would no longer grade image
     * quality. A share, not an absolute bound, because real held-out precision differs between data (0.80 on
     * Fashion-MNIST, 0.50 on the emoji, whose test set holds other emoji).
     */
    public static final double LIGHT_NOISE_SHARE = 0.75;
    /** One image repeated must score a within-class diversity below this. */
    public static final double COLLAPSE_BOUND = 0.05;

    /** Which way a metric must go against the undegraded real row, or an absolute bound. */
    public enum Expect { UP, DOWN, BELOW, ABOVE_SHARE }

    /**
     * One expectation: after {@code degradation}, {@code metric} goes {@code expect} (BELOW: under {@code bound};
     * ABOVE_SHARE: over {@code bound} times the real row's value).
     */
    public record Expectation(String degradation, String metric, Expect expect, double bound) {
        String describe() {
            return switch (expect) {
                case UP -> "above real";
                case DOWN -> "below real";
                case BELOW -> "below " + bound;
                case ABOVE_SHARE -> "above " + bound + " x real";
            };
        }
    }

    /** One checked expectation with the measured value and the real row's. */
    public record Row(String degradation, String metric, double value, double real, String expected, boolean pass) {
    }

    /**
     * Precision and density of an out-of-distribution family must stay below this: a feature space that places such
     * inputs among real images makes both meaningless for generated sets that resemble them.
     */
    public static final double OOD_BOUND = 0.15;

    /** One out-of-distribution family ({@link OutOfDistribution}) with its set metrics against the reference. */
    public record OodRow(String family, OutOfDistribution.Group group, double precision, double density, double recall,
                         double coverage, double fid, double oodShare, boolean pass) {
    }

    /**
     * Every set's metrics and every checked expectation. {@code ood}: the out-of-distribution families of every
     * group; {@code tuningPassed} / {@code heldOutPassed} / {@code finalPassed}: whether every family of the group
     * stayed at or below {@link #OOD_BOUND} on precision and density; {@code passed} when every expectation and
     * every group holds.
     */
    public record Report(String extractor, String sha256, int images, Map<String, Map<String, Double>> metrics,
                         List<Row> rows, boolean passed, List<OodRow> ood, boolean tuningPassed,
                         boolean heldOutPassed, boolean finalPassed) {
        /** Whether every degradation expectation holds (the groups aside). */
        public boolean expectationsPassed() {
            return rows.stream().allMatch(Row::pass);
        }
    }

    /** The degradations, in the order they are reported, and the expectations on each. */
    static final List<Expectation> EXPECTATIONS = List.of(
            new Expectation("noise 16", MetricDefinitions.FID, Expect.UP, 0),
            new Expectation("noise 16", MetricDefinitions.KID, Expect.UP, 0),
            new Expectation("noise 16", MetricDefinitions.PRECISION, Expect.ABOVE_SHARE, LIGHT_NOISE_SHARE),
            new Expectation("noise 64", MetricDefinitions.FID, Expect.UP, 0),
            new Expectation("noise 64", MetricDefinitions.KID, Expect.UP, 0),
            new Expectation("noise 64", MetricDefinitions.PRECISION, Expect.DOWN, 0),
            new Expectation("noise 64", MetricDefinitions.DENSITY, Expect.DOWN, 0),
            new Expectation("blur 1.5", MetricDefinitions.FID, Expect.UP, 0),
            new Expectation("blur 1.5", MetricDefinitions.KID, Expect.UP, 0),
            new Expectation("uniform noise", MetricDefinitions.FID, Expect.UP, 0),
            new Expectation("uniform noise", MetricDefinitions.PRECISION, Expect.BELOW, NOISE_BOUND),
            new Expectation("uniform noise", MetricDefinitions.DENSITY, Expect.BELOW, NOISE_BOUND),
            new Expectation("constant gray", MetricDefinitions.FID, Expect.UP, 0),
            new Expectation("constant gray", MetricDefinitions.RECALL, Expect.DOWN, 0),
            new Expectation("constant gray", MetricDefinitions.COVERAGE, Expect.DOWN, 0),
            new Expectation("one class", MetricDefinitions.FID, Expect.UP, 0),
            new Expectation("one class", MetricDefinitions.RECALL, Expect.DOWN, 0),
            new Expectation("one class", MetricDefinitions.COVERAGE, Expect.DOWN, 0),
            new Expectation("one image", MetricDefinitions.FID, Expect.UP, 0),
            new Expectation("one image", MetricDefinitions.RECALL, Expect.DOWN, 0),
            new Expectation("one image", MetricDefinitions.COVERAGE, Expect.DOWN, 0),
            new Expectation("one image", MetricDefinitions.DIVERSITY, Expect.BELOW, COLLAPSE_BOUND));

    private ExtractorCheck() {
    }

    /**
     * The two real sets of a check, disjoint and both from images no extractor trained on: {@code reference}, what
     * every set is measured against, and {@code unseen}, the undegraded row and the source of the degradations and of
     * the families made from real images.
     */
    public record RealSets(ImageDataset reference, ImageDataset unseen) {
    }

    /**
     * {@code images} each (half of {@code test} each when it holds fewer than twice that) from one seeded sample of
     * the test split, split in two. The undegraded row used to be a sample of the training split, which every
     * shipped extractor trained on: it hid how many unseen real images an extractor counts out (an emoji candidate
     * counted 7.3% of its training images out and up to 38% of the unseen emoji of a category).
     */
    public static RealSets realSets(ImageDataset test, int images, long seed) {
        if (images < 1 || test.size() < 2) {
            throw new IllegalArgumentException(test.description() + ": expected at least 2 test images and 1 per set, "
                    + "found " + test.size() + " and " + images);
        }
        ImageDataset both = SubsetDataset.sample(test, (int) Math.min(2L * images, test.size()), seed);
        ImageDataset[] parts = SubsetDataset.holdOut(both, 0.5, seed + 1);
        return new RealSets(parts[0], parts[1]);
    }

    /**
     * @param reference real images the sets are measured against (e.g. {@link #realSets}' reference)
     * @param heldOut   other real images of the same data, labelled, that the extractor never trained on: the
     *                  undegraded row ({@link #realSets}' unseen)
     */
    public static Report run(FeatureExtractor extractor, ImageDataset reference, ImageDataset heldOut, long seed) {
        Reference real = Reference.of(ExtractedSet.of(ImageSet.of(reference), extractor, Progress.NONE));
        Map<String, Function<ImageDataset, ImageDataset>> sets = new LinkedHashMap<>();
        sets.put("real", d -> d);
        sets.put("noise 16", d -> Degradations.noise(d, 16, seed));
        sets.put("noise 64", d -> Degradations.noise(d, 64, seed + 1));
        sets.put("blur 1.5", d -> Degradations.blur(d, 1.5));
        sets.put("uniform noise", d -> Degradations.uniformNoise(d, seed + 2));
        sets.put("constant gray", d -> Degradations.constant(d, 128));
        sets.put("one class", d -> Degradations.oneClass(d, 0));
        sets.put("one image", Degradations::oneImage);
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        sets.forEach((name, degrade) -> {
            ExtractedSet set = ExtractedSet.of(ImageSet.of(degrade.apply(heldOut)), extractor, Progress.NONE);
            Map<String, Double> values = new LinkedHashMap<>();
            Evaluation.evaluate(extractor.info(), real, set).metrics().forEach((id, v) -> values.put(id, v.value()));
            metrics.put(name, values);
        });
        List<Row> rows = new ArrayList<>();
        for (Expectation e : EXPECTATIONS) {
            Double value = metrics.get(e.degradation()).get(e.metric());
            Double base = metrics.get("real").get(e.metric());
            double v = value == null ? Double.NaN : value;
            double r = base == null ? Double.NaN : base;
            boolean pass = switch (e.expect()) {
                case UP -> v > r;
                case DOWN -> v < r;
                case BELOW -> v < e.bound();
                case ABOVE_SHARE -> v > e.bound() * r;
            };
            rows.add(new Row(e.degradation(), e.metric(), v, r, e.describe(), pass));
        }
        List<OodRow> ood = new ArrayList<>();
        for (OutOfDistribution.Family f : OutOfDistribution.families()) {
            ExtractedSet set = ExtractedSet.of(ImageSet.of(f.make().apply(heldOut, seed + 100)), extractor,
                    Progress.NONE);
            Map<String, Evaluation.Value> m = Evaluation.evaluate(extractor.info(), real, set).metrics();
            double p = value(m, MetricDefinitions.PRECISION);
            double d = value(m, MetricDefinitions.DENSITY);
            ood.add(new OodRow(f.name(), f.group(), p, d, value(m, MetricDefinitions.RECALL),
                    value(m, MetricDefinitions.COVERAGE), value(m, MetricDefinitions.FID),
                    value(m, MetricDefinitions.OOD_SHARE), p <= OOD_BOUND && d <= OOD_BOUND));
        }
        boolean tuning = groupPassed(ood, OutOfDistribution.Group.TUNING);
        boolean held = groupPassed(ood, OutOfDistribution.Group.HELD_OUT);
        boolean last = groupPassed(ood, OutOfDistribution.Group.FINAL);
        return new Report(extractor.info().name(), extractor.info().sha256(), heldOut.size(), metrics, rows,
                rows.stream().allMatch(Row::pass) && tuning && held && last, ood, tuning, held, last);
    }

    private static boolean groupPassed(List<OodRow> ood, OutOfDistribution.Group group) {
        return ood.stream().filter(r -> r.group() == group).allMatch(OodRow::pass);
    }

    private static double value(Map<String, Evaluation.Value> m, String id) {
        Evaluation.Value v = m.get(id);
        return v == null ? Double.NaN : v.value();
    }
}
