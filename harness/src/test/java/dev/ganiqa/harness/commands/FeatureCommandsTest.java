package dev.ganiqa.harness.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageFolderWriter;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Preprocessing;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.harness.cli.Cli;
import dev.ganiqa.harness.cli.CommandRegistry;
import dev.ganiqa.metrics.features.EmbeddedExtractor;
import dev.ganiqa.metrics.io.NumpyFiles;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fid, stats and metrics --real on real Fashion-MNIST folders and specs, with the cache in a temp folder. */
class FeatureCommandsTest {
    @TempDir
    static Path shared;
    /** 400 test images as 28x28 gray PNGs, and the same images brought to 32x32 RGB. */
    static Path gray;
    static Path rgb;

    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void folders() throws IOException {
        var test = SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST), 400, 3);
        gray = shared.resolve("gray");
        ImageFolderWriter.write(test, gray, test.size());
        rgb = shared.resolve("rgb");
        ImageFolderWriter.write(new Preprocessing(new ImageShape(32, 32, 3)).applyTo(test, 2), rgb, test.size());
    }

    private int run(String... args) {
        Map<String, String> env = Map.of("GANIQA_CACHE", tmp.resolve("cache").toString(), "HOME",
                tmp.resolve("home").toString());
        List<Supplier<Object>> commands = List.of(() -> new FidCommand(Datasets::open, env),
                () -> new StatsCommand(Datasets::open, env), () -> new MetricsCommand(Datasets::open, env),
                () -> new FeaturesCommand(Datasets::open, env));
        out.reset();
        err.reset();
        return new Cli(new CommandRegistry(commands), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static double fid(String stdout) {
        return Double.parseDouble(stdout.strip().replaceFirst("^FID \\(" + EmbeddedExtractor.NAME + "\\): ", ""));
    }

    @Test
    void fidOfAFolderAndASpecIsLabelledWithTheExtractorAndCachedTheSecondTime() {
        assertThat(run("fid", "--threads", "2", gray.toString(), "fashion-mnist@test")).as(err()).isZero();
        assertThat(out()).startsWith("FID (" + EmbeddedExtractor.NAME + "): ");
        double first = fid(out());
        assertThat(first).isBetween(0.5, 20.0);
        assertThat(err()).contains("extractor " + EmbeddedExtractor.NAME + " v" + EmbeddedExtractor.DEFAULT.version() + ", sha256 " + EmbeddedExtractor.SHA256)
                .contains("fashion-mnist@test: 10000 images, fed as is (28x28x1)").contains("img/s")
                .doesNotContain("cached");
        assertThat(run("fid", "--threads", "2", gray.toString(), "fashion-mnist@test")).isZero();
        assertThat(err()).contains(gray + ": using cached statistics " + tmp.resolve("cache/stats"))
                .contains("fashion-mnist@test: using cached statistics").doesNotContain("img/s");
        assertThat(fid(out())).isCloseTo(first, within(first * 1e-5));
        assertThat(run("fid", "--threads", "2", "--no-cache", rgb.toString(), "fashion-mnist@test")).isZero();
        assertThat(err()).contains("adapted 32x32x3 -> 28x28x1: area resize, BT.601 luma").doesNotContain("cached");
    }

    @Test
    void statsOfAFolderFeedFidLikeTheFolderItself() throws IOException {
        Path npz = tmp.resolve("ref.npz");
        assertThat(run("stats", "--threads", "2", gray.toString(), "--out", npz.toString())).as(err()).isZero();
        assertThat(out()).isEqualTo("wrote " + npz + ": n=400, d=256, " + EmbeddedExtractor.NAME + " (sha256 "
                + EmbeddedExtractor.SHA256.substring(0, 12) + ")\n");
        GaussianStats stats = NumpyFiles.readStats(npz);
        assertThat(stats.dimension()).isEqualTo(256);
        assertThat(run("fid", "--threads", "2", gray.toString(), "fashion-mnist@test")).isZero();
        double fromFolder = fid(out());
        assertThat(run("fid", "--threads", "2", npz.toString(), "fashion-mnist@test")).isZero();
        assertThat(fid(out())).isCloseTo(fromFolder, within(fromFolder * 1e-5));
        assertThat(err()).contains(npz + ": a statistics or feature file does not record its extractor");
        assertThat(run("stats", npz.toString(), "--out", tmp.resolve("x.npz").toString())).isEqualTo(2);
        assertThat(err()).contains("expected images or an .npy feature matrix, found a statistics file");
    }

    @Test
    void metricsWithARealFolderReportsEverySetMetricLabelledWithTheExtractor() throws IOException {
        Path json = tmp.resolve("m.json");
        assertThat(run("metrics", rgb.toString(), "--real", gray.toString(), "--threads", "2", "--json",
                json.toString())).as(err()).isZero();
        assertThat(out()).contains("extractor: " + EmbeddedExtractor.NAME + " v" + EmbeddedExtractor.DEFAULT.version() + ", sha256 " + EmbeddedExtractor.SHA256)
                .contains("fake: " + rgb + ", 400 images, adapted 32x32x3 -> 28x28x1: area resize, BT.601 luma")
                .contains("real: " + gray + ", 400 images, fed as is (28x28x1)")
                .contains("FID (" + EmbeddedExtractor.NAME + ")").contains("(10 splits, 400 samples)")
                .contains("400 images measured");
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        JsonNode f = doc.get("features");
        assertThat(f.get("extractor").get("name").asText()).isEqualTo(EmbeddedExtractor.NAME);
        assertThat(f.get("extractor").get("version").asText()).isEqualTo(EmbeddedExtractor.DEFAULT.version());
        assertThat(f.get("extractor").get("sha256").asText()).isEqualTo(EmbeddedExtractor.SHA256);
        JsonNode m = f.get("metrics");
        assertThat(m.fieldNames()).toIterable().containsExactly("fid", "ood_share", "is", "kid", "precision", "recall", "density",
                "coverage", "class_consistency", "diversity");
        assertThat(m.get("fid").get("label").asText()).isEqualTo("FID (" + EmbeddedExtractor.NAME + ")");
        assertThat(m.get("fid").get("value").asDouble()).isPositive();
        assertThat(m.get("is").get("splits").asInt()).isEqualTo(10);
        assertThat(m.get("is").get("samples").asInt()).isEqualTo(400);
        assertThat(m.get("is").get("value").asDouble()).isGreaterThan(3);
        assertThat(m.get("kid").get("subsetSize").asInt()).isEqualTo(400);
        assertThat(m.get("kid").get("std").asDouble()).isZero();
        assertThat(m.get("precision").get("value").asDouble()).isBetween(0.0, 1.0);
        assertThat(m.get("coverage").get("value").asDouble()).isBetween(0.0, 1.0);
        assertThat(f.get("unavailable").size()).isZero();
        assertThat(doc.get("measures").get("laplacian_var").get("count").asInt()).isEqualTo(400);

        // The same pair through fid: the same statistics route, so the same number.
        assertThat(run("fid", "--threads", "2", "--no-cache", rgb.toString(), gray.toString())).isZero();
        assertThat(fid(out())).isCloseTo(m.get("fid").get("value").asDouble(), within(1e-5 * fid(out())));
    }

    @Test
    void metricsAgainstAStatisticsFileGivesFidAndIsAndSaysWhatNeedsRealFeatures() throws IOException {
        Path npz = tmp.resolve("ref.npz");
        assertThat(run("stats", "--threads", "2", gray.toString(), "--out", npz.toString())).isZero();
        Path json = tmp.resolve("m.json");
        assertThat(run("metrics", rgb.toString(), "--real", npz.toString(), "--threads", "2", "--json",
                json.toString())).as(err()).isZero();
        assertThat(out()).contains("not computed: kid, precision, recall, density, coverage (needs the real feature "
                + "vectors; the reference is a statistics file");
        JsonNode f = new ObjectMapper().readTree(json.toFile()).get("features");
        assertThat(f.get("metrics").fieldNames()).toIterable().containsExactly("fid", "ood_share", "is");
        assertThat(f.get("unavailable").get("kid").asText()).contains("statistics file");
        assertThat(f.get("real").get("kind").asText()).isEqualTo("statistics");
    }

    @Test
    void badInputsAreOneLineUsageErrors() {
        assertThat(run("fid", "fashion-mnist@val", gray.toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("ganiqa: usage: fashion-mnist@val: expected the split suffix @train or @test, "
                + "found @val\n");
        assertThat(run("fid", gray + "@test", "fashion-mnist")).isEqualTo(2);
        assertThat(err()).contains("expected a split of [train], found test");
        assertThat(run("metrics", "fashion-mnist@test", "--split", "train", "--real", gray.toString())).isEqualTo(2);
        assertThat(err()).contains("expected the split once");
        assertThat(run("fid", "--extractor", "nonsense", gray.toString(), "fashion-mnist")).isEqualTo(1);
        assertThat(err()).contains("nonsense: expected " + String.join(", ", EmbeddedExtractor.ALL.stream().map(EmbeddedExtractor.Embedded::name).toList()) + ", inception").hasLineCount(1);
    }

    /** {@code --resize} names the mode where the adaptation is reported, changes the numbers, and refuses unknown modes. */
    @Test
    void resizeModesAreAnOptionThatNamesItself() {
        assertThat(run("fid", "--threads", "2", "--no-cache", rgb.toString(), gray.toString())).as(err()).isZero();
        double own = fid(out());
        assertThat(run("fid", "--threads", "2", "--no-cache", "--resize", "clean", rgb.toString(), gray.toString()))
                .as(err()).isZero();
        assertThat(err()).contains("clean resize (float, clean-fid's definition)");
        double clean = fid(out());
        assertThat(clean).isNotEqualTo(own).isCloseTo(own, within(0.5 * own));
        assertThat(run("fid", "--resize", "lanczos", rgb.toString(), gray.toString())).isEqualTo(2);
        assertThat(err()).contains("--resize: expected a resize mode area|bicubic|clean|legacy-tf|legacy-pytorch, "
                + "found 'lanczos'").hasLineCount(1);
    }

    /** {@code features} writes the extractor's float32 vectors as numpy would: the same set then has FID 0 to them. */
    @Test
    void featuresWritesFloat32VectorsAndProbabilities() throws IOException {
        Path f = tmp.resolve("f.npy");
        Path p = tmp.resolve("p.npy");
        assertThat(run("features", gray.toString(), "--threads", "2", "--out", f.toString(), "--probabilities",
                p.toString())).as(err()).isZero();
        assertThat(out()).contains("wrote " + f + ": 400 x 256 float32 features, " + EmbeddedExtractor.NAME);
        dev.ganiqa.metrics.io.NpyArray features;
        try (var in = java.nio.file.Files.newInputStream(f)) {
            features = dev.ganiqa.metrics.io.Npy.read(in, f);
        }
        assertThat(features.dtype()).isEqualTo("<f4");
        assertThat(features.shape()).containsExactly(400, 256);
        dev.ganiqa.metrics.io.NpyArray probabilities;
        try (var in = java.nio.file.Files.newInputStream(p)) {
            probabilities = dev.ganiqa.metrics.io.Npy.read(in, p);
        }
        assertThat(probabilities.shape()).containsExactly(400, 10);
        double row = 0;
        for (int c = 0; c < 10; c++) {
            row += probabilities.data()[c];
        }
        assertThat(row).isCloseTo(1.0, within(1e-5));
        // The file is the set's features: FID of the folder against it is zero up to rounding.
        assertThat(run("fid", "--threads", "2", "--no-cache", gray.toString(), f.toString())).as(err()).isZero();
        assertThat(fid(out())).isLessThan(1e-6);
        assertThat(run("features", tmp.resolve("ref.npz").toString(), "--out", f.toString())).isEqualTo(2);
    }

    /** The real side's features are cached: a second run takes them from the cache and gives the same numbers. */
    @Test
    void aSecondMetricsRunTakesTheRealFeaturesFromTheCache() throws IOException {
        Path first = tmp.resolve("m1.json");
        Path second = tmp.resolve("m2.json");
        assertThat(run("metrics", rgb.toString(), "--real", gray.toString(), "--threads", "2", "--json",
                first.toString())).as(err()).isZero();
        assertThat(err()).doesNotContain("using cached features");
        assertThat(run("metrics", rgb.toString(), "--real", gray.toString(), "--threads", "2", "--json",
                second.toString())).as(err()).isZero();
        assertThat(err()).contains(gray + ": using cached features ");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(second.toFile()).get("features").get("metrics"))
                .isEqualTo(json.readTree(first.toFile()).get("features").get("metrics"));
        assertThat(run("metrics", rgb.toString(), "--real", gray.toString(), "--threads", "2", "--no-cache"))
                .as(err()).isZero();
        assertThat(err()).doesNotContain("using cached features");
    }
}
