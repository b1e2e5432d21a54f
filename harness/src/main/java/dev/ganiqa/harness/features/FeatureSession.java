package dev.ganiqa.harness.features;

import dev.ganiqa.datasets.DatasetChecksum;
import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.compare.ExtractedSet;
import dev.ganiqa.metrics.features.ExtractorInfo;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.FeatureRunner;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One command's access to images and their features: opens datasets, opens the extractor once (lazily, so
 * commands on .npz/.npy files never load TensorFlow), runs extraction passes with a progress bar, and serves
 * reference statistics from the {@link StatsCache} when one is given. Notices (the adaptation line, cache use)
 * go to {@code err} as {@code ganiqa: ...}. Close it to free the extractor.
 */
public final class FeatureSession implements AutoCloseable {
    /** A dataset's statistics and how they were obtained. */
    public record ImageStats(GaussianStats stats, ImageDataset data, String adaptation, Path cachedFile) {
        public boolean cached() {
            return cachedFile != null;
        }
    }

    private final Function<String, DatasetSource> opener;
    private final String extractorSpec;
    private final Map<String, String> env;
    private final int threads;
    private final StatsCache cache;
    private final PrintStream err;
    private FeatureExtractor extractor;

    /** @param cache null to neither read nor write cached statistics */
    public FeatureSession(Function<String, DatasetSource> opener, String extractorSpec, Map<String, String> env,
            int threads, StatsCache cache, PrintStream err) {
        if (threads < 1) {
            throw new IllegalArgumentException("expected --threads >= 1, found " + threads);
        }
        this.opener = opener;
        this.extractorSpec = extractorSpec == null ? Extractors.DEFAULT : extractorSpec;
        this.env = Map.copyOf(env);
        this.threads = threads;
        this.cache = cache;
        this.err = err;
    }

    public FeatureExtractor extractor() {
        if (extractor == null) {
            extractor = Extractors.open(extractorSpec, env, threads);
            notice("extractor " + describe(extractor.info()));
        }
        return extractor;
    }

    /** E.g. {@code ganiqa-fmnist-v1 v1, sha256 cadf...61f2, 256 features, 10 classes}. */
    public static String describe(ExtractorInfo info) {
        return info.name() + " v" + info.version() + ", sha256 " + info.sha256() + ", " + info.featureDim()
                + " features, " + (info.hasClasses() ? info.classes() + " classes" : "no class head");
    }

    public ImageDataset open(SetInput.Images input) {
        DatasetSource source = opener.apply(input.spec());
        if (!source.splits().contains(input.split())) {
            throw CliException.usage(input.arg(), "expected a split of " + source.splits().stream().map(s -> s.label())
                    .toList() + ", found " + input.split().label());
        }
        ImageDataset data = source.open(input.split());
        if (!data.skipped().isEmpty()) {
            notice(input.arg() + ": " + data.skipped().size() + " file(s) skipped, first: " + data.skipped().get(0));
        }
        return data;
    }

    /** The line saying how {@code data} is fed to the extractor, also printed as a notice. */
    public String adaptation(String arg, ImageDataset data) {
        String line = FeatureRunner.adaptation(data, extractor());
        notice(arg + ": " + data.size() + " images, " + line);
        return line;
    }

    /** Features (and class probabilities) of every image, with a progress bar. */
    public ExtractedSet features(String arg, ImageDataset data) {
        FeatureExtractor e = extractor();
        try (ExtractionProgress bar = new ExtractionProgress(err, arg, data.size())) {
            return ExtractedSet.of(data, e, bar);
        }
    }

    /** Statistics of the images {@code input} names: from the cache when it holds them, else computed and stored. */
    public ImageStats stats(SetInput.Images input) {
        ImageDataset data = open(input);
        String adaptation = adaptation(input.arg(), data);
        FeatureExtractor e = extractor();
        StatsCache.Key key = null;
        if (cache != null) {
            key = new StatsCache.Key(DatasetChecksum.of(data), input.split(), e.info().sha256());
            Optional<GaussianStats> hit = cache.get(key);
            if (hit.isPresent()) {
                notice(input.arg() + ": using cached statistics " + cache.file(key));
                return new ImageStats(hit.get(), data, adaptation, cache.file(key));
            }
        }
        GaussianStats stats;
        try (ExtractionProgress bar = new ExtractionProgress(err, input.arg(), data.size())) {
            stats = StreamingStats.of(data, e, bar).stats();
        }
        if (cache != null) {
            try {
                cache.put(key, stats);
            } catch (IOException | RuntimeException ex) {
                notice("cannot cache statistics in " + cache.dir() + " (" + ex.getMessage() + "); continuing");
            }
        }
        return new ImageStats(stats, data, adaptation, null);
    }

    private void notice(String message) {
        err.println("ganiqa: " + message);
    }

    @Override
    public void close() {
        if (extractor != null) {
            extractor.close();
            extractor = null;
        }
    }
}
