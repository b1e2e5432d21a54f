package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.stats.GaussianStats;
import dev.ganiqa.metrics.stats.KidRealTerms;
import dev.ganiqa.metrics.stats.NeighbourRadii;
import java.util.ArrayList;
import java.util.List;

/**
 * The real reference every set is measured against: the test split's features, their Gaussian statistics
 * and the statistics of each class (for per-class FID), and the k-NN radii of precision/recall and
 * density/coverage (the N x N distance pass that dominated both, about 2 s at N = 10,000) and KID's real-real
 * subset sums, computed once per comparison.
 */
public final class RealSet {
    private final ExtractedSet features;
    private final GaussianStats stats;
    private final List<String> classNames;
    private final List<GaussianStats> classStats = new ArrayList<>();
    private final KidRealTerms kidTerms;
    private NeighbourRadii radii;

    public RealSet(ImageDataset test, FeatureExtractor extractor) {
        this.features = ExtractedSet.of(test, extractor);
        this.stats = GaussianStats.of(features.features());
        this.kidTerms = new KidRealTerms(features.features());
        this.classNames = test.classNames();
        for (int c = 0; c < classNames.size(); c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < test.size(); i++) {
                if (test.label(i) == c) {
                    rows.add(i);
                }
            }
            classStats.add(rows.size() >= Evaluator.MIN_CLASS_IMAGES
                    ? GaussianStats.of(features.select(rows.stream().mapToInt(Integer::intValue).toArray()).features())
                    : null);
        }
    }

    public ExtractedSet features() {
        return features;
    }

    public GaussianStats stats() {
        return stats;
    }

    /** Squared k-NN radii for k = 3 and k = 5, from one pass on first use (sets without KNN metrics skip it). */
    public synchronized NeighbourRadii radii() {
        if (radii == null) {
            radii = NeighbourRadii.forPrdc(features.features());
        }
        return radii;
    }

    /** KID's real-real subset sums, filled by the first set of each sample count and shared by the rest. */
    public KidRealTerms kidTerms() {
        return kidTerms;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** Statistics of the test images of class {@code c}, or null when it has too few images. */
    public GaussianStats classStats(int c) {
        return classStats.get(c);
    }
}
