package dev.ganiqa.datasets;

import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the source a {@code --data SPEC} string names. Schemes are looked up in a registry
 * ({@code fashion-mnist}, {@code idx:}, {@code cifar10:}, {@code synthetic:}); a spec without a
 * registered scheme is an image folder path.
 */
public final class Datasets {
    /** Scheme -> factory; the scheme is the text before the first ':' (or the whole spec without one). */
    private static final Map<String, SourceFactory> SCHEMES = Map.of(
            "fashion-mnist", FashionMnist::create,
            "idx", IdxSource::create,
            "cifar10", Cifar10Reader::create,
            "synthetic", SyntheticShapes::create);

    private Datasets() {
    }

    public static DatasetSource open(String spec) {
        return open(spec, DatasetOptions.defaults());
    }

    public static DatasetSource open(String spec, DatasetOptions options) {
        if (spec == null || spec.isBlank()) {
            throw new DatasetException("expected a dataset spec (fashion-mnist, idx:..., cifar10:DIR, synthetic:shapes, DIR), found nothing");
        }
        String trimmed = spec.strip();
        int colon = trimmed.indexOf(':');
        String scheme = colon < 0 ? trimmed : trimmed.substring(0, colon);
        SourceFactory factory = SCHEMES.get(scheme);
        if (factory != null) {
            return factory.create(colon < 0 ? "" : trimmed.substring(colon + 1), options);
        }
        return ImageFolderReader.source(Path.of(trimmed), options);
    }

    /** The registered schemes, for help texts. */
    public static java.util.Set<String> schemes() {
        return new java.util.TreeSet<>(SCHEMES.keySet());
    }
}
