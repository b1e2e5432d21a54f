package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.metrics.eval.ExtractedSet;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.FeatureRunner;
import dev.ganiqa.metrics.features.Progress;
import dev.ganiqa.metrics.eval.Reference;
import dev.ganiqa.metrics.eval.ReferenceFiles;
import dev.ganiqa.metrics.io.NumpyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What every unit of a comparison shares, derived from its configuration alone: the seeded training subset, the
 * real test split, the extractor, the real reference and the training features (for the memorisation panel).
 * The local executor opens it once for all units. On a cluster the coordinator computes the real reference (with
 * its k-NN radii and KID sums) and the training features once and saves them ({@link #share}); each array task
 * reads them ({@link #readingShared}) and re-derives only the seeded subsets, which are the same everywhere.
 */
public final class Workspace implements AutoCloseable {
    final CompareConfig config;
    public final DatasetSource source;
    public final ImageDataset train;
    /** The validation split: learning curves, best epochs, convergence and every tuning choice use it. */
    public final ImageDataset validation;
    /** The test split: used once, for the reported numbers. */
    public final ImageDataset test;
    public final FeatureExtractor extractor;
    /** TF threads of the extractor, the trainer and the image measures of this process. */
    final int threads;
    private final Consumer<String> notice;
    /** Where the coordinator of a cluster run saved the shared work; read by units instead of computing it. */
    static final String SHARED = "shared";
    /** The validation split's statistics (float64 mean and covariance), all a learning-curve point needs. */
    static final String VALIDATION_STATS = "validation.npz";
    private UnitEvaluator evaluator;
    private UnitEvaluator validationEvaluator;
    private ExtractedSet trainFeatures;
    private Path shared;

    private Workspace(CompareConfig config, DatasetSource source, ImageDataset[] splits, FeatureExtractor extractor,
                      int threads, Consumer<String> notice) {
        this.config = config;
        this.threads = threads;
        this.source = source;
        this.train = splits[0];
        this.validation = splits[1];
        this.test = splits[2];
        this.extractor = extractor;
        this.notice = notice;
    }

    /** With every core of the machine, as the comparing process of a sequential or a cluster run uses it. */
    public static Workspace open(CompareConfig config, Map<String, String> env, Consumer<String> notice) {
        return open(config, env, Math.max(1, Runtime.getRuntime().availableProcessors()), notice);
    }

    /**
     * With {@code threads} TF threads for everything this process runs. The extractor's session is the process's
     * first, so its pool sizes are also those TF's global pools take.
     */
    static Workspace open(CompareConfig config, Map<String, String> env, int threads, Consumer<String> notice) {
        DatasetSource source = Datasets.open(config.dataSpec(), config.datasetOptions());
        ImageDataset[] splits = splits(config, source, notice);
        return new Workspace(config, source, splits, Extractors.open(config.extractor(), env, threads), threads,
                notice);
    }

    /** Units of {@code runDir} read the real reference and training features its coordinator saved, if it did. */
    Workspace readingShared(Path runDir) {
        shared = runDir.resolve(SHARED);
        return this;
    }

    /** Whether the coordinator of {@code runDir} has saved the shared work. */
    public static boolean isShared(Path runDir) {
        return Files.isRegularFile(runDir.resolve(SHARED).resolve("reference").resolve("reference.json"))
                && Files.isRegularFile(runDir.resolve(SHARED).resolve(VALIDATION_STATS))
                && Files.isRegularFile(runDir.resolve(SHARED).resolve("train-features.npy"));
    }

    /**
     * Saves what every unit shares, once: the real reference with its k-NN radii and KID sums for this sample
     * count ({@link ReferenceFiles}) and the training subset's features (the memorisation panel).
     */
    public void share(Path runDir) throws IOException {
        Path dir = runDir.resolve(SHARED);
        ReferenceFiles.write(evaluator().reference(), config.samples(), dir.resolve("reference"));
        NumpyFiles.writeStats(dir.resolve(VALIDATION_STATS), validationEvaluator().reference().stats());
        NumpyFiles.writeFeatures(dir.resolve("train-features.npy"), trainFeatures().features());
        notice.accept("shared work saved in " + dir + " (real reference, k-NN radii, KID sums, validation statistics, "
                + "training features)");
    }

    /** The real reference (test features) and the evaluator on it, computed (or read) on first use. */
    public UnitEvaluator evaluator() {
        if (evaluator == null && shared != null && isShared(shared.getParent())) {
            try {
                Reference saved = ReferenceFiles.read(shared.resolve("reference"));
                notice.accept("real reference: read from " + shared.resolve("reference") + ", " + saved.size()
                        + " images");
                evaluator = new UnitEvaluator(saved, extractor, threads, primaryMeasures());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the shared reference in " + shared + ": "
                        + e.getMessage(), e);
            }
        }
        if (evaluator == null) {
            notice.accept("extractor " + extractor.info().label() + "; " + FeatureRunner.adaptation(test, extractor));
            notice.accept("real reference: " + test.description() + ", " + test.size() + " images");
            evaluator = new UnitEvaluator(UnitEvaluator.reference(test, extractor), extractor, threads, primaryMeasures());
        }
        return evaluator;
    }

    /** The test images' per-image measures, for every set's signed sharpness and noise shifts. */
    private dev.ganiqa.metrics.image.PrimaryMeasures primaryMeasures() {
        try {
            return UnitEvaluator.primaryMeasures(test, threads);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the test images", e);
        }
    }

    /**
     * The validation split as the reference of learning curves (statistics only: a curve point needs FID and its
     * spread), computed (or read) on first use.
     */
    UnitEvaluator validationEvaluator() {
        if (validationEvaluator == null && shared != null && Files.isRegularFile(shared.resolve(VALIDATION_STATS))) {
            try {
                validationEvaluator = new UnitEvaluator(Reference.ofStats(NumpyFiles.readStats(
                        shared.resolve(VALIDATION_STATS))), extractor, threads);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the shared validation reference in " + shared + ": "
                        + e.getMessage(), e);
            }
        }
        if (validationEvaluator == null) {
            notice.accept("validation reference: " + validation.description() + ", " + validation.size() + " images");
            validationEvaluator = new UnitEvaluator(Reference.ofStats(ExtractedSet.statistics(ImageSet.of(validation),
                    extractor, Progress.NONE).stats()), extractor, threads);
        }
        return validationEvaluator;
    }

    /**
     * The units of a tuning search: learning curves on the validation split, no test reference (the test split is
     * never evaluated while tuning).
     */
    UnitRunner tuningUnits(Path runDir) {
        return new UnitRunner(config, train, null, validationEvaluator(), null, runDir, threads);
    }

    /** Saves the validation statistics for a tuning search's workers (all they read). */
    void shareValidation(Path runDir) throws IOException {
        Path dir = runDir.resolve(SHARED);
        Files.createDirectories(dir);
        NumpyFiles.writeStats(dir.resolve(VALIDATION_STATS), validationEvaluator().reference().stats());
    }

    UnitRunner units(Path runDir) throws InterruptedException {
        return new UnitRunner(config, train, evaluator(), validationEvaluator(), trainFeatures(), runDir, threads);
    }

    private ExtractedSet trainFeatures() {
        if (trainFeatures == null) {
            notice.accept("training subset: " + train.description() + ", " + train.size() + " images");
            Path saved = shared == null ? null : shared.resolve("train-features.npy");
            if (saved != null && Files.isRegularFile(saved)) {
                try {
                    trainFeatures = ExtractedSet.ofFeatures(NumpyFiles.readFeatures(saved));
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot read " + saved + ": " + ex.getMessage(), ex);
                }
            } else {
                trainFeatures = ExtractedSet.of(ImageSet.of(train), extractor, Progress.NONE);
            }
        }
        return trainFeatures;
    }

    /**
     * [train, validation, test]. Test: the source's own test split, or a seeded {@link #HOLDOUT} of its
     * images. Validation: a seeded {@link #VALIDATION} of the rest (10,000 of Fashion-MNIST's 60,000 training
     * images), never trained on. Train: the seeded training subset of what is left. The three are disjoint.
     */
    static ImageDataset[] splits(CompareConfig config, DatasetSource source, Consumer<String> notice) {
        ImageDataset all = source.open(Split.TRAIN);
        ImageDataset pool;
        ImageDataset test;
        if (source.splits().contains(Split.TEST)) {
            pool = all;
            test = source.open(Split.TEST);
        } else {
            ImageDataset[] parts = SubsetDataset.holdOut(all, HOLDOUT, SUBSET_SEED);
            pool = parts[0];
            test = parts[1];
            notice.accept(source.spec() + " has no test split: holding out " + test.size()
                    + " images as the real reference");
        }
        ImageDataset[] parts = SubsetDataset.holdOut(pool, VALIDATION, SUBSET_SEED + 2);
        return new ImageDataset[] {SubsetDataset.sample(parts[0], config.trainLimit(), SUBSET_SEED),
            SubsetDataset.sample(parts[1], config.realLimit(), SUBSET_SEED),
            SubsetDataset.sample(test, config.realLimit(), SUBSET_SEED)};
    }

    /** The validation share of the training pool: 1/6, so Fashion-MNIST's 60,000 give 50,000 and 10,000. */
    static final double VALIDATION = 1.0 / 6;
    /** Seed of the training subset and of the held-out split: fixed, so every unit and rerun sees the same data. */
    static final long SUBSET_SEED = 20_221_122L;
    /** Share of a source without a test split that is held out as the real reference. */
    static final double HOLDOUT = 0.1;


    @Override
    public void close() {
        extractor.close();
    }
}
