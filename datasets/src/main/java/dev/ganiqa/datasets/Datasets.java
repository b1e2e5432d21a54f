package dev.ganiqa.datasets;

import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the source a {@code --data SPEC} string names. Schemes are looked up in a registry
 * ({@code fashion-mnist}, {@code emoji}, {@code idx:}, {@code cifar10:}, {@code synthetic:}); a spec without a
 * registered scheme is an image folder path.
 */
public final class Datasets {
    /** Scheme -> factory; the scheme is the text before the first ':' (or the whole spec without one). */
    private static final Map<String, SourceFactory> SCHEMES = Map.of(
            "fashion-mnist", FashionMnist::create,
            "idx", IdxSource::create,
            "cifar10", Cifar10Reader::create,
            "synthetic", SyntheticShapes::create,
            "emoji", Emoji::create);

    private Datasets() {
    }

    public static DatasetSource open(String spec) {
        return open(spec, DatasetOptions.defaults());
    }

    public static DatasetSource open(String spec, DatasetOptions options) {
        if (spec == null || spec.isBlank()) {
            throw new DatasetException("expected a dataset spec (fashion-mnist, emoji, idx:..., cifar10:DIR, synthetic:shapes, DIR), found nothing");
        }
        String trimmed = spec.strip();
        int colon = trimmed.indexOf(':');
        String scheme = colon < 0 ? trimmed : trimmed.substring(0, colon);
        SourceFactory factory = SCHEMES.get(scheme);
        if (factory == null) {
            // Folders apply options.target() while decoding, image by image.
            return ImageFolderReader.source(Path.of(trimmed), options);
        }
        DatasetSource source = factory.create(colon < 0 ? "" : trimmed.substring(colon + 1), options);
        return options.target() == null ? source : resized(source, new Preprocessing(options.target()), options.threads());
    }

    /**
     * The images {@code spec} names, each to be read at its own size and channels: an image folder lazily, file
     * by file ({@link FolderImages}; only {@link Split#TRAIN}); every other spec as {@link ImageSet#of} the opened
     * split (those hold same-shape images in memory anyway). {@code options.target()} is ignored: nothing is
     * resized.
     */
    public static ImageSet openImages(String spec, Split split, DatasetOptions options) {
        DatasetOptions own = options.withTarget(null);
        if (spec != null && !spec.isBlank() && isFolder(spec)) {
            if (split != Split.TRAIN) {
                throw new DatasetException(spec.strip() + ": expected split train (an image folder has one), found "
                        + split.label());
            }
            return FolderImages.open(Path.of(spec.strip()), own);
        }
        return ImageSet.of(open(spec, own).open(split));
    }

    /** True when {@code spec} has no registered scheme, so it names an image folder. */
    public static boolean isFolder(String spec) {
        String trimmed = spec.strip();
        int colon = trimmed.indexOf(':');
        return !SCHEMES.containsKey(colon < 0 ? trimmed : trimmed.substring(0, colon));
    }

    /** {@code source} with every split brought to the policy's target shape. */
    private static DatasetSource resized(DatasetSource source, Preprocessing policy, int threads) {
        java.util.Map<Split, java.util.function.Supplier<ImageDataset>> openers = new java.util.EnumMap<>(Split.class);
        for (Split split : source.splits()) {
            openers.put(split, () -> policy.applyTo(source.open(split), threads));
        }
        return new SplitSource(source.spec() + " as " + policy.target(), openers, source.licence());
    }

    /** The registered schemes, for help texts. */
    public static java.util.Set<String> schemes() {
        return new java.util.TreeSet<>(SCHEMES.keySet());
    }
}
