package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.DatasetOptions;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.trainers.Budget;
import java.util.List;

/**
 * Everything that decides the numbers of a comparison; stored as compare.json in the run folder so that a
 * rerun continues only an identical comparison.
 *
 * @param dataSpec    the {@code --data} spec
 * @param variants    variant names, in report order
 * @param budget      the equal budget of every unit: epochs (the study's protocol), generator steps or minutes
 * @param trainLimit  training images (0 = all), the same seeded subset for every unit
 * @param seeds       one unit per (variant, seed)
 * @param samples     generated images per unit for the final metrics
 * @param curveSamples generated images per epoch for the learning-curve FID (0 = no curve)
 * @param realLimit   real test images for the reference statistics (0 = the whole test split)
 * @param extractor   feature extractor spec
 * @param batch       training batch size
 * @param preset      the preset the defaults came from
 * @param settings    hyper-parameter overrides, {@code VARIANT.FIELD=VALUE} (see {@link Overrides})
 * @param shape       the training shape {@code HxWxC} every image is adapted to as it is read, or null for the
 *                    data's own (an image folder: its most common size)
 */
public record CompareConfig(String dataSpec, List<String> variants, Budget budget, int trainLimit, List<Long> seeds,
                            int samples, int curveSamples, int realLimit, String extractor, int batch,
                            String preset, List<String> settings, String shape) {
    public CompareConfig {
        variants = List.copyOf(variants);
        settings = settings == null ? List.of() : List.copyOf(settings);
        seeds = List.copyOf(seeds);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("expected at least one variant, found none");
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("expected at least one seed, found none");
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("expected distinct seeds, found " + seeds);
        }
        if (budget == null) {
            throw new IllegalArgumentException("expected a budget, found none");
        }
        if (samples < 10) {
            throw new IllegalArgumentException("expected at least 10 samples per unit, found " + samples);
        }
        if (curveSamples < 0 || trainLimit < 0 || realLimit < 0) {
            throw new IllegalArgumentException("expected non-negative sizes, found curve " + curveSamples
                    + ", train limit " + trainLimit + ", real limit " + realLimit);
        }
        if (shape != null) {
            ImageShape.parse(shape);
        }
        if (batch < 2) {
            throw new IllegalArgumentException("expected a batch size >= 2, found " + batch);
        }
    }

    /** How the data is opened: the default options, with the training shape when one was chosen. */
    public DatasetOptions datasetOptions() {
        DatasetOptions options = DatasetOptions.defaults();
        return shape == null ? options : options.withTarget(ImageShape.parse(shape));
    }

    /**
     * The configuration as it resolves, so that spellings of one comparison are equal: the extractor's alias replaced
     * by the extractor it names, the settings by the hyper-parameters they change ({@link Overrides#canonical}).
     */
    public CompareConfig resolved() {
        return new CompareConfig(dataSpec, variants, budget, trainLimit, seeds, samples, curveSamples, realLimit,
                dev.ganiqa.metrics.features.Extractors.canonical(extractor), batch, preset,
                Overrides.canonical(variants, settings), shape);
    }

    /** The same comparison under another budget. */
    public CompareConfig withBudget(Budget b) {
        return new CompareConfig(dataSpec, variants, b, trainLimit, seeds, samples, curveSamples, realLimit, extractor,
                batch, preset, settings, shape);
    }

    public int units() {
        return variants.size() * seeds.size();
    }
}
