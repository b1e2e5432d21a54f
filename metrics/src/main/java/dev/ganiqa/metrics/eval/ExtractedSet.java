package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.datasets.SkippedFile;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.FeatureRunner;
import dev.ganiqa.metrics.features.Progress;
import dev.ganiqa.metrics.features.RunSummary;
import dev.ganiqa.metrics.features.RunnerOptions;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.GaussianStats;
import dev.ganiqa.metrics.stats.MomentAccumulator;
import java.util.ArrayList;
import java.util.List;

/**
 * One image set after the feature extractor: the Gaussian statistics of its features (always, streamed through
 * one {@link MomentAccumulator} in set order, the only route to statistics) and, when kept, the feature vectors
 * and class probabilities themselves (KID, precision/recall and density/coverage need the vectors; at the sizes
 * of a comparison, 10,000 x 256 doubles = 20 MB). {@code labels} has one label per row (null when the set is
 * unlabelled); {@code entries} the set index of each row, since undecodable files are left out.
 *
 * @param features      null for a statistics-only pass
 * @param probabilities null without vectors or without a class head
 * @param stats         null when fewer than 2 images were extracted (no covariance)
 */
public record ExtractedSet(int size, GaussianStats stats, FeatureMatrix features, FeatureMatrix probabilities,
                           int[] entries, int[] labels, List<String> classNames, RunSummary summary,
                           double[] rejection) {
    /** Without rejection probabilities (an extractor without a rejection class, a feature file). */
    public ExtractedSet(int size, GaussianStats stats, FeatureMatrix features, FeatureMatrix probabilities,
                        int[] entries, int[] labels, List<String> classNames, RunSummary summary) {
        this(size, stats, features, probabilities, entries, labels, classNames, summary, null);
    }

    /** Every image's features and probabilities kept, with the statistics from the same pass. */
    public static ExtractedSet of(ImageSet set, FeatureExtractor extractor, Progress progress) {
        return run(set, extractor, progress, true);
    }

    /** Statistics only: memory bounded by the batch and the d x d scatter, not by the number of images. */
    public static ExtractedSet statistics(ImageSet set, FeatureExtractor extractor, Progress progress) {
        return run(set, extractor, progress, false);
    }

    private static ExtractedSet run(ImageSet set, FeatureExtractor extractor, Progress progress, boolean keep) {
        int dim = extractor.info().featureDim();
        int classes = extractor.info().classes();
        MomentAccumulator moments = new MomentAccumulator(dim);
        GrowingRows features = keep ? new GrowingRows(dim) : null;
        GrowingRows probabilities = keep && classes > 0 ? new GrowingRows(classes) : null;
        List<Integer> entries = new ArrayList<>();
        List<Float> rejection = new ArrayList<>();
        RunSummary summary = new FeatureRunner(RunnerOptions.defaults()).run(set, extractor, batch -> {
            float[] f = batch.features().features();
            moments.add(f, batch.size());
            if (features != null) {
                features.add(f);
            }
            if (probabilities != null && batch.features().hasProbabilities()) {
                probabilities.add(batch.features().probabilities());
            }
            for (int i : batch.indices()) {
                entries.add(i);
            }
            float[] r = batch.features().rejection();
            if (r != null) {
                for (float v : r) {
                    rejection.add(v);
                }
            }
        }, progress);
        int n = entries.size();
        int[] rows = entries.stream().mapToInt(Integer::intValue).toArray();
        int[] labels = null;
        if (set.hasLabels()) {
            labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = set.label(rows[i]);
            }
        }
        double[] reject = rejection.size() == n && n > 0 ? rejection.stream().mapToDouble(Float::doubleValue).toArray()
                : null;
        return new ExtractedSet(n, n >= 2 ? moments.stats() : null, features == null ? null : features.matrix(n),
                probabilities == null ? null : probabilities.matrix(n), rows, labels, set.classNames(), summary, reject);
    }

    public boolean hasVectors() {
        return features != null;
    }

    public List<SkippedFile> skipped() {
        return summary == null ? List.of() : summary.skipped();
    }

    /** The rows of {@code indices} (e.g. the images of one class); statistics of the subset through the one route. */
    public ExtractedSet select(int[] indices) {
        if (features == null) {
            throw new IllegalStateException("expected feature vectors to select rows, found a statistics-only set");
        }
        FeatureMatrix f = features.select(indices);
        int[] e = new int[indices.length];
        int[] l = labels == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            e[i] = entries[indices[i]];
            if (l != null) {
                l[i] = labels[indices[i]];
            }
        }
        double[] r = null;
        if (rejection != null) {
            r = new double[indices.length];
            for (int i = 0; i < indices.length; i++) {
                r[i] = rejection[indices[i]];
            }
        }
        return new ExtractedSet(indices.length, indices.length >= 2 ? GaussianStats.of(f) : null, f,
                probabilities == null ? null : probabilities.select(indices), e, l, classNames, summary, r);
    }

    /** The most probable class of row {@code row} by the extractor's own classifier, or -1 without one. */
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

    /** Whether each row carries one of {@code classNames} as its label (conditional samples, labelled real images). */
    public boolean labelledWith(List<String> names) {
        return labels != null && classNames.equals(names);
    }

    /**
     * The class of every row for per-class metrics against a reference with classes {@code names}: its label when
     * the set is labelled with them, else the extractor's predicted class; null when neither exists (or no vectors).
     */
    public int[] classGroups(List<String> names) {
        if (names.isEmpty() || features == null) {
            return null;
        }
        if (labelledWith(names)) {
            return labels;
        }
        if (probabilities == null) {
            return null;
        }
        int[] group = new int[size];
        for (int i = 0; i < size; i++) {
            group[i] = predictedClass(i);
        }
        return group;
    }

    /** Features of a matrix already in memory (an .npy file), as an unlabelled set. */
    public static ExtractedSet ofFeatures(FeatureMatrix features) {
        int n = features.rows();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return new ExtractedSet(n, n >= 2 ? GaussianStats.of(features) : null, features, null, rows, null, List.of(),
                null);
    }

    /** Rows of floats appended batch by batch, widened to double once. */
    private static final class GrowingRows {
        private final int cols;
        private double[] data = new double[0];
        private int used;

        GrowingRows(int cols) {
            this.cols = cols;
        }

        void add(float[] values) {
            if (used + values.length > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(used + values.length, data.length * 2));
            }
            for (int i = 0; i < values.length; i++) {
                data[used + i] = values[i];
            }
            used += values.length;
        }

        FeatureMatrix matrix(int rows) {
            return new FeatureMatrix(rows, cols, java.util.Arrays.copyOf(data, rows * cols));
        }
    }
}
