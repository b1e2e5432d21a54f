package dev.ganiqa.harness.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.Batches;
import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageFolderWriter;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.harness.compare.ExtractedSet;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.Progress;
import dev.ganiqa.metrics.stats.FrechetDistance;
import dev.ganiqa.metrics.stats.GaussianStats;
import dev.ganiqa.metrics.stats.InceptionScore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sanity checks of the whole chain (real Fashion-MNIST -> embedded extractor -> statistics -> metrics) on
 * 2,000-image subsets: held-out real images are close to the training images, and seeded damage (noise, blur)
 * moves them away step by step; one class scores a far lower IS than all ten; statistics are reproducible
 * and the cache serves them, bit for bit, until the folder changes. Two extractor sessions are two routes
 * (TensorFlow's multi-threaded kernels may sum in another order), so their statistics are compared within
 * float32 precision; only the cache round trip is compared bit for bit.
 */
class FashionMnistSanityTest {
    private static final int N = 2000;
    private static FeatureExtractor extractor;
    private static ImageDataset test;
    private static ImageDataset train;
    private static GaussianStats trainStats;

    @BeforeAll
    static void open() {
        DatasetSource source = Datasets.open("fashion-mnist");
        test = SubsetDataset.sample(source.open(Split.TEST), N, 1);
        train = SubsetDataset.sample(source.open(Split.TRAIN), N, 2);
        extractor = Extractors.open(Extractors.DEFAULT, Map.of(), 2);
        trainStats = stats(train);
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    private static GaussianStats stats(ImageDataset data) {
        return StreamingStats.of(data, extractor, Progress.NONE).stats();
    }

    private static double fidToTrain(ImageDataset data) {
        return FrechetDistance.compute(trainStats, stats(data));
    }

    @Test
    void fidGrowsWithNoiseAndBlurAndHeldOutImagesScoreFarLower() {
        double clean = fidToTrain(test);
        List<Double> noise = new ArrayList<>();
        for (double sigma : new double[] {16, 32, 64}) {
            noise.add(fidToTrain(Perturbations.noise(test, sigma, 7)));
        }
        List<Double> blur = new ArrayList<>();
        for (double sigma : new double[] {0.7, 1.2, 2.0}) {
            blur.add(fidToTrain(Perturbations.blur(test, sigma)));
        }
        assertThat(noise).as("FID at noise sigma 16, 32, 64").isSorted().doesNotHaveDuplicates();
        assertThat(blur).as("FID at blur sigma 0.7, 1.2, 2.0").isSorted().doesNotHaveDuplicates();
        // 2,000 vs 2,000 real images: what remains is mostly the finite-sample bias of FID (about 5 here).
        assertThat(clean).isLessThan(10).isLessThan(noise.get(0) / 2).isLessThan(blur.get(0) / 2);
    }

    @Test
    void oneClassScoresAFarLowerInceptionScoreThanAllTen() {
        ExtractedSet all = ExtractedSet.of(test, extractor);
        int[] shirts = IntStream.range(0, test.size()).filter(i -> test.label(i) == 0).toArray();
        ExtractedSet one = all.select(shirts);
        double full = is(all);
        double single = is(one);
        assertThat(shirts.length).isGreaterThan(100);
        // IS ignores labels: a set of one class has a peaked marginal p(y), so exp(KL) stays near 1.
        assertThat(single).isLessThan(full / 3);
        assertThat(full).isGreaterThan(5);
    }

    private static double is(ExtractedSet set) {
        return InceptionScore.compute(set.probabilities().select(Batches.permutation(set.size(), 2020)),
                InceptionScore.DEFAULT_SPLITS).mean();
    }

    @Test
    void theSameFolderGivesTheSameStatisticsAndTheCacheFollowsItsContent(@TempDir Path tmp) throws IOException {
        Path folder = tmp.resolve("images");
        ImageFolderWriter.write(test, folder, 300);
        GaussianStats first = stats(Datasets.open(folder.toString()).open(Split.TRAIN));
        GaussianStats second;
        try (FeatureExtractor another = Extractors.open(Extractors.DEFAULT, Map.of(), 2)) {
            second = StreamingStats.of(Datasets.open(folder.toString()).open(Split.TRAIN), another, Progress.NONE).stats();
        }
        assertClose(second.mu(), first.mu());
        assertClose(second.sigma(), first.sigma());
        assertThat(second.n()).isEqualTo(300);

        StatsCache cache = new StatsCache(tmp.resolve("cache"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SetInput.Images input = (SetInput.Images) SetInput.parse(folder.toString());
        try (FeatureSession session = new FeatureSession(Datasets::open, Extractors.DEFAULT, Map.of(), 2, cache,
                new PrintStream(err, true, StandardCharsets.UTF_8))) {
            FeatureSession.ImageStats computed = session.stats(input);
            assertThat(computed.cached()).isFalse();
            assertClose(computed.stats().sigma(), first.sigma());
            FeatureSession.ImageStats cached = session.stats(input);
            assertThat(cached.cached()).isTrue();
            assertThat(cached.stats().mu()).isEqualTo(computed.stats().mu());
            assertThat(cached.stats().sigma()).isEqualTo(computed.stats().sigma());
            assertThat(cached.stats().n()).isEqualTo(300);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("using cached statistics " + cached.cachedFile());

            List<Path> pngs;
            try (Stream<Path> walk = Files.walk(folder)) {
                pngs = walk.filter(p -> p.toString().endsWith(".png")).sorted().toList();
            }
            Files.copy(pngs.get(1), pngs.get(0), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            FeatureSession.ImageStats changed = session.stats(input);
            assertThat(changed.cached()).as("a changed file must not be served from the cache").isFalse();
            assertThat(maxDifference(changed.stats().mu(), first.mu())).as("another image, other statistics")
                    .isGreaterThan(1e-4 * maxAbs(first.mu()));
            assertThat(session.stats(input).cached()).isTrue();
        }
    }

    /** Element-wise within float32 precision (1e-5) of the largest magnitude of {@code expected}. */
    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(maxDifference(actual, expected)).isLessThanOrEqualTo(1e-5 * maxAbs(expected));
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static double maxAbs(double[] a) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
