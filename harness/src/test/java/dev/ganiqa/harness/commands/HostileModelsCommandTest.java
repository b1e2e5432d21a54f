package dev.ganiqa.harness.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.ImageFolderWriter;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.harness.cli.CliProcess;
import dev.ganiqa.harness.cli.CliRun;
import dev.ganiqa.metrics.features.testing.OnnxWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX models that lie about their shapes or values, through the commands that met them (the "Reliability round"
 * issue, cases 1 to 4). Each model is written here with {@link OnnxWriter}: global average pooling and a flatten,
 * which run on any input shape, so only the declared shape (or the added NaN) is hostile. A bad model is the
 * model's fault, not the command line's: exit 1 and one line {@code ganiqa: <command>: onnx:<file>: <reason>}.
 *
 * <p>The size cases run {@code ganiqa} in a JVM of its own capped at {@code -Xmx512m}: the old code sized its
 * buffers from the declared shape (10^10 pixels, a batch of 10^9), so a check that came after an allocation could
 * not pass them. Each test was run on the code before this change (its ONNX and CLI paths those of 9cd05b6)
 * and failed: case 1's fid was still working on its 100000x100000 images when the fork's time limit stopped it (the issue
 * reports that uncapped it grows to 8 GB and dies with {@code Index 1410065408 out of bounds}), case 2 printed
 * {@code ganiqa: fid: -799145984} (a negative array size), case 3 exit 2 and
 * {@code ganiqa: usage: expected a positive image size, found -2147483641x-2147483641}, case 4 exit 2 and
 * {@code ganiqa: usage: expected finite features, found NaN at row 0, column 0}, naming neither model nor images.
 */
class HostileModelsCommandTest {
    private static final ImageShape SHAPE = new ImageShape(16, 16, 3);
    /** The heap cap of the forked runs: far below what the declared shapes would make the old code allocate. */
    private static final List<String> CAPPED = List.of("-Xmx512m");

    @TempDir
    static Path shared;
    static Path a;
    static Path b;

    @TempDir
    Path tmp;

    @BeforeAll
    static void images() throws IOException {
        a = shared.resolve("a");
        b = shared.resolve("b");
        ImageFolderWriter.write(random(4, 1), a, 4);
        ImageFolderWriter.write(random(4, 2), b, 4);
    }

    private static ArrayDataset random(int n, long seed) {
        byte[] px = new byte[n * SHAPE.values()];
        new SplittableRandom(seed).nextBytes(px);
        return new ArrayDataset("random", SHAPE, px, null, List.of(), null, List.of());
    }

    /** Input {@code x} of the declared dims, pooled to features [batch, channels]: runs on any real input shape. */
    private Path pooling(String file, Object batch, Object... chw) throws IOException {
        Object[] dims = new Object[4];
        dims[0] = batch;
        System.arraycopy(chw, 0, dims, 1, 3);
        OnnxWriter g = OnnxWriter.graph("pooling").input("x", dims);
        g.node("GlobalAveragePool", new String[] {"x"}, "pooled");
        g.node("Flatten", new String[] {"pooled"}, "features", OnnxWriter.intAttribute("axis", 1));
        return Files.write(tmp.resolve(file), OnnxWriter.model(g.output("features", batch, chw[0])));
    }

    /** Environment of the forked runs: caches and home in the test's folder. */
    private Map<String, String> env() {
        return Map.of("GANIQA_CACHE", tmp.resolve("cache").toString(), "HOME", tmp.resolve("home").toString());
    }

    private CliProcess capped(String... args) throws IOException, InterruptedException {
        return CliProcess.of(tmp.resolve("logs"), CAPPED, env(), args);
    }

    private CliProcess fid(Path model) throws IOException, InterruptedException {
        return capped("fid", a.toString(), b.toString(), "--extractor", "onnx:" + model, "--no-cache");
    }

    /** Exit 1 and, as the last line, {@code ganiqa: <command>: onnx:<model>: <reason>} with each of {@code reason}. */
    private static void refused(CliProcess run, String command, Path model, String... reason) {
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        String line = run.lastErrorLine();
        assertThat(line).as(run.err()).startsWith("ganiqa: " + command + ": onnx:" + model + ": expected ");
        for (String r : reason) {
            assertThat(line).as(run.err()).contains(r);
        }
    }

