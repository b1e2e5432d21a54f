package dev.ganiqa.harness.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ganiqa.harness.cli.CliRun;
import dev.ganiqa.metrics.io.NumpyFiles;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command with an output path checks it before its work: an unwritable path is one line naming the path
 * the user gave and the operating system's reason, exit 1, with nothing computed first (no progress, no values
 * printed) and no hidden temporary file named.
 */
class OutputPathsCommandTest {
    @TempDir
    Path tmp;

    private Path features(String name) throws IOException {
        SplittableRandom r = new SplittableRandom(name.hashCode());
        double[] x = new double[40 * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        Path file = tmp.resolve(name);
        NumpyFiles.writeFeatures(file, new FeatureMatrix(40, 4, x));
        return file;
    }

    /** Each command line, with {@code OUT} where the unwritable path goes; the name the error gives the command. */
    private List<String[]> commands() throws IOException {
        String a = features("a.npy").toString();
        String b = features("b.npy").toString();
        return List.of(
                new String[] {"stats", "stats", a, "--out", "OUT"},
                new String[] {"features", "features", "fashion-mnist@test", "--out", "OUT"},
                new String[] {"features", "features", "fashion-mnist@test", "--out", tmp.resolve("f.npy").toString(),
                    "--probabilities", "OUT"},
                new String[] {"compare-features", "compare-features", a, b, "--json", "OUT"},
                new String[] {"metrics", "metrics", "fashion-mnist@test", "--per-image", "OUT"},
                new String[] {"metrics", "metrics", "fashion-mnist@test", "--json", "OUT"},
                new String[] {"extractor check", "extractor", "check", "--json", "OUT"},
                new String[] {"report", "report", tmp.toString(), "--out", "OUT"},
                new String[] {"bundle", "bundle", tmp.toString(), "--out", "OUT"},
                new String[] {"publish", "publish", tmp.toString(), "--site", "OUT"},
                new String[] {"export", "datasets", "export", "fashion-mnist", "--limit", "3", "--out", "OUT"},
                new String[] {"extractor train", "extractor", "train", "--epochs", "1", "--out", "OUT"},
                new String[] {"sample", "sample", "--run", tmp.toString(), "--out", "OUT"},
                new String[] {"train", "train", "--variant", "dcgan", "--out", "OUT"},
                new String[] {"compare", "compare", "--variants", "dcgan", "--out", "OUT"},
                new String[] {"tune", "tune", "--variants", "dcgan", "--out", "OUT"});
    }

    private static CliRun run(String[] command, String out) {
        List<String> args = new ArrayList<>();
        for (int i = 1; i < command.length; i++) {
            args.add(command[i].equals("OUT") ? out : command[i]);
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aPathUnderAFileIsRefusedBeforeTheWorkNamingItAndTheReason() throws IOException {
        Path file = Files.writeString(tmp.resolve("file.txt"), "not a folder");
        String out = file.resolve("sub/out.json").toString();
        for (String[] command : commands()) {
            CliRun r = run(command, out);
            assertThat(r.code()).as(command[0] + ": " + r.err()).isEqualTo(1);
            assertThat(r.out()).as(command[0]).isEmpty();
            assertThat(r.err()).as(command[0]).isEqualTo("ganiqa: " + command[0] + ": " + out
                    + ": cannot write there: Not a directory (" + file + " is a file)" + System.lineSeparator());
        }
    }

    @Test
    void aFolderTheSystemRefusesGivesItsReasonAndNoTemporaryName() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc, where no file can be created");
        for (String[] command : commands()) {
            String out = "/proc/ganiqa-out";
            CliRun r = run(command, out);
            assertThat(r.code()).as(command[0] + ": " + r.err()).isEqualTo(1);
            assertThat(r.err()).as(command[0]).startsWith("ganiqa: " + command[0] + ": " + out
                    + ": cannot write there: No such file or directory").hasLineCount(1).doesNotContain(".tmp");
        }
    }

    @Test
    void aFolderWhereAFileIsExpectedAndAFileWhereAFolderIs() throws IOException {
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        CliRun stats = CliRun.of("stats", features("a.npy").toString(), "--out", tmp.toString());
        assertThat(stats.code()).isEqualTo(1);
        assertThat(stats.err()).isEqualTo("ganiqa: stats: " + tmp + ": expected a file to write, found a folder"
                + System.lineSeparator());
        CliRun export = CliRun.of("datasets", "export", "fashion-mnist", "--limit", "3", "--out", file.toString());
        assertThat(export.code()).isEqualTo(1);
        assertThat(export.err()).startsWith("ganiqa: export: " + file + ": expected a new or empty folder, found a file");
        CliRun sample = CliRun.of("sample", "--run", tmp.toString(), "--out", file.toString());
        assertThat(sample.code()).isEqualTo(1);
        assertThat(sample.err()).isEqualTo("ganiqa: sample: " + file + ": expected a folder to write into, found a file"
                + System.lineSeparator());
    }
}
