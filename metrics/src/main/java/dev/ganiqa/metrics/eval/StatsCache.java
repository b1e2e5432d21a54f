package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.Sha256;
import dev.ganiqa.metrics.io.NumpyFiles;
import dev.ganiqa.metrics.stats.GaussianStats;
import dev.ganiqa.metrics.stats.MomentAccumulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reference statistics on disk, one {@code .npz} (pytorch-fid's {@code mu} and {@code sigma}, plus {@code n}) per
 * {@link Key}: the image set's content checksum, the split and the extractor's sha256, as torch-fidelity keys its
 * cache by input and feature extractor. A changed image or another extractor gives another key, so a stale entry
 * is never read; it is simply no longer asked for. Files are written atomically through {@link NumpyFiles}; an
 * unreadable entry counts as missing and is rewritten.
 */
public final class StatsCache {
    public static final String ENV = "GANIQA_CACHE";
    /**
     * Bumped when the way statistics are computed changes (it is part of every key): the fold size fixes the
     * rounding; v2 reads folders at their own sizes and adapts each image as it is read.
     */
    static final String FORMAT = "ganiqa-stats-2;fold=" + MomentAccumulator.FOLD_ROWS;

    private final Path dir;

    /** @param dir the folder holding the entries (created on the first write) */
    public StatsCache(Path dir) {
        this.dir = dir;
    }

    /** {@code ${GANIQA_CACHE:-$HOME/.cache/ganiqa}/stats}, read from {@code env} (normally System.getenv()). */
    public static StatsCache fromEnv(Map<String, String> env) {
        String root = env.get(ENV);
        if (root == null || root.isBlank()) {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            return new StatsCache(Path.of(home, ".cache", "ganiqa", "stats"));
        }
        return new StatsCache(Path.of(root, "stats"));
    }

    /** What identifies a set of statistics: content, split label and extractor. */
    public record Key(String datasetSha256, String split, String extractorSha256) {
        public Key {
            for (String s : new String[] {datasetSha256, extractorSha256}) {
                if (s == null || !s.matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException("expected a 64-digit lower-case hex sha256, found " + s);
                }
            }
            if (split == null || split.isBlank()) {
                throw new IllegalArgumentException("expected a split, found none");
            }
        }

        String digest() {
            String text = FORMAT + "\n" + datasetSha256 + "\n" + split + "\n" + extractorSha256;
            return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    public Path dir() {
        return dir;
    }

    public Path file(Key key) {
        return dir.resolve(key.digest() + ".npz");
    }

    /** The cached statistics, or empty when there are none (or the entry cannot be read). */
    public Optional<GaussianStats> get(Key key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(NumpyFiles.readStats(file));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Stores {@code stats} under {@code key}, atomically; returns the file. */
    public Path put(Key key, GaussianStats stats) throws IOException {
        Path file = file(key);
        NumpyFiles.writeStats(file, stats);
        return file;
    }
}
