package dev.ganiqa.metrics.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganiqa.datasets.AtomicFiles;
import dev.ganiqa.metrics.io.NumpyFiles;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The real side's feature vectors, kept between runs as the {@link StatsCache} keeps statistics (same root, same
 * key: content sha256, split, extractor sha256), so KID, precision/recall and density/coverage against a reference
 * do not extract it again (torch-fidelity and StudioGAN cache features the same way). One folder per key:
 * {@code features.npy}, {@code probabilities.npy} when the extractor has a class head, and {@code set.json}
 * (labels, class names, rows kept, how the images were adapted), {@code set.json} written last so a folder without
 * it is ignored. Features are the extractor's float32 values stored as float64; the statistics recomputed on
 * reading fold the same rows in the same order, so a cached reference gives the same numbers to the last bit.
 */
public final class FeatureCache {
    static final String FORMAT = "ganiqa-features-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    /** What set.json holds. */
    public record Meta(String format, int rows, int dim, List<String> classNames, int[] labels, int[] entries,
                       String adaptation) {
    }

    public FeatureCache(Path dir) {
        this.dir = dir;
    }

    /** Beside {@code stats} under the same root ({@code GANIQA_CACHE}, else ~/.cache/ganiqa): {@code features/}. */
    public static FeatureCache beside(StatsCache stats) {
        return new FeatureCache(stats.dir().resolveSibling("features"));
    }

    public Path dir() {
        return dir;
    }

    public Path folder(StatsCache.Key key) {
        return dir.resolve(key.digest());
    }

    /** The cached reference, or empty when there is none (or it cannot be read: it is then recomputed). */
    public Optional<Reference> get(StatsCache.Key key) {
        Path folder = folder(key);
        Path json = folder.resolve("set.json");
        if (!Files.isRegularFile(json)) {
            return Optional.empty();
        }
        try {
            Meta meta = JSON.readValue(json.toFile(), Meta.class);
            if (!FORMAT.equals(meta.format())) {
                return Optional.empty();
            }
            FeatureMatrix features = NumpyFiles.readFeatures(folder.resolve("features.npy"));
            if (features.rows() != meta.rows() || features.cols() != meta.dim()) {
                return Optional.empty();
            }
            Path p = folder.resolve("probabilities.npy");
            FeatureMatrix probabilities = Files.isRegularFile(p) ? NumpyFiles.readFeatures(p) : null;
            ExtractedSet set = new ExtractedSet(meta.rows(), GaussianStats.of(features), features, probabilities,
                    meta.entries(), meta.labels(), meta.classNames() == null ? List.of() : meta.classNames(), null);
            return Optional.of(Reference.of(set, meta.adaptation()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stores the feature vectors of {@code set} under {@code key}; returns the folder. */
    public Path put(StatsCache.Key key, ExtractedSet set) throws IOException {
        if (!set.hasVectors()) {
            throw new IllegalArgumentException("expected a set with its feature vectors, found statistics only");
        }
        Path folder = folder(key);
        Files.createDirectories(folder);
        NumpyFiles.writeFeatures(folder.resolve("features.npy"), set.features());
        if (set.probabilities() != null) {
            NumpyFiles.writeFeatures(folder.resolve("probabilities.npy"), set.probabilities());
        }
        Meta meta = new Meta(FORMAT, set.size(), set.features().cols(), set.classNames(), set.labels(), set.entries(),
                set.summary() != null ? set.summary().adaptation() : null);
        AtomicFiles.write(folder.resolve("set.json"), out -> JSON.writeValue(out, meta));
        return folder;
    }
}
