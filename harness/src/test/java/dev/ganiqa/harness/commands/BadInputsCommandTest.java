package dev.ganiqa.harness.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.beust.jcommander.Parameters;
import dev.ganiqa.harness.Commands;
import dev.ganiqa.harness.cli.CliRun;
import dev.ganiqa.harness.cli.CommandGroup;
import dev.ganiqa.metrics.io.NumpyFiles;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong input files and wrong arguments through the real command line: a bad file is a failure (exit 1) named
 * in one line {@code ganiqa: FILE: expected X, found Y}; an unknown option or an out-of-range number is a usage
 * error (exit 2) naming the option.
 */
class BadInputsCommandTest {
    @TempDir
    Path tmp;

    private Path stats(String name, double[] mu, double[] sigma) throws IOException {
        Path file = tmp.resolve(name);
        NumpyFiles.writeStats(file, new GaussianStats(mu, sigma, 0));
        return file;
    }

    private Path good() throws IOException {
        return stats("good.npz", new double[] {1, 2}, new double[] {2, 0.5, 0.5, 1});
    }

    /** A .npy whose header says {@code shape} over 16 bytes of data, as a corrupted or hostile file may. */
    private Path npyWithShape(String name, String shape) throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
        byte[] head = header.getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[10 + head.length + 16];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) head.length, (byte) (head.length >>> 8)};
        System.arraycopy(magic, 0, bytes, 0, 10);
        System.arraycopy(head, 0, bytes, 10, head.length);
        Path file = tmp.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static void assertFileError(CliRun run, Path file, String problem) {
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("ganiqa: " + file + ": " + problem).hasLineCount(1);
    }

    @Test
    void aSigmaThatIsNoCovarianceFailsNamingTheFile() throws IOException {
        Path minusI = stats("minus-identity.npz", new double[] {0, 0}, new double[] {-1, 0, 0, -1});
        assertFileError(CliRun.of("fid", minusI.toString(), good().toString()), minusI,
                "expected a positive semi-definite sigma (smallest eigenvalue >= -1.0E-4 x largest), found smallest "
                        + "eigenvalue -1.0 and largest -1.0");
        Path asymmetric = stats("asymmetric.npz", new double[] {0, 0}, new double[] {2, 1.5, 0.5, 1});
        assertFileError(CliRun.of("fid", good().toString(), asymmetric.toString()), asymmetric,
                "expected a symmetric sigma");
        Path nan = stats("nan.npz", new double[] {0, Double.NaN}, new double[] {1, 0, 0, 1});
        assertFileError(CliRun.of("fid", nan.toString(), good().toString()), nan, "expected finite mu, found mu[1] = NaN");
    }

    @Test
    void nonFiniteFeaturesFailNamingTheFileRowAndColumn() throws IOException {
        double[] x = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 7;
        }
        x[13] = Double.POSITIVE_INFINITY;
        Path file = tmp.resolve("features.npy");
        NumpyFiles.writeFeatures(file, new FeatureMatrix(10, 4, x));
        assertFileError(CliRun.of("fid", file.toString(), good().toString()), file,
                "expected finite features, found Infinity at row 3, column 1");
        assertFileError(CliRun.of("compare-features", file.toString(), file.toString()), file, "expected finite features");
    }

    @Test
    void impossibleShapesFailBeforeAllocating() throws IOException {
        Path negative = npyWithShape("negative.npy", "(-5, 64)");
        assertFileError(CliRun.of("fid", negative.toString(), good().toString()), negative,
                "expected non-negative dimensions in shape, found (-5, 64)");
        Path huge = npyWithShape("huge.npy", "(4000000000, 2048)");
        assertFileError(CliRun.of("fid", huge.toString(), good().toString()), huge,
                "expected dimensions under 2^31 in shape, found (4000000000, 2048)");
        Path beyond = npyWithShape("beyond.npy", "(50000, 2048)");
        assertFileError(CliRun.of("fid", beyond.toString(), good().toString()), beyond,
                "expected 819200000 data bytes for shape (50000, 2048) of <f8, found 16");
    }

    @Test
    void unknownOptionsAreNamedInEveryCommand() throws IOException {
        String a = good().toString();
        for (String[] args : new String[][] {
                {"fid", "--bogus", a, a},
                {"fid", a, a, "--bogus"},
                {"stats", "--bogus", a, "--out", tmp.resolve("o.npz").toString()},
                {"compare-features", "-x", a, a},
                {"datasets", "info", "--bogus", "fashion-mnist"},
                {"report", "--bogus", tmp.toString()}}) {
            CliRun run = CliRun.of(args);
            String unknown = args[0].equals("compare-features") ? "-x" : "--bogus";
            assertThat(run.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).contains("unknown option " + unknown).hasLineCount(1)
                    .doesNotContain("inputs");
        }
        assertThat(CliRun.of("datasets", "info", "--bogus", "x").err()).contains("see ganiqa datasets info --help");
    }

    /** Every registered command and subcommand, as the words that select it ({@code datasets info}). */
    private static List<List<String>> everyCommand() {
        List<List<String>> out = new ArrayList<>();
        for (Object command : Commands.registry().create()) {
            String name = command.getClass().getAnnotation(Parameters.class).commandNames()[0];
            out.add(List.of(name));
            if (command instanceof CommandGroup group) {
                for (Object sub : group.subcommands()) {
                    out.add(List.of(name, sub.getClass().getAnnotation(Parameters.class).commandNames()[0]));
                }
            }
        }
        return out;
    }

    @Test
    void everyCommandAnswersAnUnknownOptionInTheSameWords() {
        List<List<String>> commands = everyCommand();
        assertThat(commands).hasSizeGreaterThan(18).contains(List.of("compare"), List.of("datasets", "export"),
                List.of("extractor", "check"), List.of("publish"));
        for (List<String> command : commands) {
            // Alone, and after a valid option with its value: either way, before any required option is missed.
            for (List<String> rest : List.of(List.of("--bogus"), List.of("--verbose", "--bogus", "x"))) {
                List<String> args = new ArrayList<>(command);
                args.addAll(rest);
                CliRun run = CliRun.of(args.toArray(String[]::new));
                assertThat(run.code()).as(String.join(" ", args)).isEqualTo(2);
                assertThat(run.err()).as(String.join(" ", args)).isEqualTo("ganiqa: usage: unknown option --bogus (see "
                        + "ganiqa " + String.join(" ", command) + " --help)" + System.lineSeparator());
            }
        }
        CliRun before = CliRun.of("--bogus", "fid", "a.npz", "b.npz");
        assertThat(before.err()).isEqualTo("ganiqa: usage: unknown option --bogus (see ganiqa --help)"
                + System.lineSeparator());
        // The global options are known before the command, its own after it.
        CliRun global = CliRun.of("--verbose", "stats", "--bogus");
        assertThat(global.err()).isEqualTo("ganiqa: usage: unknown option --bogus (see ganiqa stats --help)"
                + System.lineSeparator());
        assertThat(CliRun.of("--help").code()).isZero();
        assertThat(CliRun.of("-h").out()).contains("Commands:");
        // An option's value that looks like an option is the value, not an unknown option.
        CliRun value = CliRun.of("extractor", "bench", "--images", "-5");
        assertThat(value.err()).contains("expected --images >= 1, found -5").doesNotContain("unknown option");
    }

    @Test
    void numericOptionsOutOfRangeAreUsageErrors() {
        String[][] cases = {
                {"expected --images >= 1, found -5", "extractor", "bench", "--images", "-5"},
                {"expected --batch >= 1, found 0", "extractor", "bench", "--batch", "0"},
                {"expected --repeats to be an integer >= 1, found 'many'", "extractor", "bench", "--repeats", "many"},
                {"expected --epochs >= 1, found 0", "extractor", "train", "--epochs", "0", "--out", "x"},
                {"expected --n-critic >= 1, found -1", "train", "--variant", "wgan", "--n-critic", "-1"},
                {"expected --threads >= 0, found -2", "train", "--variant", "wgan", "--threads", "-2"},
                {"expected --real-limit >= 0, found -1", "compare", "--real-limit", "-1"},
                {"expected --samples >= 1, found 0", "compare", "--samples", "0"},
                {"expected --kid-subsets >= 1, found 0", "compare-features", "a.npy", "b.npy", "--kid-subsets", "0"},
                {"expected --threads >= 1, found 0", "fid", "a.npz", "b.npz", "--threads", "0"},
                {"expected --class >= 0, found -1", "sample", "--run", "r", "--out", "o", "--class", "-1"},
                {"expected --limit >= 0, found -3", "datasets", "export", "fashion-mnist", "--out", "o", "--limit", "-3"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            CliRun run = CliRun.of(args);
            assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).startsWith("ganiqa: usage: ").contains(c[0]).hasLineCount(1);
        }
    }
}
