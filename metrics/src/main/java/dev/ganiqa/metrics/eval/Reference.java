package dev.ganiqa.metrics.eval;

import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.GaussianStats;
import dev.ganiqa.metrics.stats.KidRealTerms;
import dev.ganiqa.metrics.stats.NeighbourRadii;
import java.util.ArrayList;
import java.util.List;

/**
 * The real set every generated set is measured against, with the work that depends on it alone done once and
 * shared (Tribuo's metric context): its Gaussian statistics, the statistics of each class (per-class FID), and,
 * when the feature vectors are known, the k-NN radii of precision/recall and density/coverage (the N x N distance
 * pass, about 2 s at N = 10,000) and KID's real-real subset sums. A reference from a statistics file has only
 * the statistics: FID and IS can be computed against it, the vector metrics cannot.
 */
public final class Reference {
    private final ExtractedSet set;
    private final GaussianStats stats;
    private final List<GaussianStats> classStats;
    private final KidRealTerms kidTerms;
    private NeighbourRadii radii;
    private double[] classSpreads;

    private final String adaptation;

    private Reference(ExtractedSet set, GaussianStats stats, String adaptation) {
        this.set = set;
        this.adaptation = adaptation;
        this.stats = stats;
        this.classStats = new ArrayList<>();
        this.kidTerms = set != null && set.hasVectors() && set.size() >= 2 ? new KidRealTerms(set.features()) : null;
        if (set != null && set.labels() != null && set.hasVectors()) {
            for (int c = 0; c < set.classNames().size(); c++) {
                int[] rows = rowsOf(set.labels(), c);
                classStats.add(rows.length >= MetricDefinitions.MIN_CLASS_IMAGES ? set.select(rows).stats() : null);
            }
        }
    }

    /** A real image set after the extractor (vectors kept for every metric, or statistics only for FID). */
    public static Reference of(ExtractedSet real) {
        if (real.stats() == null) {
            throw new IllegalArgumentException("expected at least 2 real images for a covariance, found " + real.size());
        }
        return new Reference(real, real.stats(), real.summary() != null ? real.summary().adaptation() : null);
    }

    /** A real set read back from files ({@link ReferenceFiles}), with how its images had been adapted. */
    static Reference of(ExtractedSet real, String adaptation) {
        if (real.stats() == null) {
            throw new IllegalArgumentException("expected at least 2 real images for a covariance, found " + real.size());
        }
        return new Reference(real, real.stats(), adaptation);
    }

    /** Statistics alone (an .npz file): FID and IS only. */
    public static Reference ofStats(GaussianStats stats) {
        return new Reference(null, stats, null);
    }

    public GaussianStats stats() {
        return stats;
    }

    /** The real feature vectors, or null when only statistics are known. */
    public FeatureMatrix features() {
        return set != null && set.hasVectors() ? set.features() : null;
    }

    /** Number of real images (0 when a statistics file did not record it). */
    public long size() {
        return set != null ? set.size() : stats.n();
    }

    /** How the real images were adapted to the extractor, or null when the reference is a file. */
    public String adaptation() {
        return adaptation;
    }

    public List<String> classNames() {
        return set != null && set.labels() != null ? set.classNames() : List.of();
    }

    /** Statistics of the real images of class {@code c}, or null when it has too few. */
    public GaussianStats classStats(int c) {
        return c < classStats.size() ? classStats.get(c) : null;
    }

    /** Share of the real images in each class (label histogram); empty without classes. */
    public double[] classShares() {
        List<String> names = classNames();
        double[] shares = new double[names.size()];
        for (int label : names.isEmpty() ? new int[0] : set.labels()) {
            shares[label] += 1.0 / set.size();
        }
        return shares;
    }

    /** Mean pairwise feature distance of the real images of class {@code c} (within-class diversity), cached. */
    public synchronized double classSpread(int c) {
        if (classSpreads == null) {
            classSpreads = new double[classNames().size()];
            for (int k = 0; k < classSpreads.length; k++) {
                int[] rows = rowsOf(set.labels(), k);
                classSpreads[k] = rows.length >= ClassMetrics.MIN_PER_CLASS
                        ? ClassMetrics.spread(set.features(), rows) : Double.NaN;
            }
        }
        return c < classSpreads.length ? classSpreads[c] : Double.NaN;
    }

    /** Radii computed earlier for these features (a saved reference), so they are not computed again. */
    public synchronized void preloadRadii(NeighbourRadii saved) {
        radii = saved;
    }

    /** The reference's images after the extractor (null for a statistics-only reference). */
    public ExtractedSet set() {
        return set;
    }

    /** Squared k-NN radii for both k, from one pass on first use (sets without vector metrics skip it). */
    public synchronized NeighbourRadii radii() {
        if (radii == null) {
            radii = NeighbourRadii.forPrdc(features());
        }
        return radii;
    }

    /** KID's real-real subset sums, filled by the first set of each sample count and shared by the rest. */
    public KidRealTerms kidTerms() {
        return kidTerms;
    }

    static int[] rowsOf(int[] labels, int c) {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
    }
}
