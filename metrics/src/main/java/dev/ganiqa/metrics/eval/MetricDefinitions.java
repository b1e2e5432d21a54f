package dev.ganiqa.metrics.eval;

import dev.ganiqa.metrics.stats.InceptionScore;
import dev.ganiqa.metrics.stats.KidConfig;
import dev.ganiqa.metrics.stats.NearestNeighbourMetrics;
import java.util.List;

/**
 * The metric ids ganiqa computes and their defaults, in one place (as torch-fidelity keeps its defaults in
 * {@code defaults.py}): every command prints them under these ids, results.json keys them so, and the report's
 * catalogue is built from {@link #all()}. The numeric defaults live with their formulas ({@link KidConfig},
 * {@link InceptionScore}, {@link NearestNeighbourMetrics}) and are read from there.
 */
public final class MetricDefinitions {
    public static final String FID = "fid";
    /** FID at the best epoch of a training run's per-epoch curve (StudioGAN logs show training peaking early). */
    public static final String FID_BEST = "fid_best";
    /** FID of a tuning trial's last learning-curve point against the validation split. */
    public static final String FID_VALIDATION = "fid_validation";
    public static final String KID = "kid";
    public static final String IS = "is";
    public static final String PRECISION = "precision";
    public static final String RECALL = "recall";
    public static final String DENSITY = "density";
    public static final String COVERAGE = "coverage";
    /** Share of conditional samples the extractor classifies as the class asked for. */
    public static final String CLASS_CONSISTENCY = "class_consistency";
    /** Total variation distance of the samples' predicted-class histogram from the real one (unconditional sets). */
    public static final String CLASS_BALANCE = "class_balance";
    /**
     * Share of a set the extractor itself deems outside the data: the images whose out-of-distribution score (the
     * graph's {@code rejection} output) exceeds {@link #OOD_THRESHOLD}: the probability of its rejection class
     * (ganiqa-fmnist-v2 and later), with a rotation head (ganiqa-fmnist-v6, v8) the larger of that and half the
     * rotation surprise over its calibrated threshold ({@link dev.ganiqa.metrics.features.train.RotationPretext}).
     */
    public static final String OOD_SHARE = "ood_share";
    public static final double OOD_THRESHOLD = 0.5;
    /** An OOD share above this makes a set's precision and density a description of the extractor, not of the set. */
    public static final double OOD_WARNING = 0.5;
    /** Within-class diversity relative to real images of the class, averaged over classes (1 = as real). */
    public static final String DIVERSITY = "diversity";
    /** Mean per-image variance of the Laplacian (the study's "blur"). */
    public static final String SHARPNESS = "sharpness";
    /** Mean per-image Immerkaer noise sigma (the study's "RGB noise"). */
    public static final String NOISE = "noise";
    /** Signed 1-Wasserstein distance of per-image sharpness to the real images' ({@code PrimaryMeasures}). */
    public static final String SHARPNESS_SHIFT = "sharpness_shift";
    /** Signed 1-Wasserstein distance of per-image background noise to the real images' ({@code PrimaryMeasures}). */
    public static final String NOISE_SHIFT = "noise_shift";
    /** Colour sets only: chroma noise where the real images are flat, against the real images (signed). */
    public static final String CHROMA_SHIFT = "chroma_shift";
    /** Colour sets only: per-image mean HSV saturation against the real images (signed). */
    public static final String SATURATION_SHIFT = "saturation_shift";
    /** Colour sets only: circular distance of the hue histograms to the real images', in degrees. */
    public static final String HUE_DISTANCE = "hue_distance";

    /** torch-fidelity's seed for the shuffle before cutting the IS splits ({@code defaults.py}, rng_seed 2020). */
    public static final long IS_SHUFFLE_SEED = 2020;
    /** Below this many images of a class in either set, its FID would be mostly noise: left out. */
    public static final int MIN_CLASS_IMAGES = 20;

    /** Which way is better. */
    public enum Direction { LOWER_IS_BETTER, HIGHER_IS_BETTER, NEUTRAL }

    /**
     * One metric: its id, column label, direction, whether its value depends on the feature extractor (then it is
     * always shown with the extractor's name), and a one-line description with its source and defaults.
     */
    public record Definition(String id, String label, Direction direction, boolean extractorBased,
                             String description) {
    }

