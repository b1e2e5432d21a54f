package dev.ganiqa.metrics.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganiqa.datasets.AtomicFiles;
import dev.ganiqa.metrics.io.NumpyFiles;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.GaussianStats;
import dev.ganiqa.metrics.stats.KidConfig;
import dev.ganiqa.metrics.stats.NeighbourRadii;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real {@link Reference} saved once and read by many processes (the array tasks of a comparison on a cluster),
 * so the work that depends on the real set alone is done once: the feature vectors and class probabilities
 * ({@code features.npy}, {@code probabilities.npy}), the k-NN radii of precision/recall and density/coverage
 * ({@code radii.npy}) and KID's real-real subset sums for one generated-set size ({@code kid-sums.npy}); labels,
 * class names and what the sums are for in {@code reference.json}. Features are float64 copies of the extractor's
 * float32 output, so the statistics recomputed on reading fold the same rows in the same order: the same bits as
 * the reference they were saved from, and so are the radii and the sums.
 */
public final class ReferenceFiles {
    /** Bumped when the layout changes: a folder of another format is not read. */
    static final String FORMAT = "ganiqa-reference-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What reference.json holds. */
    public record Meta(String format, int rows, int dim, List<String> classNames, int[] labels, int[] entries, int[] ks,
                String adaptation, int kidGenerated, int kidSubsets, int kidSubsetSize, long kidSeed) {
    }

    private ReferenceFiles() {
    }

    /**
     * Saves {@code reference} (which must hold its feature vectors) with its radii and the KID sums for generated
     * sets of {@code generated} images.
     */
    public static void write(Reference reference, int generated, Path dir) throws IOException {
        ExtractedSet set = reference.set();
        if (set == null || !set.hasVectors()) {
            throw new IllegalArgumentException("expected a reference with its feature vectors, found statistics only");
        }
        Files.createDirectories(dir);
        NumpyFiles.writeFeatures(dir.resolve("features.npy"), set.features());
        if (set.probabilities() != null) {
            NumpyFiles.writeFeatures(dir.resolve("probabilities.npy"), set.probabilities());
        }
        NeighbourRadii radii = reference.radii();
        int[] ks = radii.ks();
        double[] packed = new double[ks.length * set.size()];
        for (int t = 0; t < ks.length; t++) {
            System.arraycopy(radii.squaredCopy(ks[t]), 0, packed, t * set.size(), set.size());
        }
        NumpyFiles.writeFeatures(dir.resolve("radii.npy"), new FeatureMatrix(ks.length, set.size(), packed));
        KidConfig kid = Evaluation.kidConfig(generated, set.size());
        double[] sums = reference.kidTerms().sumsFor(kid, kid.subsetSize(), generated, kid.subsetSize());
        NumpyFiles.writeFeatures(dir.resolve("kid-sums.npy"), new FeatureMatrix(1, sums.length, sums));
        Meta meta = new Meta(FORMAT, set.size(), set.features().cols(), set.classNames(), set.labels(), set.entries(),
                ks, reference.adaptation(), generated, kid.subsets(), kid.subsetSize(), kid.seed());
        AtomicFiles.write(dir.resolve("reference.json"), out -> JSON.writeValue(out, meta));
    }

    /** The saved reference, with its radii and KID sums preloaded; the same numbers as the one saved. */
    public static Reference read(Path dir) throws IOException {
        Meta meta = JSON.readValue(dir.resolve("reference.json").toFile(), Meta.class);
        if (!FORMAT.equals(meta.format())) {
            throw new IOException(dir.resolve("reference.json") + ": expected format " + FORMAT + ", found "
                    + meta.format());
        }
        FeatureMatrix features = NumpyFiles.readFeatures(dir.resolve("features.npy"));
        if (features.rows() != meta.rows() || features.cols() != meta.dim()) {
            throw new IOException(dir.resolve("features.npy") + ": expected " + meta.rows() + " x " + meta.dim()
                    + " features, found " + features.rows() + " x " + features.cols());
        }
        Path probabilities = dir.resolve("probabilities.npy");
        FeatureMatrix p = Files.exists(probabilities) ? NumpyFiles.readFeatures(probabilities) : null;
        ExtractedSet set = new ExtractedSet(meta.rows(), GaussianStats.of(features), features, p, meta.entries(),
                meta.labels(), meta.classNames() == null ? List.of() : meta.classNames(), null);
        Reference reference = Reference.of(set, meta.adaptation());
        FeatureMatrix packed = NumpyFiles.readFeatures(dir.resolve("radii.npy"));
        double[][] squared = new double[meta.ks().length][];
        for (int t = 0; t < squared.length; t++) {
            squared[t] = java.util.Arrays.copyOfRange(packed.data(), t * meta.rows(), (t + 1) * meta.rows());
        }
        reference.preloadRadii(NeighbourRadii.ofSquared(features, meta.ks(), squared));
        KidConfig kid = new KidConfig(meta.kidSubsets(), meta.kidSubsetSize(), meta.kidSeed());
        reference.kidTerms().preload(kid, kid.subsetSize(), meta.kidGenerated(), kid.subsetSize(),
                NumpyFiles.readFeatures(dir.resolve("kid-sums.npy")).data());
        return reference;
    }
}
