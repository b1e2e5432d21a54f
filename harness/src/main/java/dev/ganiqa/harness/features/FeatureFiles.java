package dev.ganiqa.harness.features;

import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.metrics.features.ExtractorInfo;
import dev.ganiqa.metrics.io.NumpyFiles;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads the files the metric commands take: .npz statistics or .npy feature matrices. */
public final class FeatureFiles {
    private FeatureFiles() {
    }

    /** Statistics of an .npz file, or of an .npy feature matrix (through the one statistics route). */
    public static GaussianStats stats(String arg) throws IOException {
        Path file = existing(arg);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npz")) {
            return NumpyFiles.readStats(file);
        }
        if (name.endsWith(".npy")) {
            FeatureMatrix f = NumpyFiles.readFeatures(file);
            if (f.rows() < 2) {
                throw new CliException(arg, "expected at least 2 feature vectors, found " + f.rows());
            }
            return GaussianStats.of(f);
        }
        throw CliException.usage(arg, "expected a .npz statistics file or a .npy feature matrix (folders and dataset "
                + "specs need a feature extractor)");
    }

    public static FeatureMatrix features(String arg) throws IOException {
        Path file = existing(arg);
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            throw CliException.usage(arg, "expected a .npy feature matrix (N x D)");
        }
        FeatureMatrix f = NumpyFiles.readFeatures(file);
        if (f.rows() < 2) {
            throw new CliException(arg, "expected at least 2 feature vectors, found " + f.rows());
        }
        return f;
    }

    /**
     * The identity of bare feature vectors read from {@code arg} (compare-features: no extractor is recorded in an
     * .npy): named {@code features}, keyed by the file's sha256, so the labels say "FID (features)".
     */
    public static ExtractorInfo info(String arg, int dimension) throws IOException {
        Path file = existing(arg);
        return new ExtractorInfo("features", "npy", dev.ganiqa.datasets.Sha256.hex(file), new ImageShape(1, 1, 1), true,
                "feature vectors read from " + file.getFileName(), dimension, 0);
    }

    private static Path existing(String arg) {
        Path file = Path.of(arg);
        if (!Files.isRegularFile(file)) {
            throw new CliException(arg, "expected a file, found " + (Files.exists(file) ? "a folder" : "nothing"));
        }
        return file;
    }
}
