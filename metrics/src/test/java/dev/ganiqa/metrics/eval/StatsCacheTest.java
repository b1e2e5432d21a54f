package dev.ganiqa.metrics.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.DatasetChecksum;
import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCacheTest {
    private static final String DATA = "a".repeat(64);
    private static final String EXTRACTOR = "b".repeat(64);

    @TempDir
    Path tmp;

    /** Random but a real covariance (B B^T is symmetric positive semi-definite): the cache reads what it stores. */
    private static GaussianStats randomStats(int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] mu = r.doubles(d).toArray();
        double[] b = r.doubles((long) d * d).map(v -> v - 0.5).toArray();
        double[] sigma = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int k = 0; k < d; k++) {
                    v += b[i * d + k] * b[j * d + k];
                }
                sigma[i * d + j] = v;
                sigma[j * d + i] = v;
            }
        }
        return new GaussianStats(mu, sigma, 1234);
    }

    @Test
    void storedStatisticsComeBackBitForBitWithTheirCount() throws IOException {
        StatsCache cache = new StatsCache(tmp.resolve("stats"));
        StatsCache.Key key = new StatsCache.Key(DATA, "test", EXTRACTOR);
        assertThat(cache.get(key)).isEmpty();
        GaussianStats stats = randomStats(17, 1);
        Path file = cache.put(key, stats);
        assertThat(file.getParent()).isEqualTo(tmp.resolve("stats"));
        GaussianStats back = cache.get(key).orElseThrow();
        assertThat(back.mu()).isEqualTo(stats.mu());
        assertThat(back.sigma()).isEqualTo(stats.sigma());
        assertThat(back.n()).isEqualTo(1234);
        try (Stream<Path> files = Files.list(tmp.resolve("stats"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(file.getFileName().toString());
        }
    }

    @Test
    void anotherDatasetSplitOrExtractorIsAnotherEntry() throws IOException {
        StatsCache cache = new StatsCache(tmp);
        StatsCache.Key key = new StatsCache.Key(DATA, "train", EXTRACTOR);
        cache.put(key, randomStats(4, 2));
        List<StatsCache.Key> others = List.of(new StatsCache.Key("c".repeat(64), "train", EXTRACTOR),
                new StatsCache.Key(DATA, "test", EXTRACTOR), new StatsCache.Key(DATA, "train", "d".repeat(64)));
        for (StatsCache.Key other : others) {
            assertThat(cache.file(other)).isNotEqualTo(cache.file(key));
            assertThat(cache.get(other)).isEmpty();
        }
        assertThat(cache.get(key)).isPresent();
    }

    @Test
    void anUnreadableEntryCountsAsMissingAndIsReplaced() throws IOException {
        StatsCache cache = new StatsCache(tmp);
        StatsCache.Key key = new StatsCache.Key(DATA, "train", EXTRACTOR);
        Files.writeString(cache.file(key), "not a zip");
        assertThat(cache.get(key)).isEmpty();
        cache.put(key, randomStats(3, 3));
        assertThat(cache.get(key)).isPresent();
    }

    @Test
    void theFolderComesFromTheEnvironmentPassedIn() {
        assertThat(StatsCache.fromEnv(Map.of("GANIQA_CACHE", "/x/c", "HOME", "/h")).dir()).isEqualTo(Path.of("/x/c/stats"));
        assertThat(StatsCache.fromEnv(Map.of("HOME", "/h")).dir()).isEqualTo(Path.of("/h/.cache/ganiqa/stats"));
    }

    @Test
    void keysRefuseAnythingButSha256s() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StatsCache.Key("abc", "train", EXTRACTOR))
                .hasMessageContaining("expected a 64-digit lower-case hex sha256, found abc");
    }

    @Test
    void theChecksumFollowsPixelsAndLabelsNotNames() {
        ImageShape shape = new ImageShape(2, 2, 1);
        byte[] pixels = {1, 2, 3, 4, 5, 6, 7, 8};
        List<String> classes = List.of("a", "b");
        String base = DatasetChecksum.of(new ArrayDataset("one", shape, pixels, new int[] {0, 1}, classes, null, List.of()));
        assertThat(base).matches("[0-9a-f]{64}");
        assertThat(DatasetChecksum.of(new ArrayDataset("other name", shape, pixels.clone(), new int[] {0, 1}, classes,
                List.of("x.png", "y.png"), List.of()))).isEqualTo(base);
        byte[] changed = pixels.clone();
        changed[7]++;
        assertThat(DatasetChecksum.of(new ArrayDataset("one", shape, changed, new int[] {0, 1}, classes, null, List.of())))
                .isNotEqualTo(base);
        assertThat(DatasetChecksum.of(new ArrayDataset("one", shape, pixels, new int[] {1, 1}, classes, null, List.of())))
                .isNotEqualTo(base);
        assertThat(DatasetChecksum.of(new ArrayDataset("one", new ImageShape(4, 1, 1), pixels, new int[] {0, 1}, classes,
                null, List.of()))).isNotEqualTo(base);
    }
}
