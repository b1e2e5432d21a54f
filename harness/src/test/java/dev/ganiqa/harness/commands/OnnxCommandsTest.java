package dev.ganiqa.harness.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageFolderWriter;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.harness.cli.Cli;
import dev.ganiqa.harness.cli.CommandRegistry;
import dev.ganiqa.metrics.features.testing.TinyConvNet;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.FrechetDistance;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fid}, {@code stats} and {@code metrics --real} with an ONNX extractor on two small PNG folders: the FID
 * equals the one computed from the same network evaluated in plain Java ({@link TinyConvNet#reference}) and the
 * project's float64 statistics and Frechet distance; the preprocessing is printed and keys the cache.
 */
class OnnxCommandsTest {
    private static final TinyConvNet NET = TinyConvNet.of(3, 6, 4, 21);
    private static final ImageShape SHAPE = new ImageShape(16, 16, 3);
    private static final double MEAN = 0.5;
    private static final double STD = 0.25;
    @TempDir
    static Path shared;
    static Path model;
    static Path a;
    static Path b;
    static ArrayDataset setA;
    static ArrayDataset setB;

    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** {@code n} random RGB images whose values lie in [lo, lo + span). */
    private static ArrayDataset images(int n, long seed, int lo, int span) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] px = new byte[n * SHAPE.values()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (lo + r.nextInt(span));
        }
        return new ArrayDataset("random", SHAPE, px, null, List.of(), null, List.of());
    }

    @BeforeAll
    static void write() throws IOException {
        model = Files.write(shared.resolve("net.onnx"), NET.onnx("x", 16, 16, false));
        setA = images(80, 1, 0, 256);
        setB = images(70, 2, 40, 200);
        a = shared.resolve("a");
        b = shared.resolve("b");
        ImageFolderWriter.write(setA, a, setA.size());
        ImageFolderWriter.write(setB, b, setB.size());
    }

    private int run(String... args) {
        Map<String, String> env = Map.of("GANIQA_CACHE", tmp.resolve("cache").toString(), "HOME",
                tmp.resolve("home").toString());
        List<Supplier<Object>> commands = List.of(() -> new FidCommand(Datasets::open, env),
                () -> new StatsCommand(Datasets::open, env), () -> new MetricsCommand(Datasets::open, env));
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

    /** The statistics of the network's features on {@code set}, computed here: normalise, run in Java, float64 moments. */
    private static GaussianStats reference(ArrayDataset set) {
        int n = set.size();
        int plane = 16 * 16;
        float[] x = new float[n * 3 * plane];
        for (int i = 0; i < n; i++) {
            byte[] img = set.image(i);
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < 3; c++) {
                    x[(i * 3 + c) * plane + p] = (float) (((img[p * 3 + c] & 0xFF) / 255.0 - MEAN) / STD);
                }
            }
        }
        double[] f = NET.reference(x, n, 16, 16)[0];
        double[][] rows = new double[n][NET.filters()];
        for (int i = 0; i < n; i++) {
            System.arraycopy(f, i * NET.filters(), rows[i], 0, NET.filters());
        }
        return GaussianStats.of(FeatureMatrix.of(rows));
    }

    private String spec() {
        return "onnx:" + model + "?range=0-1&mean=" + MEAN + "&std=" + STD;
    }

    @Test
    void fidWithAnOnnxExtractorEqualsTheIndependentComputationAndIsCachedByPreprocessing() {
        String name = "onnx:net.onnx?size=16x16&channels=3&layout=nchw&range=0-1&mean=0.5&std=0.25&resize=area"
                + "&input=x&features=features&logits=logits";
        assertThat(run("fid", "--threads", "2", "--extractor", spec(), a.toString(), b.toString())).as(err()).isZero();
        assertThat(out()).startsWith("FID (" + name + "): ");
        assertThat(err()).contains("extractor " + name + " vonnx").contains("80 images, fed as is (16x16x3)");
        double fid = Double.parseDouble(out().strip().substring(("FID (" + name + "): ").length()));
        double expected = FrechetDistance.compute(reference(setA), reference(setB));
        assertThat(expected).isGreaterThan(0.01);
        assertThat(fid).isCloseTo(expected, within(1e-6 * expected));

        assertThat(run("fid", "--threads", "2", "--extractor", spec(), a.toString(), b.toString())).isZero();
        assertThat(err()).contains("using cached statistics");
        assertThat(run("fid", "--threads", "2", "--extractor", spec() + "&resize=bicubic", a.toString(), b.toString()))
                .isZero();
        assertThat(err()).doesNotContain("using cached statistics");
    }

    @Test
    void statsAndMetricsRunWithAnOnnxExtractor() {
        Path npz = tmp.resolve("a.npz");
        assertThat(run("stats", "--threads", "2", "--extractor", spec(), a.toString(), "--out", npz.toString()))
                .as(err()).isZero();
        assertThat(npz).isRegularFile();
        assertThat(run("metrics", "--threads", "2", "--extractor", spec(), "--real", a.toString(), b.toString()))
                .as(err()).isZero();
        assertThat(out()).contains("FID (onnx:net.onnx?size=16x16").contains("KID (onnx:net.onnx?size=16x16");
    }

    @Test
    void aSpecThatDoesNotMatchTheModelExitsWithOneLine() {
        assertThat(run("fid", "--extractor", "onnx:" + model + "?features=embeddings", a.toString(), b.toString()))
                .isEqualTo(1);
        assertThat(err().strip()).doesNotContain("\n").contains("'embeddings'").contains("[features, logits]");
        assertThat(run("fid", "--extractor", "onnx:" + model + "?size=28x28", a.toString(), b.toString()))
                .isEqualTo(1);
        assertThat(err().strip()).doesNotContain("\n").contains("input 'x'").contains("[-1, 3, 16, 16]");
    }
}
