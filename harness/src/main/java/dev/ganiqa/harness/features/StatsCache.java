package dev.ganiqa.harness.features;

import dev.ganiqa.datasets.AtomicFiles;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.metrics.io.Npy;
import dev.ganiqa.metrics.io.NpyArray;
import dev.ganiqa.metrics.io.NumpyFiles;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Reference statistics on disk, one {@code .npz} (pytorch-fid's {@code mu} and {@code sigma}, plus {@code n})
 * per {@link Key}: the dataset's content checksum, the split and the extractor's sha256, as torch-fidelity keys
 * its cache by input and feature extractor. A changed image or another extractor gives another key, so a
 * stale entry is never read; it is simply no longer asked for. Files are written to a temp file and moved into
 * place, so a reader never sees half a file; an unreadable entry counts as missing and is rewritten.
 */
public final class StatsCache {
    public static final String ENV = "GANIQA_CACHE";
    /** Bumped when the way statistics are computed changes (it is part of every key). */
    static final String FORMAT = "ganiqa-stats-1;batch=" + StreamingStats.BATCH;

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

    /** What identifies a set of statistics. */
    public record Key(String datasetSha256, Split split, String extractorSha256) {
        public Key {
            for (String s : new String[] {datasetSha256, extractorSha256}) {
                if (s == null || !s.matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException("expected a 64-digit lower-case hex sha256, found " + s);
                }
            }
            if (split == null) {
                throw new IllegalArgumentException("expected a split, found none");
            }
        }

        String digest() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                String text = FORMAT + "\n" + datasetSha256 + "\n" + split.label() + "\n" + extractorSha256;
                return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
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
            GaussianStats stats = NumpyFiles.readStats(file);
            NpyArray n = NumpyFiles.readArchive(file).get("n");
            long count = n != null && n.data().length == 1 ? (long) n.data()[0] : 0;
            return Optional.of(new GaussianStats(stats.mu(), stats.sigma(), count));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Stores {@code stats} under {@code key}, atomically; returns the file. */
    public Path put(Key key, GaussianStats stats) throws IOException {
        Path file = file(key);
        int d = stats.dimension();
        AtomicFiles.write(file, raw -> {
            ZipOutputStream zip = new ZipOutputStream(raw);
            entry(zip, "mu", new int[] {d}, stats.mu());
            entry(zip, "sigma", new int[] {d, d}, stats.sigma());
            entry(zip, "n", new int[] {1}, new double[] {stats.n()});
            zip.finish();
        });
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, int[] shape, double[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        Npy.write(zip, shape, data);
        zip.closeEntry();
    }
}