    /** Case 1: a declared [N, 3, 100000, 100000] input is refused by fid, compare and extractor bench before any buffer. */
    @Test
    void aDeclaredImageSizeAboveTheSizeBoundIsRefusedByEveryCommandBeforeAllocating() throws Exception {
        Path model = pooling("huge.onnx", "n", 3, 100_000, 100_000);
        String[] reason = {"input 'x'", "height and width in 1..8192", "found shape [-1, 3, 100000, 100000]"};
        refused(fid(model), "fid", model, reason);
        refused(capped("extractor", "bench", "--extractor", "onnx:" + model, "--images", "4", "--repeats", "1",
                "--no-peer"), "bench", model, reason);
        refused(capped("compare", "--extractor", "onnx:" + model, "--variants", "dcgan", "--seeds", "1", "--epochs",
                "1", "--train-limit", "64", "--real-limit", "20", "--samples", "20", "--curve-samples", "0",
                "--out", tmp.resolve("run").toString()), "compare", model, reason);
    }

    /** Case 2: a static batch of 10^9 is refused (the old code cast it to int and multiplied into a negative size). */
    @Test
    void aStaticBatchAboveTheBatchBoundIsRefused() throws Exception {
        Path model = pooling("batch.onnx", 1_000_000_000, 3, 16, 16);
        refused(fid(model), "fid", model, "input 'x'", "a static batch in 1..4096", "found shape [1000000000, 3, 16, 16]");
    }

    /** Case 3: H = W = 2^31 + 7 is the model's fault (exit 1, its file named), not a usage error with an overflowed size. */
    @Test
    void aSideBeyondTheIntRangeIsTheModelsFaultNotAUsageError() throws Exception {
        long side = (1L << 31) + 7;
        Path model = pooling("overflow.onnx", "n", 3, side, side);
        refused(fid(model), "fid", model, "height and width in 1..8192",
                "found shape [-1, 3, " + side + ", " + side + "]");
    }

    /** Case 4: NaN features name the extractor and the images, in fid, compare and extractor check, exit 1. */
    @Test
    void nanFeaturesNameTheExtractorAndTheImagesAndExitOne() throws Exception {
        OnnxWriter g = OnnxWriter.graph("nan").input("x", "n", 3, 16, 16).initializer("nan", new float[] {Float.NaN}, 1);
        g.node("GlobalAveragePool", new String[] {"x"}, "pooled");
        g.node("Flatten", new String[] {"pooled"}, "flat", OnnxWriter.intAttribute("axis", 1));
        g.node("Add", new String[] {"flat", "nan"}, "features");
        Path model = Files.write(tmp.resolve("nan.onnx"), OnnxWriter.model(g.output("features", "n", 3)));
        String extractor = "onnx:nan.onnx?size=16x16";
        CliRun fid = CliRun.of("fid", a.toString(), b.toString(), "--extractor", "onnx:" + model, "--no-cache");
        assertThat(fid.code()).as(fid.err()).isEqualTo(1);
        assertThat(lastLine(fid)).startsWith("ganiqa: fid: " + extractor)
                .contains("expected finite features, found NaN in column 0 of image 0 (")
                .endsWith(" of " + a);
        CliRun check = CliRun.of("extractor", "check", "--extractor", "onnx:" + model, "--images", "20");
        assertThat(check.code()).as(check.err()).isEqualTo(1);
        assertThat(lastLine(check)).startsWith("ganiqa: check: " + extractor)
                .contains("expected finite features, found NaN in column 0 of image 0").contains("fashion-mnist");
        CliRun compare = CliRun.of("compare", "--extractor", "onnx:" + model, "--variants", "dcgan", "--seeds", "1",
                "--epochs", "1", "--train-limit", "64", "--real-limit", "20", "--samples", "20", "--curve-samples",
                "0", "--out", tmp.resolve("run").toString());
        assertThat(compare.code()).as(compare.err()).isEqualTo(1);
        assertThat(lastLine(compare)).startsWith("ganiqa: compare: " + extractor)
                .contains("expected finite features, found NaN in column 0 of image 0").contains("fashion-mnist");
    }

    private static String lastLine(CliRun run) {
        List<String> lines = run.err().strip().lines().toList();
        return lines.get(lines.size() - 1);
    }
}
