package dev.ganiqa.metrics.api;

import dev.ganiqa.datasets.DatasetOptions;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.metrics.eval.Evaluation;
import dev.ganiqa.metrics.eval.ExtractedSet;
import dev.ganiqa.metrics.eval.SetCaches;
import dev.ganiqa.metrics.eval.Reference;
import dev.ganiqa.metrics.eval.StatsCache;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.Progress;
import dev.ganiqa.metrics.io.NumpyFiles;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.FrechetDistance;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * ganiqa's metrics from Java, in one call, with what the command line does around them: sets named as the CLI names
 * them ({@link SetSpec}: folders, dataset specs with a split suffix, {@code .npz} statistics, {@code .npy}
 * features), the extractor opened only when a set holds images, and the statistics and real-feature caches of
 * {@code GANIQA_CACHE}. The numbers are those of {@code ganiqa fid} and {@code ganiqa metrics --real --json} on the
 * same inputs (the one {@link Evaluation}), each labelled with the extractor that made it.
 *
 * <pre>{@code
 * double fid = Ganiqa.fid("samples/", "fashion-mnist@test");
 * Evaluation.Result all = Ganiqa.evaluate("fashion-mnist@test", "samples/", Ganiqa.Options.defaults());
 * }</pre>
 *
 * Everything outside {@code dev.ganiqa.metrics.api} may change between versions; this package is the contract.
 */
public final class Ganiqa {
    private Ganiqa() {
    }

