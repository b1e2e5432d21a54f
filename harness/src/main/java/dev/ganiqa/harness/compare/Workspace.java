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
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What every unit of a comparison shares, derived from its configuration alone: the seeded training subset, the
 * real test split, the extractor, the real reference and the training features (for the memorisation panel).
 * The local executor opens it once for all units; each Slurm array task opens its own, and gets the same data
 * because every subset is drawn from a fixed seed.
 */
final class Workspace implements AutoCloseable {
    final CompareConfig config;
    final DatasetSource source;
    final ImageDataset train;
    final ImageDataset test;
    final FeatureExtractor extractor;
    private final Consumer<String> notice;
    private Evaluator evaluator;
    private ExtractedSet trainFeatures;

    private Workspace(CompareConfig config, DatasetSource source, ImageDataset[] splits, FeatureExtractor extractor,
                      Consumer<String> notice) {
        this.config = config;
        this.source = source;
        this.train = splits[0];
        this.test = splits[1];
        this.extractor = extractor;
        this.notice = notice;
    }

    static Workspace open(CompareConfig config, Map<String, String> env, Consumer<String> notice) {
        DatasetSource source = Datasets.open(config.dataSpec(), config.datasetOptions());
        ImageDataset[] splits = splits(config, source, notice);
        return new Workspace(config, source, splits, Extractors.open(config.extractor(), env), notice);
    }

    /** The real reference (test features) and the evaluator on it, computed on first use. */
    Evaluator evaluator() {
        if (evaluator == null) {
            notice.accept("extractor " + extractor.info().label() + "; " + FeatureRunner.adaptation(test, extractor));
            notice.accept("real reference: " + test.description() + ", " + test.size() + " images");
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            evaluator = new Evaluator(Evaluator.reference(test, extractor), extractor, threads);
        }
        return evaluator;
    }

    UnitRunner units(Path runDir) throws InterruptedException {
        Evaluator e = evaluator();
        if (trainFeatures == null) {
            notice.accept("training subset: " + train.description() + ", " + train.size() + " images");
            trainFeatures = ExtractedSet.of(ImageSet.of(train), extractor, Progress.NONE);
        }
        return new UnitRunner(config, train, e, trainFeatures, runDir);
    }

    /** [train, test]: the source's own test split, or a seeded held-out share of its images. */
    static ImageDataset[] splits(CompareConfig config, DatasetSource source, Consumer<String> notice) {
        ImageDataset all = source.open(Split.TRAIN);
        ImageDataset fullTrain;
        ImageDataset test;
        if (source.splits().contains(Split.TEST)) {
            fullTrain = all;
            test = source.open(Split.TEST);
        } else {
            ImageDataset[] parts = SubsetDataset.holdOut(all, Comparison.HOLDOUT, Comparison.SUBSET_SEED);
            fullTrain = parts[0];
            test = parts[1];
            notice.accept(source.spec() + " has no test split: holding out " + test.size()
                    + " images as the real reference");
        }
        return new ImageDataset[] {SubsetDataset.sample(fullTrain, config.trainLimit(), Comparison.SUBSET_SEED),
            SubsetDataset.sample(test, config.realLimit(), Comparison.SUBSET_SEED)};
    }

    @Override
    public void close() {
        extractor.close();
    }
}
