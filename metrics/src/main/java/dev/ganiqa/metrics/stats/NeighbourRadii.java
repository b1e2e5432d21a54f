package dev.ganiqa.metrics.stats;

import java.util.Arrays;

/**
 * The squared k-nearest-neighbour radii r_k(x)^2 of every row of one feature set, for several k at once
 * (prdc's {@code compute_nearest_neighbour_distances}, squared). They depend on that set alone, so a real
 * reference measured against many generated sets computes them once; all the k come from one pass over the
 * N x N distance blocks, the pass that dominates precision/recall and density/coverage at N = 10,000.
 */
public final class NeighbourRadii {
    /** The data array of the set measured: radii are only ever used with the set they were computed from. */
    private final double[] source;
    private final int rows;
    private final int[] ks;
    private final double[][] squared;

    private NeighbourRadii(double[] source, int rows, int[] ks, double[][] squared) {
        this.source = source;
        this.rows = rows;
        this.ks = ks;
        this.squared = squared;
    }

    /** Radii of {@code x} for each of {@code ks} (distinct, 1 <= k < rows). */
    public static NeighbourRadii of(FeatureMatrix x, int... ks) {
        if (ks.length == 0) {
            throw new IllegalArgumentException("expected at least one k, found none");
        }
        int[] sorted = ks.clone();
        Arrays.sort(sorted);
        for (int t = 1; t < sorted.length; t++) {
            if (sorted[t] == sorted[t - 1]) {
                throw new IllegalArgumentException("expected distinct k, found " + Arrays.toString(ks));
            }
        }
        return new NeighbourRadii(x.data(), x.rows(), sorted, PairwiseDistances.kthNeighboursSquared(x, sorted));
    }

    /**
     * Radii computed earlier for {@code x} (and saved with it): {@code squared[t]} holds the squared k-th neighbour
     * distance of every row for {@code ks[t]}, ascending ks.
     */
    public static NeighbourRadii ofSquared(FeatureMatrix x, int[] ks, double[][] squared) {
        if (ks.length == 0 || ks.length != squared.length) {
            throw new IllegalArgumentException("expected one radius array per k, found " + ks.length + " k and "
                    + squared.length + " arrays");
        }
        for (int t = 0; t < ks.length; t++) {
            if (squared[t].length != x.rows() || t > 0 && ks[t] <= ks[t - 1]) {
                throw new IllegalArgumentException("expected ascending k with " + x.rows() + " radii each, found k "
                        + Arrays.toString(ks) + " with " + squared[t].length + " radii");
            }
        }
        return new NeighbourRadii(x.data(), x.rows(), ks.clone(), squared);
    }

    /** The k values these radii were computed for, ascending. */
    public int[] ks() {
        return ks.clone();
    }

    /** The radii for precision/recall (k = 3) and density/coverage (k = 5). */
    public static NeighbourRadii forPrdc(FeatureMatrix x) {
        return of(x, NearestNeighbourMetrics.PRECISION_RECALL_K, NearestNeighbourMetrics.DENSITY_COVERAGE_K);
    }

    public int rows() {
        return rows;
    }

    /** Squared distance of each row to its k-th nearest neighbour (the row itself not counted); shared, not copied. */
    double[] squared(int k) {
        int t = Arrays.binarySearch(ks, k);
        if (t < 0) {
            throw new IllegalArgumentException("expected k in " + Arrays.toString(ks) + ", found k = " + k);
        }
        return squared[t];
    }

    /** A copy of {@link #squared(int)}. */
    public double[] squaredCopy(int k) {
        return squared(k).clone();
    }

    /** Throws unless these are the radii of {@code set} (the same matrix data) with k among them. */
    void check(FeatureMatrix set, int k) {
        if (set.data() != source) {
            throw new IllegalArgumentException("expected the radii of the real set given (" + set.rows()
                    + " samples), found radii of another set (" + rows + " samples)");
        }
        squared(k);
    }
}
