package dev.ganiqa.harness.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.harness.cli.Cli;
import dev.ganiqa.harness.cli.CommandRegistry;
import dev.ganiqa.metrics.image.ImageMeasurer;
import dev.ganiqa.metrics.image.ImageMeasures;
import dev.ganiqa.metrics.image.Measure;
import dev.ganiqa.metrics.io.NumpyFiles;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricCommandsTest {
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(CommandRegistry registry, String... args) {
        out.reset();
        err.reset();
        return new Cli(registry, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private int run(String... args) {
        return run(dev.ganiqa.harness.Commands.registry(), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path features(String name, int n, int d, double shift, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() * 2 + shift * (i % d);
        }
        Path file = tmp.resolve(name);
        NumpyFiles.writeFeatures(file, new FeatureMatrix(n, d, x));
        return file;
    }

    @Test
    void fidOfAShiftedCopyIsTheSquaredShift() throws IOException {
        Path a = features("a.npy", 200, 8, 0, 1);
        FeatureMatrix fa = NumpyFiles.readFeatures(a);
        double[] shifted = fa.data().clone();
        double expected = 0;
        for (int j = 0; j < 8; j++) {
            expected += 0.25 * j * j;
        }
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 0.5 * (i % 8);
        }
        Path b = tmp.resolve("b.npy");
        NumpyFiles.writeFeatures(b, new FeatureMatrix(200, 8, shifted));
        assertThat(run("fid", a.toString(), b.toString())).isZero();
        double fid = Double.parseDouble(out().strip().replace("FID: ", ""));
        assertThat(fid).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void statsFileGivesTheSameFidAsItsFeatures() throws IOException {
        Path a = features("a.npy", 300, 6, 0, 2);
        Path b = features("b.npy", 250, 6, 0.3, 3);
        Path stats = tmp.resolve("out/a.npz");
        assertThat(run("stats", a.toString(), "--out", stats.toString())).isZero();
        assertThat(out()).contains("n=300, d=6");
        assertThat(run("fid", a.toString(), b.toString())).isZero();
        String fromFeatures = out();
        assertThat(run("fid", stats.toString(), b.toString())).isZero();
        assertThat(out()).isEqualTo(fromFeatures);
        assertThat(Double.parseDouble(fromFeatures.strip().replace("FID: ", ""))).isGreaterThan(0.1);
    }

    @Test
    void fidRefusesBadInputsWithOneLine() throws IOException {
        Path a = features("a.npy", 50, 4, 0, 4);
        Path c = features("c.npy", 50, 5, 0, 5);
        assertThat(run("fid", a.toString())).isEqualTo(2);
        assertThat(err()).startsWith("ganiqa: usage: expected two inputs");
        assertThat(run("fid", a.toString(), c.toString())).isEqualTo(1);
        assertThat(err()).contains("expected inputs of the same feature dimension, found 4");
        assertThat(run("fid", a.toString(), tmp.resolve("missing.npz").toString())).isEqualTo(1);
        assertThat(err()).contains("missing.npz: expected a file, found nothing");
        Path text = Files.writeString(tmp.resolve("x.npy"), "not numpy");
        assertThat(run("fid", a.toString(), text.toString())).isEqualTo(1);
        assertThat(err()).contains("x.npy: expected the .npy magic").hasLineCount(1);
    }

    @Test
    void compareFeaturesPrintsAndWritesEverySetMetric() throws IOException {
        Path a = features("a.npy", 120, 5, 0, 6);
        Path json = tmp.resolve("cmp.json");
        assertThat(run("compare-features", a.toString(), a.toString(), "--json", json.toString())).isZero();
        // The labels, lines and JSON shape of `metrics --real`: one evaluation behind both.
        assertThat(out()).containsPattern("precision \\(features, k=3\\) +1\\.00000")
                .containsPattern("coverage \\(features, k=5\\) +1\\.00000");
        JsonNode doc = new ObjectMapper().readTree(json.toFile()).get("features");
        assertThat(doc.get("metrics").get("fid").get("value").asDouble()).isBetween(-1e-9, 1e-9);
        assertThat(doc.get("metrics").get("recall").get("value").asDouble()).isEqualTo(1.0);
        // Subsets no larger than the sets, as `metrics` takes them (torch-fidelity's 1000 asked, 120 used).
        assertThat(doc.get("metrics").get("kid").get("subsetSize").asInt()).isEqualTo(120);
        assertThat(new ObjectMapper().readTree(json.toFile()).get("kid_subset_size_asked").asInt()).isEqualTo(1000);
        assertThat(doc.get("real").get("images").asInt()).isEqualTo(120);
        assertThat(doc.get("extractor").get("name").asText()).isEqualTo("features");
    }

    @Test
    void compareFeaturesOfFewSamplesWarnsAsMetricsDoes() throws IOException {
        Path real = features("real.npy", 200, 16, 0, 1);
        Path fake = features("fake.npy", 10, 16, 0.1, 2);
        Path json = tmp.resolve("small.json");
        assertThat(run("compare-features", real.toString(), fake.toString(), "--json", json.toString())).isZero();
        String bias = "ganiqa: warning: generated set: FID from 10 feature vectors of dimension 16 is biased";
        String cut = "ganiqa: warning: KID subset size cut from 1000 to 10, the size of the generated set";
        assertThat(err().lines()).anySatisfy(l -> assertThat(l).startsWith(bias))
                .anySatisfy(l -> assertThat(l).startsWith(cut).doesNotContain("measured whole"));
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("warnings")).hasSize(2);
        // 100 subsets of 10 real vectors each: a spread, where the whole 200 against the whole 10 gave std 0.0.
        JsonNode kid = doc.get("features").get("metrics").get("kid");
        assertThat(kid.get("subsetSize").asInt()).isEqualTo(10);
        assertThat(kid.get("std").asDouble()).isPositive();
        // Both sets of 10: one exact evaluation, and the note says its std is no spread.
        assertThat(run("compare-features", fake.toString(), fake.toString())).isZero();
        assertThat(out()).containsPattern("KID \\(features\\) +\\S+ \\+- 0\\.00000 \\(1 subsets of 10\\)");
        assertThat(err()).contains(cut + " (a subset cannot be larger than its set); both sets are measured whole, "
                + "once, so its std of 0 says nothing about its spread")
                .contains("ganiqa: warning: real set: FID from 10 feature vectors of dimension 16 is biased");
    }

    @Test
    void metricsWritesCsvAndJsonForEveryImageAndReportsTheBrokenOne() throws IOException {
        FashionMnistSource source = FashionMnistSource.first(300, 7);
        Supplier<Object> command = () -> new MetricsCommand(spec -> source);
        CommandRegistry registry = new CommandRegistry(List.of(command));
        Path csv = tmp.resolve("per-image.csv");
        Path json = tmp.resolve("summary.json");
        assertThat(run(registry, "metrics", "fashion-mnist", "--per-image", csv.toString(), "--json", json.toString(),
                "--threads", "2")).isZero();
        assertThat(out()).contains("299 images measured, 2 skipped");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("file,width,height,channels,laplacian_var,tenengrad,immerkaer_sigma,"
                + "wavelet_sigma,chroma_noise,hf_energy_ratio,saturation");
        assertThat(lines).hasSize(300);
        assertThat(lines.get(2)).startsWith("\"odd,name \"\"1\"\".png\",28,28,1,");
        assertThat(lines).noneMatch(l -> l.startsWith("000007.png"));
        ImageMeasures direct = new ImageMeasurer().measure(source.images()[0], new ImageShape(28, 28, 1));
        String[] first = lines.get(1).split(",", -1);
        assertThat(first[0]).isEqualTo("000000.png");
        assertThat(Double.parseDouble(first[4])).isEqualTo(direct.get(Measure.LAPLACIAN_VAR).value());
        assertThat(Double.parseDouble(first[7])).isEqualTo(direct.get(Measure.WAVELET_SIGMA).value());
        assertThat(first[8]).isEmpty();
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("measured").asInt()).isEqualTo(299);
        JsonNode lap = doc.get("measures").get("laplacian_var");
        assertThat(lap.get("count").asInt()).isEqualTo(299);
        assertThat(lap.get("p5").asDouble()).isLessThan(lap.get("median").asDouble());
        assertThat(lap.get("median").asDouble()).isLessThan(lap.get("p95").asDouble());
        assertThat(doc.get("measures").get("chroma_noise").get("count").asInt()).isZero();
        assertThat(doc.get("measures").get("chroma_noise").get("missing").asInt()).isEqualTo(299);
        assertThat(doc.get("skipped")).hasSize(2);
        assertThat(doc.get("skipped").get(0).get("path").asText()).as("sorted by path").isEqualTo("000007.png");
        assertThat(doc.get("skipped").get(0).get("reason").asText()).contains("truncated");
        assertThat(err()).contains("2 file(s) skipped");
    }

    @Test
    void metricsOnTheRealFashionMnistTestSplit(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path json = dir.resolve("m.json");
        dev.ganiqa.harness.cli.CliRun r = dev.ganiqa.harness.cli.CliRun.of("metrics", "fashion-mnist", "--split", "test",
                "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("measures").get("laplacian_var").get("count").asInt()).isEqualTo(10_000);
        assertThat(doc.get("skipped")).isEmpty();
        dev.ganiqa.harness.cli.CliRun missing = dev.ganiqa.harness.cli.CliRun.of("metrics", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("ganiqa: ").contains("nope");
    }

    @Test
    void perImageCsvHasEachFilesOwnSizeAndTheLayoutIsAnnounced(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        writeImage(dir.resolve("a-28x28.png"), 28, 28, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        writeImage(dir.resolve("b-60x40.png"), 60, 40, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        writeImage(dir.resolve("sub/c-300x1.png"), 300, 1, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        Files.write(dir.resolve("sub/d.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path csv = dir.resolve("m.csv");
        dev.ganiqa.harness.cli.CliRun r = dev.ganiqa.harness.cli.CliRun.of("metrics", dir.toString(), "--per-image",
                csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).startsWith("a-28x28.png,28,28,1,");
        assertThat(rows.get(2)).startsWith("b-60x40.png,60,40,3,");
        assertThat(rows.get(3)).startsWith("sub/c-300x1.png,300,1,1,,,,,,");
        assertThat(r.out()).contains("3 images measured, 1 skipped");
        assertThat(r.err()).contains(dir + ": 2 image(s) at the top level beside 1 subfolder(s): read as one "
                + "unlabelled set, recursively").contains("1 file(s) skipped, first: sub/d.png: ");
    }

    private static void writeImage(Path file, int w, int h, int type) throws IOException {
        Files.createDirectories(file.getParent());
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(w, h, type);
        SplittableRandom random = new SplittableRandom(w * 31L + h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        javax.imageio.ImageIO.write(image, "png", file.toFile());
    }
}