    /**
     * How sets are turned into features.
     *
     * @param extractor an extractor spec ({@code ganiqa-fmnist-v17}, {@code inception:PATH}, {@code onnx:FILE}, ...)
     * @param threads   TensorFlow's and the metrics' threads
     * @param cache     read and write the caches under {@code GANIQA_CACHE} (else {@code ~/.cache/ganiqa})
     * @param env       where {@code GANIQA_CACHE}, {@code GANIQA_INCEPTION} and {@code HOME} are read
     */
    public record Options(String extractor, int threads, boolean cache, Map<String, String> env) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("expected threads >= 1, found " + threads);
            }
            extractor = extractor == null || extractor.isBlank() ? Extractors.DEFAULT : extractor;
            env = env == null ? Map.of() : Map.copyOf(env);
        }

        /**
         * The default extractor, every core, the caches of the process environment; the system property
         * {@code ganiqa.cache}, when set, overrides {@code GANIQA_CACHE} (a library cannot set its host's environment).
         */
        public static Options defaults() {
            Map<String, String> env = new java.util.HashMap<>(System.getenv());
            String cache = System.getProperty("ganiqa.cache");
            if (cache != null && !cache.isBlank()) {
                env.put(StatsCache.ENV, cache);
            }
            return new Options(Extractors.DEFAULT, Runtime.getRuntime().availableProcessors(), true, env);
        }

        public Options withExtractor(String spec) {
            return new Options(spec, threads, cache, env);
        }

        /**
         * Images resized by {@code mode} ({@link dev.ganiqa.datasets.Resize}: {@code CLEAN} is clean-fid's clean) before
         * the extractor; another mode than the extractor's own is another extractor identity.
         */
        public Options withResize(dev.ganiqa.datasets.Resize mode) {
            return new Options(Extractors.withResize(extractor, mode), threads, cache, env);
        }

        public Options withThreads(int n) {
            return new Options(extractor, n, cache, env);
        }

        public Options withCache(boolean on) {
            return new Options(extractor, threads, on, env);
        }
    }

    /** FID of {@code a} against {@code b} with the default options (pytorch-fid's argument order). */
    public static double fid(String a, String b) {
        return fid(a, b, Options.defaults());
    }

    /** FID of {@code a} against {@code b}: statistics of each (cached for images when the options allow). */
    public static double fid(String a, String b, Options options) {
        try (Session s = new Session(options)) {
            return FrechetDistance.compute(s.statistics(SetSpec.parse(a)), s.statistics(SetSpec.parse(b)));
        }
    }

    /**
     * Every set metric of {@code fake} against {@code real}, as {@code ganiqa metrics FAKE --real REAL --json}
     * reports them (FID, IS, KID, precision/recall, density/coverage, class metrics, OOD share), with what could not
     * be computed and why. {@code fake} must hold images or features; {@code real} may also be statistics (FID and
     * IS only).
     */
    public static Evaluation.Result evaluate(String real, String fake, Options options) {
        try (Session s = new Session(options)) {
            SetSpec fakeSpec = SetSpec.parse(fake);
            ExtractedSet generated;
            if (fakeSpec instanceof SetSpec.Images images) {
                generated = s.extract(images);
            } else if (fakeSpec instanceof SetSpec.Features features) {
                generated = ExtractedSet.ofFeatures(read(features));
            } else {
                throw new IllegalArgumentException(fake + ": expected images or an .npy feature matrix for the "
                        + "generated set, found a statistics file");
            }
            Reference reference = s.reference(SetSpec.parse(real));
            return Evaluation.evaluate(s.extractor != null ? s.extractor.info() : fileInfo(fakeSpec, generated),
                    reference, generated);
        }
    }

    /**
     * What labels numbers computed from feature files alone, where no extractor ran: the file's name, and its
     * sha256 in place of weights' (the numbers are as comparable as the files that made them).
     */
    private static dev.ganiqa.metrics.features.ExtractorInfo fileInfo(SetSpec spec, ExtractedSet set) {
        SetSpec.Features f = (SetSpec.Features) spec;
        try {
            return new dev.ganiqa.metrics.features.ExtractorInfo("features of " + f.file().getFileName(), "file",
                    dev.ganiqa.datasets.Sha256.hex(f.file()), new dev.ganiqa.datasets.ImageShape(1, 1, 1), true,
                    "features read from " + f.file(), set.features().cols(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(f.arg() + ": " + e.getMessage(), e);
        }
    }

    private static FeatureMatrix read(SetSpec.Features features) {
        try {
            return NumpyFiles.readFeatures(features.file());
        } catch (IOException e) {
            throw new UncheckedIOException(features.arg() + ": " + e.getMessage(), e);
        }
    }

    /** One call's extractor (opened at most once, only for images) and caches. */
    private static final class Session implements AutoCloseable {
        /** A library prints nothing: a cached entry is used silently, one not stored is only not stored. */
        private static final SetCaches.Notices QUIET = new SetCaches.Notices() {
            @Override
            public void used(java.nio.file.Path entry) {
            }

            @Override
            public void notStored(java.nio.file.Path dir, Exception e) {
            }
        };
        private final Options options;
        private final SetCaches caches;
        private FeatureExtractor extractor;

        Session(Options options) {
            this.options = options;
            this.caches = options.cache() ? new SetCaches(StatsCache.fromEnv(options.env())) : null;
        }

        FeatureExtractor extractor() {
            if (extractor == null) {
                extractor = Extractors.open(options.extractor(), options.env(), options.threads());
            }
            return extractor;
        }

        ImageSet open(SetSpec.Images images) {
            return Datasets.openImages(images.spec(), images.split(), DatasetOptions.defaults());
        }

        ExtractedSet extract(SetSpec.Images images) {
            return ExtractedSet.of(open(images), extractor(), Progress.NONE);
        }

        GaussianStats statistics(SetSpec spec) {
            try {
                if (spec instanceof SetSpec.Statistics s) {
                    return NumpyFiles.readStats(s.file());
                } else if (spec instanceof SetSpec.Features f) {
                    return GaussianStats.of(read(f));
                }
                SetSpec.Images images = (SetSpec.Images) spec;
                ImageSet set = open(images);
                Supplier<GaussianStats> compute = () -> {
                    ExtractedSet out = ExtractedSet.statistics(set, extractor(), Progress.NONE);
                    if (out.stats() == null) {
                        throw new IllegalArgumentException(images.arg() + ": expected at least 2 images for a "
                                + "covariance, found " + out.size() + " usable");
                    }
                    return out.stats();
                };
                return caches == null ? compute.get()
                        : caches.statistics(set, images.split(), extractor().info(), compute, QUIET);
            } catch (IOException e) {
                throw new UncheckedIOException(spec.arg() + ": " + e.getMessage(), e);
            }
        }

        Reference reference(SetSpec spec) {
            try {
                if (spec instanceof SetSpec.Statistics s) {
                    return Reference.ofStats(NumpyFiles.readStats(s.file()));
                } else if (spec instanceof SetSpec.Features f) {
                    return Reference.of(ExtractedSet.ofFeatures(read(f)));
                }
                SetSpec.Images images = (SetSpec.Images) spec;
                ImageSet set = open(images);
                Supplier<ExtractedSet> compute = () -> ExtractedSet.of(set, extractor(), Progress.NONE);
                return caches == null ? Reference.of(compute.get())
                        : caches.reference(set, images.split(), extractor().info(), compute, QUIET);
            } catch (IOException e) {
                throw new UncheckedIOException(spec.arg() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (extractor != null) {
                extractor.close();
            }
        }
    }
}
