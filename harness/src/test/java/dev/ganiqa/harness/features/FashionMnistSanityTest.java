package dev.ganiqa.harness.features;

import dev.ganiqa.metrics.api.SetSpec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.Batches;
import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageFolderWriter;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.metrics.eval.Degradations;
import dev.ganiqa.metrics.eval.ExtractedSet;
import dev.ganiqa.metrics.eval.StatsCache;
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
 * (bit for bit within one session, to float rounding across TF sessions) and the cache serves them until the folder changes.
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
        return ExtractedSet.statistics(ImageSet.of(data), extractor, Progress.NONE).stats();
    }

    private static double fidToTrain(ImageDataset data) {
        return FrechetDistance.compute(trainStats, stats(data));
    }

    @Test
    void fidGrowsWithNoiseAndBlurAndHeldOutImagesScoreFarLower() {
        double clean = fidToTrain(test);
        List<Double> noise = new ArrayList<>();
        for (double sigma : new double[] {16, 32, 64}) {
            noise.add(fidToTrain(Degradations.noise(test, sigma, 7)));
        }
        List<Double> blur = new ArrayList<>();
        for (double sigma : new double[] {0.7, 1.2, 2.0}) {
            blur.add(fidToTrain(Degradations.blur(test, sigma)));
        }
        assertThat(noise).as("FID at noise sigma 16, 32, 64").isSorted().doesNotHaveDuplicates();
        assertThat(blur).as("FID at blur sigma 0.7, 1.2, 2.0").isSorted().doesNotHaveDuplicates();
        // 2,000 vs 2,000 real images: what remains is mostly the finite-sample bias of FID (about 5 here).
        assertThat(clean).isLessThan(10).isLessThan(noise.get(0) / 2).isLessThan(blur.get(0) / 2);
    }

    @Test
    void oneClassScoresAFarLowerInceptionScoreThanAllTen() {
        ExtractedSet all = ExtractedSet.of(ImageSet.of(test), extractor, Progress.NONE);
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

    /** Two TF sessions may sum in another order (multi-threaded kernels): equal to float rounding, not bits. */
    private static void assertClose(double[] actual, double[] expected, double relative) {
        double scale = java.util.Arrays.stream(expected).map(Math::abs).max().orElse(1);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("element %d", i).isLessThanOrEqualTo(relative * scale);
        }
    }

    @Test
    void theSameFolderGivesTheSameStatisticsAndTheCacheFollowsItsContent(@TempDir Path tmp) throws IOException {
        Path folder = tmp.resolve("images");
        ImageFolderWriter.write(test, folder, 300);
        GaussianStats first = stats(Datasets.open(folder.toString()).open(Split.TRAIN));
        assertThat(stats(Datasets.open(folder.toString()).open(Split.TRAIN)).sigma())
                .as("the same session and route twice: the same bits").isEqualTo(first.sigma());
        GaussianStats second;
        try (FeatureExtractor another = Extractors.open(Extractors.DEFAULT, Map.of(), 2)) {
            second = ExtractedSet.statistics(ImageSet.of(Datasets.open(folder.toString()).open(Split.TRAIN)), another,
                    Progress.NONE).stats();
        }
        assertClose(second.mu(), first.mu(), 1e-5);
        assertClose(second.sigma(), first.sigma(), 1e-5);
        assertThat(second.n()).isEqualTo(300);

        StatsCache cache = new StatsCache(tmp.resolve("cache"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SetSpec.Images input = (SetSpec.Images) SetSpec.parse(folder.toString());
        try (FeatureSession session = new FeatureSession(DatasetOpener.DATASETS, Extractors.DEFAULT, Map.of(), 2, cache,
                new PrintStream(err, true, StandardCharsets.UTF_8))) {
            GaussianStats computed = session.statistics(input);
            assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("using cached statistics");
            assertClose(computed.sigma(), first.sigma(), 1e-5);
            GaussianStats cached = session.statistics(input);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("using cached statistics");
            assertThat(cached.mu()).isEqualTo(computed.mu());
            assertThat(cached.sigma()).isEqualTo(computed.sigma());
            assertThat(cached.n()).isEqualTo(300);

            List<Path> pngs;
            try (Stream<Path> walk = Files.walk(folder)) {
                pngs = walk.filter(p -> p.toString().endsWith(".png")).sorted().toList();
            }
            Files.copy(pngs.get(1), pngs.get(0), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            err.reset();
            GaussianStats changed = session.statistics(input);
            assertThat(err.toString(StandardCharsets.UTF_8)).as("a changed file must not be served from the cache")
                    .doesNotContain("using cached statistics");
            assertThat(changed.mu()).isNotEqualTo(computed.mu());
            session.statistics(input);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("using cached statistics");
        }
    }
}
