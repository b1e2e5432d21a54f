package dev.ganiqa.harness.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.DatasetOptions;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.DecodedImage;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Preprocessing;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.harness.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ganiqa datasets info|export} through the real Cli, with captured streams. */
class DatasetsCommandTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = new Cli(dev.ganiqa.harness.Commands.registry(), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8)).run(args);
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void infoListsSplitsShapeAndNamedClasses() {
        assertThat(run("datasets", "info", "fashion-mnist")).isZero();
        assertThat(out.lines()).contains(
                "dataset: fashion-mnist",
                "train: 60000 images, 28x28x1",
                "test: 10000 images, 28x28x1",
                "classes: 10",
                "   0  T-shirt/top  train 6000  test 1000",
                "   9  Ankle boot   train 6000  test 1000",
                "skipped: 0");
        assertThat(err).isEmpty();
    }

    @Test
    void infoListsSkippedFilesWithReasons() throws Exception {
        assertThat(run("datasets", "export", "synthetic:shapes?size=12&n=12", "--out", dir.toString())).isZero();
        Files.write(dir.resolve("circle/broken.png"), new byte[0]);
        assertThat(run("datasets", "info", dir.toString())).isZero();
        assertThat(out.lines()).contains("layout: 6 class folder(s), order of classes.txt",
                "train: 12 images, 1 size(s) (HxWxC, as decoded)", "  12x12x3: 12", "classes: 6", "   0  circle    train 2",
                "skipped: 1", "  circle/broken.png: empty file (0 bytes)");
    }

    @Test
    void infoOfImagesBesideASubfolderReadsEveryFileAndSaysSo() throws Exception {
        assertThat(run("datasets", "export", "synthetic:shapes?size=12&n=4", "--out", dir.resolve("sub").toString())).isZero();
        for (String name : new String[] {"a.png", "b.png"}) {
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(12, 12,
                    java.awt.image.BufferedImage.TYPE_3BYTE_BGR), "png", dir.resolve(name).toFile());
        }
        Files.write(dir.resolve("c.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        assertThat(run("datasets", "info", dir.toString())).isZero();
        assertThat(out.lines()).contains("layout: unlabelled, read recursively: 3 image(s) at the top level beside "
                + "1 subfolder(s)", "train: 6 images, 1 size(s) (HxWxC, as decoded)", "classes: none (unlabelled)",
                "skipped: 4", "  sub/classes.txt: not a supported image format (content starts with 63 69 72 63 6c 65 0a 73)");
        assertThat(out).contains("  c.png: ");
        assertThat(err).contains(dir + ": 3 image(s) at the top level beside 1 subfolder(s): read as one unlabelled "
                + "set, recursively");
    }

    @Test
    void exportWritesPngsThatReadBackIdentically() throws Exception {
        Path target = dir.resolve("exported");
        assertThat(run("datasets", "export", "fashion-mnist", "--split", "test", "--limit", "200", "--out", target.toString())).isZero();
        assertThat(out).isEqualTo("wrote 200 PNG files (28x28x1) to " + target + " in 10 class folders" + System.lineSeparator());
        assertThat(err).startsWith("ganiqa: exporting 200 of 10000 images");
        try (Stream<Path> files = Files.walk(target)) {
            assertThat(files.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(200);
        }
        ImageDataset original = Datasets.open("fashion-mnist", DatasetOptions.defaults().withInstallMissing(false)).open(Split.TEST);
        ImageDataset back = Datasets.open(target.toString()).open(Split.TRAIN);
        assertThat(back.size()).isEqualTo(200);
        assertThat(back.classNames()).isEqualTo(original.classNames());
        for (int i = 0; i < back.size(); i++) {
            String name = back.name(i);
            int index = Integer.parseInt(name.substring(name.indexOf('/') + 1, name.length() - 4));
            assertThat(back.label(i)).isEqualTo(original.label(index));
            assertThat(back.image(i)).isEqualTo(original.image(index));
        }
    }

    /** 60,000 images at 256x256x3 would be 11 GiB: the limit must apply before the resize, not after. */
    @Test
    void exportResizesOnlyTheImagesItWrites() throws Exception {
        Path target = dir.resolve("large");
        assertThat(run("datasets", "export", "fashion-mnist", "--limit", "3", "--shape", "256x256x3", "--out",
                target.toString())).as(err).isZero();
        assertThat(err).startsWith("ganiqa: exporting 3 of 60000 images");
        ImageDataset original = Datasets.open("fashion-mnist", DatasetOptions.defaults().withInstallMissing(false))
                .open(Split.TRAIN);
        ImageDataset back = Datasets.open(target.toString()).open(Split.TRAIN);
        assertThat(back.size()).isEqualTo(3);
        assertThat(back.shape()).isEqualTo(new ImageShape(256, 256, 3));
        Preprocessing policy = new Preprocessing(new ImageShape(256, 256, 3));
        for (int i = 0; i < back.size(); i++) {
            String name = back.name(i);
            int index = Integer.parseInt(name.substring(name.indexOf('/') + 1, name.length() - 4));
            assertThat(index).isLessThan(3);
            assertThat(back.image(i)).isEqualTo(policy.apply(new DecodedImage(28, 28, 1, original.image(index))));
        }
    }

    @Test
    void shapeOptionResizesAnySource() {
        assertThat(run("datasets", "info", "synthetic:shapes?size=32&n=30", "--shape", "16x16x1")).isZero();
        assertThat(out.lines()).contains("dataset: synthetic:shapes?size=32&channels=3&n=30&seed=1 as 16x16x1",
                "train: 30 images, 16x16x1");
        assertThat(run("datasets", "info", "synthetic:shapes", "--shape", "32x32")).isEqualTo(2);
        assertThat(err).isEqualTo("ganiqa: usage: expected a shape HxWxC such as 32x32x3, found '32x32'" + System.lineSeparator());
    }

    @Test
    void exportRefusesToOverwrite() throws Exception {
        Files.writeString(dir.resolve("keep.txt"), "mine");
        assertThat(run("datasets", "export", "synthetic:shapes?n=3", "--out", dir.toString())).isEqualTo(1);
        assertThat(err).isEqualTo("ganiqa: export: " + dir + ": expected a new or empty folder, found 1 entries" + System.lineSeparator());
        assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("mine");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("datasets", "info")).isEqualTo(2);
        assertThat(err).startsWith("ganiqa: usage: expected one dataset SPEC");
        assertThat(run("datasets", "export", "fashion-mnist")).isEqualTo(2);
        assertThat(err).contains("--out");
        assertThat(run("datasets", "export", "synthetic:shapes?n=3", "--out", dir.resolve("x").toString(), "--split", "dev")).isEqualTo(2);
        assertThat(err).isEqualTo("ganiqa: usage: expected split train or test, found 'dev'" + System.lineSeparator());
        assertThat(run("datasets", "export", "synthetic:shapes?n=3", "--out", dir.resolve("x").toString(), "--limit", "-1")).isEqualTo(2);
        assertThat(run("datasets")).isEqualTo(2);
        assertThat(run("datasets", "info", "--help")).isZero();
        assertThat(out).contains("Usage: info [options] SPEC");
    }

    @Test
    void unusableDataIsAOneLineFailure() throws Exception {
        assertThat(run("datasets", "info", dir.resolve("missing").toString())).isEqualTo(1);
        assertThat(err).startsWith("ganiqa: data: " + dir.resolve("missing") + ": not found").hasLineCount(1);
        Files.write(dir.resolve("a.png"), new byte[] {1, 2, 3});
        assertThat(run("datasets", "info", dir.toString())).isEqualTo(1);
        assertThat(err).isEqualTo("ganiqa: data: " + dir + ": no usable image; a.png: not a supported image format "
                + "(content starts with 01 02 03)" + System.lineSeparator());
        assertThat(run("datasets", "export", dir.toString(), "--split", "test", "--out", dir.resolve("o").toString())).isEqualTo(1);
        assertThat(err).isEqualTo("ganiqa: data: " + dir + ": expected split train, found test" + System.lineSeparator());
    }
}
