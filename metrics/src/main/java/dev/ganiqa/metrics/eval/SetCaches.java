package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.metrics.features.ExtractorInfo;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The statistics cache and the feature cache under one root, and the one protocol every caller follows (the
 * command line's {@code FeatureSession} and the Java API alike): key the set by its content, split and extractor;
 * use the cached entry when there is one and say so; else compute, store, and go on with a note when storing fails
 * (a cache is an optimisation, never a reason to lose the result).
 */
public final class SetCaches {
    private final StatsCache stats;
    private final FeatureCache features;

    /** What a caller reports: a cached entry used, or one that could not be stored. */
    public interface Notices {
        void used(Path entry);

        void notStored(Path dir, Exception e);
    }

    /** The caches under {@code stats}'s root (the feature cache beside it). */
    public SetCaches(StatsCache stats) {
        this.stats = stats;
        this.features = FeatureCache.beside(stats);
    }

    private static StatsCache.Key key(ImageSet set, Split split, ExtractorInfo extractor) {
        return new StatsCache.Key(set.checksum(), split.label(), extractor.sha256());
    }

    /** The set's statistics: cached, else {@code compute}d (which must give statistics) and stored. */
    public GaussianStats statistics(ImageSet set, Split split, ExtractorInfo extractor, Supplier<GaussianStats> compute,
                                    Notices notices) {
        StatsCache.Key key = key(set, split, extractor);
        Optional<GaussianStats> hit = stats.get(key);
        if (hit.isPresent()) {
            notices.used(stats.file(key));
            return hit.get();
        }
        GaussianStats out = compute.get();
        try {
            stats.put(key, out);
        } catch (IOException | RuntimeException e) {
            notices.notStored(stats.dir(), e);
        }
        return out;
    }

    /** The set as a real reference: its feature vectors cached, else {@code compute}d and stored. */
    public Reference reference(ImageSet set, Split split, ExtractorInfo extractor, Supplier<ExtractedSet> compute,
                               Notices notices) {
        StatsCache.Key key = key(set, split, extractor);
        Optional<Reference> hit = features.get(key);
        if (hit.isPresent()) {
            notices.used(features.folder(key));
            return hit.get();
        }
        ExtractedSet out = compute.get();
        try {
            features.put(key, out);
        } catch (IOException | RuntimeException e) {
            notices.notStored(features.dir(), e);
        }
        return Reference.of(out);
    }
}
