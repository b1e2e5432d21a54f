package dev.ganiqa.harness.features;

import dev.ganiqa.metrics.api.SetSpec;

import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.metrics.eval.ExtractedSet;
import dev.ganiqa.metrics.eval.SetCaches;
import dev.ganiqa.metrics.eval.Reference;
import dev.ganiqa.metrics.eval.StatsCache;
import dev.ganiqa.metrics.features.ExtractorInfo;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One command's access to images and their features: opens image sets, opens the extractor once (lazily, so
 * commands on .npz/.npy files never load TensorFlow), runs extraction passes with a progress bar, and serves
 * statistics from the {@link StatsCache} when one is given. All metric work is the metrics module's
 * ({@link ExtractedSet}, {@link Reference}); this class adds the command-line side: notices on {@code err}
 * ({@code ganiqa: ...}: the extractor, how images were adapted, skipped files, cache use). Close it to free the
 * extractor.
 */
public final class FeatureSession implements AutoCloseable {
    private final DatasetOpener opener;
    private final String extractorSpec;
    private final Map<String, String> env;
    private final int threads;
    private final SetCaches caches;
    private final PrintStream err;
    private FeatureExtractor extractor;

    /** @param cache null to neither read nor write cached statistics */
    public FeatureSession(DatasetOpener opener, String extractorSpec, Map<String, String> env, int threads,
            StatsCache cache, PrintStream err) {
        if (threads < 1) {
            throw new IllegalArgumentException("expected --threads >= 1, found " + threads);
        }
        this.opener = opener;
        this.extractorSpec = extractorSpec == null ? Extractors.DEFAULT : extractorSpec;
        this.env = Map.copyOf(env);
        this.threads = threads;
        this.caches = cache == null ? null : new SetCaches(cache);
        this.err = err;
    }

    public FeatureExtractor extractor() {
        if (extractor == null) {
            extractor = Extractors.open(extractorSpec, env, threads);
            notice("extractor " + describe(extractor.info()));
        }
        return extractor;
    }

    /** E.g. {@code ganiqa-fmnist-v3 v3, sha256 0846...b7d6, 256 features, 10 classes}. */
    public static String describe(ExtractorInfo info) {
        return info.name() + " v" + info.version() + ", sha256 " + info.sha256() + ", " + info.featureDim()
                + " features, " + (info.hasClasses() ? info.classes() + " classes" : "no class head");
    }

    /** The images {@code input} names, read one at a time at their own size; the set's notices (layout) printed. */
    public ImageSet open(SetSpec.Images input) {
        ImageSet set;
        try {
            set = opener.images(input.spec(), input.split());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(input.arg(), e.getMessage());
        }
        set.notices().forEach(this::notice);
        return set;
    }

    /** Features (and class probabilities) of every image, with a progress bar; notices say how and what was skipped. */
    public ExtractedSet features(SetSpec.Images input) {
        return extract(input, open(input));
    }

    private ExtractedSet extract(SetSpec.Images input, ImageSet set) {
        FeatureExtractor e = extractor();
        ExtractedSet out;
        try (ExtractionProgress bar = new ExtractionProgress(err, input.arg(), set.size())) {
            out = ExtractedSet.of(set, e, bar);
        }
        report(input.arg(), out);
        return out;
    }

    /**
     * A real reference from any input: images (every metric; their feature vectors from the {@link FeatureCache}
     * when it holds them, else extracted and stored), .npy features (every metric), .npz (FID, IS).
     */
    public Reference reference(SetSpec input) throws IOException {
        if (input instanceof SetSpec.Images images) {
            if (caches == null) {
                return Reference.of(features(images));
            }
            ImageSet set = open(images);
            return caches.reference(set, images.split(), extractor().info(), () -> extract(images, set),
                    cacheNotices(input.arg(), "features"));
        }
        if (input instanceof SetSpec.Features) {
            return Reference.of(ExtractedSet.ofFeatures(FeatureFiles.features(input.arg())));
        }
        return Reference.ofStats(FeatureFiles.stats(input.arg()));
    }

    /** Statistics of the images {@code input} names: from the cache when it holds them, else computed and stored. */
    public GaussianStats statistics(SetSpec.Images input) {
        ImageSet set = open(input);
        FeatureExtractor e = extractor();
        Supplier<GaussianStats> compute = () -> {
            ExtractedSet out;
            try (ExtractionProgress bar = new ExtractionProgress(err, input.arg(), set.size())) {
                out = ExtractedSet.statistics(set, e, bar);
            }
            report(input.arg(), out);
            if (out.stats() == null) {
                throw new CliException(input.arg(), "expected at least 2 images for a covariance, found " + out.size()
                        + " usable");
            }
            return out.stats();
        };
        return caches == null ? compute.get()
                : caches.statistics(set, input.split(), e.info(), compute, cacheNotices(input.arg(), "statistics"));
    }

    /** "ARG: using cached statistics FILE" and "cannot cache statistics in DIR (why); continuing". */
    private SetCaches.Notices cacheNotices(String arg, String what) {
        return new SetCaches.Notices() {
            @Override
            public void used(java.nio.file.Path entry) {
                notice(arg + ": using cached " + what + " " + entry);
            }

            @Override
            public void notStored(java.nio.file.Path dir, Exception ex) {
                notice("cannot cache " + what + " in " + dir + " (" + ex.getMessage() + "); continuing");
            }
        };
    }

    private void report(String arg, ExtractedSet set) {
        notice(arg + ": " + set.size() + " images, " + set.summary().adaptation());
        if (!set.skipped().isEmpty()) {
            notice(arg + ": " + set.skipped().size() + " file(s) skipped, first: " + set.skipped().get(0));
        }
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