    private static final KidConfig KID_DEFAULTS = KidConfig.defaults();
    private static final List<Definition> ALL = List.of(
            new Definition(FID, "FID", Direction.LOWER_IS_BETTER, true,
                    "Frechet distance of feature Gaussians, final epoch (Heusel et al. 2017)"),
            new Definition(FID_BEST, "best FID", Direction.LOWER_IS_BETTER, true,
                    "lowest FID of the per-epoch curve (small sample)"),
            new Definition(FID_VALIDATION, "validation FID", Direction.LOWER_IS_BETTER, true,
                    "FID of the last learning-curve point against the validation split: what tuning chooses by"),
            new Definition(KID, "KID", Direction.LOWER_IS_BETTER, true,
                    "kernel inception distance, cubic polynomial kernel, " + KID_DEFAULTS.subsets() + " subsets of "
                            + KID_DEFAULTS.subsetSize() + " (Binkowski et al. 2018)"),
            new Definition(IS, "IS", Direction.HIGHER_IS_BETTER, true,
                    "inception score from the extractor's class probabilities, " + InceptionScore.DEFAULT_SPLITS
                            + " splits (Salimans et al. 2016)"),
            new Definition(PRECISION, "precision", Direction.HIGHER_IS_BETTER, true,
                    "share of samples inside the real manifold, k=" + NearestNeighbourMetrics.PRECISION_RECALL_K
                            + " (Kynkaanniemi et al. 2019); samples the extractor rejects count as outside"),
            new Definition(RECALL, "recall", Direction.HIGHER_IS_BETTER, true,
                    "share of real images inside the sample manifold, k=" + NearestNeighbourMetrics.PRECISION_RECALL_K
                            + " (Kynkaanniemi et al. 2019), from the samples the extractor does not reject"),
            new Definition(DENSITY, "density", Direction.HIGHER_IS_BETTER, true,
                    "density, k=" + NearestNeighbourMetrics.DENSITY_COVERAGE_K + " (Naeem et al. 2020); samples the extractor rejects count as outside"),
            new Definition(COVERAGE, "coverage", Direction.HIGHER_IS_BETTER, true,
                    "coverage, k=" + NearestNeighbourMetrics.DENSITY_COVERAGE_K + " (Naeem et al. 2020), by the samples the extractor does not reject"),
            new Definition(OOD_SHARE, "out-of-distribution share", Direction.LOWER_IS_BETTER, true,
                    "share of samples the extractor deems outside the data: its out-of-distribution score (the "
                            + "probability of its rejection class, and with a rotation head the surprise at the "
                            + "sample's orientation over its calibrated threshold, halved) exceeds " + OOD_THRESHOLD
                            + "; such samples count as outside the real manifold in "
                            + "precision, density, recall and coverage"),
            new Definition(CLASS_CONSISTENCY, "class consistency", Direction.HIGHER_IS_BETTER, true,
                    "share of conditional samples classified as the requested class"),
            new Definition(CLASS_BALANCE, "class balance", Direction.LOWER_IS_BETTER, true,
                    "total variation distance of the predicted-class histogram from the real one"),
            new Definition(DIVERSITY, "diversity", Direction.NEUTRAL, true,
                    "within-class mean pairwise feature distance relative to real images (1 = as diverse as real, "
                            + "near 0 = one image per class; Mao et al. 2019)"),
            new Definition(SHARPNESS, "sharpness", Direction.NEUTRAL, false,
                    "variance of the Laplacian per image; compare with the real row"),
            new Definition(NOISE, "noise", Direction.NEUTRAL, false,
                    "estimated noise sigma per image; compare with the real row"),
            new Definition(SHARPNESS_SHIFT, "sharpness shift", Direction.NEUTRAL, false,
                    "per-image Tenengrad against the real test images, signed 1-Wasserstein distance: below 0 "
                            + "blurrier than real, above 0 sharper (or noisier)"),
            new Definition(NOISE_SHIFT, "noise shift", Direction.NEUTRAL, false,
                    "per-image noise where the real test images are flat (mean gray-level deviation), signed "
                            + "1-Wasserstein distance: above 0 noisier than real; Immerkaer sigma without a flat "
                            + "background"),
            new Definition(CHROMA_SHIFT, "chroma shift", Direction.NEUTRAL, false,
                    "colour images only: per-image Immerkaer sigma of the Cb and Cr planes where the real test images "
                            + "are flat, signed 1-Wasserstein distance to the real images: above 0 more colour (RGB) "
                            + "noise than real; whole-image chroma noise without a flat background"),
            new Definition(SATURATION_SHIFT, "saturation shift", Direction.NEUTRAL, false,
                    "colour images only: per-image mean HSV saturation (OpenCV 8-bit RGB2HSV, 0..255), signed "
                            + "1-Wasserstein distance to the real images: below 0 more washed out than real, above 0 "
                            + "more saturated"),
            new Definition(HUE_DISTANCE, "hue distance", Direction.LOWER_IS_BETTER, false,
                    "colour images only: circular 1-Wasserstein distance in degrees between the hue histograms "
                            + "(pixels of saturation and value at least 0.2) of the set and of the real images "
                            + "(Rabin et al. 2011); 0 for the same palette"));

    private MetricDefinitions() {
    }

    public static List<Definition> all() {
        return ALL;
    }

    /** The metrics computed from feature vectors of both sets (not from statistics alone). */
    public static List<String> needingVectors() {
        return List.of(KID, PRECISION, RECALL, DENSITY, COVERAGE);
    }
}
