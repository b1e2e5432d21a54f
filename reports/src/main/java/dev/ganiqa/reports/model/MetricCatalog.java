package dev.ganiqa.reports.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that says which metric ids exist and whether lower or higher is better. The pipeline copies
 * {@link #standard()} into {@link RunResults#metrics()}; statistics and the report read directions from there,
 * so a new metric needs an entry here (or in results.json), never a schema change.
 */
public final class MetricCatalog {
    public static final String FID = "fid";
    /** FID at the best epoch of the per-epoch curve (StudioGAN logs show training peaking before the end). */
    public static final String FID_BEST = "fid_best";
    public static final String KID = "kid";
    public static final String IS = "is";
    public static final String PRECISION = "precision";
    public static final String RECALL = "recall";
    public static final String DENSITY = "density";
    public static final String COVERAGE = "coverage";
    public static final String SHARPNESS = "sharpness";
    public static final String NOISE = "noise";

    private static final List<MetricInfo> STANDARD = List.of(
            new MetricInfo(FID, "FID", Direction.LOWER_IS_BETTER, true,
                    "Frechet distance of feature Gaussians, final epoch (Heusel et al. 2017)"),
            new MetricInfo(FID_BEST, "best FID", Direction.LOWER_IS_BETTER, true,
                    "lowest FID of the per-epoch curve (small sample)"),
            new MetricInfo(KID, "KID", Direction.LOWER_IS_BETTER, true,
                    "kernel inception distance, cubic polynomial kernel (Binkowski et al. 2018)"),
            new MetricInfo(IS, "IS", Direction.HIGHER_IS_BETTER, true,
                    "inception score from the extractor's class probabilities (Salimans et al. 2016)"),
            new MetricInfo(PRECISION, "precision", Direction.HIGHER_IS_BETTER, true,
                    "share of samples inside the real manifold, k=3 (Kynkaanniemi et al. 2019)"),
            new MetricInfo(RECALL, "recall", Direction.HIGHER_IS_BETTER, true,
                    "share of real images inside the sample manifold, k=3 (Kynkaanniemi et al. 2019)"),
            new MetricInfo(DENSITY, "density", Direction.HIGHER_IS_BETTER, true,
                    "density, k=5 (Naeem et al. 2020)"),
            new MetricInfo(COVERAGE, "coverage", Direction.HIGHER_IS_BETTER, true,
                    "coverage, k=5 (Naeem et al. 2020)"),
            new MetricInfo(SHARPNESS, "sharpness", Direction.NEUTRAL, false,
                    "variance of the Laplacian per image; compare with the real row"),
            new MetricInfo(NOISE, "noise", Direction.NEUTRAL, false,
                    "estimated noise sigma per image; compare with the real row"));

    private MetricCatalog() {
    }

    public static List<MetricInfo> standard() {
        return STANDARD;
    }

    public static Optional<MetricInfo> find(List<MetricInfo> metrics, String id) {
        return metrics.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Directions by id, for code that only needs to rank. */
    public static Map<String, Direction> directions(List<MetricInfo> metrics) {
        Map<String, Direction> out = new LinkedHashMap<>();
        metrics.forEach(m -> out.put(m.id(), m.direction()));
        return out;
    }
}
