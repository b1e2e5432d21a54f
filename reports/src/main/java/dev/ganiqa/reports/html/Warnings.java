package dev.ganiqa.reports.html;

import dev.ganiqa.reports.model.MetricSummary;
import dev.ganiqa.reports.model.MetricValue;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.VariantSummary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plain-words warnings for variants whose FID ranks a collapsed generator: within-class diversity or recall near
 * zero (means over the seeds that finished), or units the trainer flagged as collapsed; and for variants whose
 * samples the extractor mostly deems outside the data (their precision and density then say nothing). FID alone does not show a
 * conditional generator that draws one image per class (Shahbazi et al., ICLR 2022, "Collapse by Conditioning");
 * the reader needs to be told before reading the ranking.
 */
final class Warnings {
    /**
     * Within-class diversity (1.0 = as diverse as real images of the class) below which a variant draws nearly one
     * image per class: a collapsed cDCGAN measures about 0.1, healthy generators well above half.
     */
    static final double DIVERSITY_NEAR_ZERO = 0.2;
    /** Recall (share of real images inside the sample manifold) below which the samples cover almost nothing. */
    static final double RECALL_NEAR_ZERO = 0.02;
    static final String DIVERSITY = "diversity";
    static final String RECALL = "recall";
    /** A variant with more than this share of samples outside the data by the extractor's out-of-distribution score. */
    static final double OOD_HIGH = 0.5;
    static final String OOD_SHARE = "ood_share";

    private Warnings() {
    }

    static List<String> of(RunResults results) {
        Set<String> variants = new LinkedHashSet<>();
        results.variants().forEach(v -> variants.add(v.variant()));
        results.units().forEach(u -> variants.add(u.variant()));
        List<String> out = new ArrayList<>();
        for (String variant : variants) {
            List<String> evidence = new ArrayList<>();
            boolean perClass = false;
            Double diversity = mean(results, variant, DIVERSITY);
            if (diversity != null && diversity < DIVERSITY_NEAR_ZERO) {
                evidence.add("within-class diversity " + twoDigits(diversity) + " of real, below "
                        + DIVERSITY_NEAR_ZERO);
                perClass = true;
            }
            Double recall = mean(results, variant, RECALL);
            if (recall != null && recall < RECALL_NEAR_ZERO) {
                evidence.add("recall " + twoDigits(recall) + ", below " + RECALL_NEAR_ZERO);
            }
            List<UnitResult> units = results.units().stream().filter(u -> u.variant().equals(variant)).toList();
            List<UnitResult> flagged = units.stream()
                    .filter(u -> u.training() != null && u.training().collapsed()).toList();
            if (!flagged.isEmpty()) {
                evidence.add("the trainer flagged " + flagged.size() + " of " + units.size() + " seeds as collapsed");
                perClass |= flagged.stream().anyMatch(u -> u.training().collapse().byClass());
            }
            if (!evidence.isEmpty()) {
                out.add(variant + (perClass ? " draws nearly one image per class (" : " covers almost none of the real "
                        + "images (") + String.join("; ", evidence) + "): its FID ranks a collapsed generator, not "
                        + "the variety of the data.");
            }
            Double ood = mean(results, variant, OOD_SHARE);
            if (ood != null && ood > OOD_HIGH) {
                out.add(variant + ": " + Math.round(100 * ood) + "% of its samples are outside the data by the "
                        + "extractor's own out-of-distribution score (out-of-distribution share " + twoDigits(ood) + "): its "
                        + "precision and density describe what the extractor cannot represent, not its images.");
            }
        }
        return out;
    }

    /** Two significant digits, no trailing zeros: 0.08, 0.013, 0.15. */
    static String twoDigits(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** The variant's mean over seeds, or over its OK units' values when the statistics lack the metric. */
    private static Double mean(RunResults results, String variant, String metric) {
        for (VariantSummary v : results.variants()) {
            MetricSummary s = v.variant().equals(variant) ? v.metrics().get(metric) : null;
            if (s != null && Double.isFinite(s.mean())) {
                return s.mean();
            }
        }
        double[] values = results.units().stream().filter(u -> u.ok() && u.variant().equals(variant))
                .map(u -> u.metrics().get(metric)).filter(m -> m != null && Double.isFinite(m.value()))
                .mapToDouble(MetricValue::value).toArray();
        return values.length == 0 ? null : java.util.Arrays.stream(values).average().orElseThrow();
    }
}
