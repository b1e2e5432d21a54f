package dev.ganiqa.harness.compare;

import dev.ganiqa.trainers.GanVariant;
import dev.ganiqa.trainers.GanVariants;
import dev.ganiqa.trainers.Loss;

/**
 * The duration printed before a comparison starts, from per-batch training costs and per-unit evaluation costs
 * measured on a 2-core machine at 28x28x1, batch 64 (BENCHMARKS.md, "compare" and "The published Fashion-MNIST
 * benchmark"). Larger images scale it by their pixel count; it is a guide for planning, not a promise: machines of
 * this kind have differed by 1.5x from one day to another.
 */
public final class Estimate {
    /**
     * Seconds per training batch of each default recipe: the median epoch time (its learning-curve point, under 1%,
     * included and counted again below) over 937 batches in the Fashion-MNIST benchmark's seed-1 units (60,000
     * images, 2-core VM, 2026-11-30; the median is robust to the few epochs that shared it with builds; BENCHMARKS.md).
     * The conditional recipes pay for the label path and the mode-seeking term's second generator pass (cdcgan 1.5x
     * dcgan, cwgan 1.2x wgan); a DCGAN batch is one D and one G step, a WGAN batch one critic step and a generator
     * step every n_critic batches.
     */
    static final java.util.Map<String, Double> BATCH_SECONDS = java.util.Map.of("dcgan", 0.104, "cdcgan", 0.158,
            "wgan", 0.114, "cwgan", 0.140);
    /** Other variants: by loss, the unconditional recipe's figure. */
    static final double NON_SATURATING_BATCH = 0.104;
    static final double WASSERSTEIN_BATCH = 0.114;
    /** Sampling, PNG writing, features and metrics of one unit, per 1,000 samples. */
    static final double EVALUATION_PER_1000 = 1.5;
    /** One learning-curve point, per 1,000 curve samples. */
    static final double CURVE_PER_1000 = 0.5;
    /** Opening the data, the real reference and the training features. */
    static final double SETUP = 15.0;
    private static final int REFERENCE_TRAIN_SIZE = 60_000;

    private Estimate() {
    }

    /** Estimated seconds for {@code config}, for 28x28 images. */
    public static double seconds(CompareConfig config) {
        int trainSize = config.trainLimit() > 0 ? config.trainLimit() : REFERENCE_TRAIN_SIZE;
        double perEpoch = Math.max(1, trainSize / config.batch());
        double total = SETUP;
        for (String name : config.variants()) {
            GanVariant v = GanVariants.get(name);
            double perBatch = BATCH_SECONDS.getOrDefault(name,
                    v.loss() == Loss.WASSERSTEIN ? WASSERSTEIN_BATCH : NON_SATURATING_BATCH) * config.batch() / 64.0;
            double batches = switch (config.budget().kind()) {
                case EPOCHS -> perEpoch * config.budget().epochs();
                case GENERATOR_STEPS -> (double) config.budget().generatorSteps()
                        * Overrides.apply(v, config.settings()).nCritic();
                case TIME -> config.budget().minutes() * 60 / perBatch;
            };
            double curvePoints = Math.ceil(batches / perEpoch);
            double unit = batches * perBatch + EVALUATION_PER_1000 * config.samples() / 1000.0
                    + CURVE_PER_1000 * config.curveSamples() / 1000.0 * curvePoints;
            total += unit * config.seeds().size();
        }
        return total;
    }

    public static String describe(CompareConfig config) {
        double s = seconds(config);
        return s < 90 ? Math.round(s) + " s" : Math.round(s / 60) + " min";
    }
}
