package dev.ganiqa.harness.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ganiqa.datasets.DatasetOptions;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.PartialExport;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.harness.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datasets export} stopped halfway, for real, in a child process: by a write the operating system refuses
 * (a file-size limit, {@code ulimit -f}, gives EFBIG as a full disk gives ENOSPC, without root) and by a kill.
 * The error is one line naming the file and the cause; the folder is marked as a partial export, which the same
 * command finishes and another refuses.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ExportInterruptedTest {
    @TempDir
    Path tmp;

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:-UsePerfData", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "dev.ganiqa.harness.Main"));
        command.addAll(List.of(args));
        return command;
    }

    private static List<Path> pngs(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".png")).toList();
        }
    }

    /**
     * {@link #pngs} of a folder another process is writing: a temporary file renamed during the walk ends it with
     * NoSuchFileException, which only means "look again".
     */
    private static int pngsWhileWritten(Path folder) throws IOException {
        try {
            return pngs(folder).size();
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.file.NoSuchFileException) {
                return 0;
            }
            throw e;
        }
    }

    @Test
    void aRefusedWriteIsOneLineNamingTheFileAndTheCauseAndTheRerunFinishes() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit");
        Path out = tmp.resolve("large");
        String[] export = {"datasets", "export", "fashion-mnist", "--split", "test", "--limit", "4", "--shape",
            "64x64x3", "--out", out.toString()};
        // 1 KiB per file: the marker and classes.txt fit, a 64x64 RGB PNG (1.6 KB and up) does not. The JVM ignores
        // SIGXFSZ, so the write fails with EFBIG ("File too large") as it would with ENOSPC on a full disk.
        String line = "ulimit -f 1; exec " + String.join(" ", javaCommand(export).stream().map(a -> "'" + a + "'")
                .toList());
        Process p = new ProcessBuilder("/bin/bash", "-c", line).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isEqualTo(1);
        List<String> lines = output.lines().toList();
        assertThat(lines).hasSize(2).noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
        assertThat(lines.get(1)).matches("ganiqa: export: " + java.util.regex.Pattern.quote(out.toString())
                + "/[^/]+/00000\\d\\.png: File too large; the partial export in "
                + java.util.regex.Pattern.quote(out.toString()) + " is marked: rerun the same command to finish it");
        assertThat(out.resolve(PartialExport.MARKER)).isRegularFile();

        CliRun rerun = CliRun.of(export);
        assertThat(rerun.code()).as(rerun.err()).isZero();
        assertThat(rerun.err()).startsWith("ganiqa: continuing the partial export of 4 of 10000 images");
        assertThat(pngs(out)).hasSize(4);
        assertThat(out.resolve(PartialExport.MARKER)).doesNotExist();
    }

    @Test
    void aKilledExportIsFinishedByTheSameCommandAndRefusedToAnother() throws Exception {
        Path out = tmp.resolve("killed");
        String[] export = {"datasets", "export", "fashion-mnist", "--split", "test", "--limit", "5000", "--out",
            out.toString()};
        Process p = new ProcessBuilder(javaCommand(export)).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        while (p.isAlive() && (!Files.isDirectory(out) || pngsWhileWritten(out) < 20)) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("the export still running when killed: " + Files.readString(tmp.resolve("child.log")))
                .isTrue();
        p.destroyForcibly().waitFor();
        int before = pngs(out).size();
        assertThat(before).isBetween(20, 4999);
        assertThat(out.resolve(PartialExport.MARKER)).isRegularFile();

        CliRun other = CliRun.of("datasets", "export", "fashion-mnist", "--split", "test", "--limit", "10", "--out",
                out.toString());
        assertThat(other.code()).isEqualTo(1);
        assertThat(other.err()).isEqualTo("ganiqa: export: " + out + ": expected a new or empty folder or a partial "
                + "export of fashion-mnist --split test --limit 10 as 28x28x1, found a partial export of fashion-mnist "
                + "--split test --limit 5000 as 28x28x1 (rerun that export to finish it, or choose another folder)"
                + System.lineSeparator());

        CliRun rerun = CliRun.of(export);
        assertThat(rerun.code()).as(rerun.err()).isZero();
        assertThat(rerun.err()).startsWith("ganiqa: continuing the partial export of 5000 of 10000 images");
        assertThat(out.resolve(PartialExport.MARKER)).doesNotExist();
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).as("no temporary file left")
                    .isEmpty();
        }
        ImageDataset original = Datasets.open("fashion-mnist", DatasetOptions.defaults().withInstallMissing(false))
                .open(Split.TEST);
        ImageDataset back = Datasets.open(out.toString()).open(Split.TRAIN);
        assertThat(back.size()).isEqualTo(5000);
        for (int i = 0; i < back.size(); i++) {
            String name = back.name(i);
            int index = Integer.parseInt(name.substring(name.indexOf('/') + 1, name.length() - 4));
            assertThat(back.label(i)).isEqualTo(original.label(index));
            assertThat(back.image(i)).as(name).isEqualTo(original.image(index));
        }
    }
}
