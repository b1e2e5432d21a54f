package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.FeatureRunner;
import dev.ganiqa.metrics.features.Progress;
import dev.ganiqa.metrics.features.RunSummary;
import dev.ganiqa.metrics.features.RunnerOptions;
import dev.ganiqa.metrics.stats.FeatureMatrix;

/**
 * The features (and class probabilities, when the extractor has a class head) of every image of one set, in
 * dataset order. Kept in memory because KID, precision/recall and nearest neighbours need the vectors, not only
 * their Gaussian statistics; at the sizes of a comparison (10,000 x 256 doubles = 20 MB) that is cheap.
 *
 * @param probabilities null when the extractor has no class head
 */
public record ExtractedSet(FeatureMatrix features, FeatureMatrix probabilities, RunSummary summary) {
    public int size() {
        return features.rows();
    }

    /** The rows of {@code indices}, e.g. the images of one class. */
    public ExtractedSet select(int[] indices) {
        return new ExtractedSet(features.select(indices), probabilities == null ? null : probabilities.select(indices),
                summary);
    }

    /** The most probable class of image {@code row} by the extractor's own classifier, or -1 without one. */
    public int predictedClass(int row) {
        if (probabilities == null) {
            return -1;
        }
        int best = 0;
        for (int k = 1; k < probabilities.cols(); k++) {
            if (probabilities.get(row, k) > probabilities.get(row, best)) {
                best = k;
            }
        }
        return best;
    }

    /** Streams {@code data} through {@code extractor} and keeps every feature row. */
    public static ExtractedSet of(ImageDataset data, FeatureExtractor extractor) {
        return of(data, extractor, Progress.NONE);
    }

    /** As {@link #of(ImageDataset, FeatureExtractor)}, reporting after every batch. */
    public static ExtractedSet of(ImageDataset data, FeatureExtractor extractor, Progress progress) {
        int n = data.size();
        int dim = extractor.info().featureDim();
        int classes = extractor.info().classes();
        double[] features = new double[n * dim];
        double[] probabilities = classes > 0 ? new double[n * classes] : null;
        RunSummary summary = new FeatureRunner(RunnerOptions.defaults()).run(data, extractor, batch -> {
            int first = batch.indices()[0];
            float[] f = batch.features().features();
            for (int i = 0; i < f.length; i++) {
                features[first * dim + i] = f[i];
            }
            if (probabilities != null && batch.features().hasProbabilities()) {
                float[] p = batch.features().probabilities();
                for (int i = 0; i < p.length; i++) {
                    probabilities[first * classes + i] = p[i];
                }
            }
        }, progress);
        return new ExtractedSet(new FeatureMatrix(n, dim, features),
                probabilities == null ? null : new FeatureMatrix(n, classes, probabilities), summary);
    }
}
