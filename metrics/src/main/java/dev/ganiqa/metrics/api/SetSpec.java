package dev.ganiqa.metrics.api;

import dev.ganiqa.datasets.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What one set argument names, for the API and the command line alike: an {@code .npz} statistics file, an
 * {@code .npy} feature matrix, or images (a folder or a dataset spec) with a split. The split is a suffix,
 * {@code fashion-mnist@test}; without one it is {@code train} (the only split of folders and synthetic sets). An
 * existing path is always a path, so a folder whose name ends in {@code @test} still opens as that folder.
 */
public sealed interface SetSpec {
    /** The argument as given, for messages and JSON. */
    String arg();

    /** Mean and covariance as pytorch-fid saves them ({@code mu}, {@code sigma}): FID only. */
    record Statistics(String arg, Path file) implements SetSpec {
    }

    /** An N x D feature matrix: every set metric, no extractor needed. */
    record Features(String arg, Path file) implements SetSpec {
    }

    /** Images through a feature extractor. */
    record Images(String arg, String spec, Split split, boolean splitGiven) implements SetSpec {
    }

    /** Parses {@code arg}; IllegalArgumentException with a one-line reason when it names nothing usable. */
    static SetSpec parse(String arg) {
        if (arg == null || arg.isBlank()) {
            throw new IllegalArgumentException("expected a folder, dataset spec, .npz or .npy, found nothing");
        }
        String lower = arg.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".npz")) {
            return new Statistics(arg, Path.of(arg));
        }
        if (lower.endsWith(".npy")) {
            return new Features(arg, Path.of(arg));
        }
        int at = arg.lastIndexOf('@');
        if (at > 0 && !Files.exists(Path.of(arg))) {
            String suffix = arg.substring(at + 1);
            try {
                return new Images(arg, arg.substring(0, at), Split.parse(suffix), true);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(arg + ": expected the split suffix @train or @test, found @" + suffix);
            }
        }
        return new Images(arg, arg, Split.TRAIN, false);
    }
}
