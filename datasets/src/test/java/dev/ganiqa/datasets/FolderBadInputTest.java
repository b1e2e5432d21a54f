package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bad input in an image folder: the good files load, each bad one is skipped with its reason. */
@Timeout(60)
class FolderBadInputTest {
    @TempDir
    Path dir;

    /** A real PNG whose IHDR claims width x height (CRC fixed up), with a 1x1 payload: a decompression bomb header. */
    static byte[] pngClaiming(Path scratch, int width, int height) throws Exception {
        Path small = TestImages.write(TestImages.gray8(), "png", scratch.resolve("small.png"));
        byte[] png = Files.readAllBytes(small);
        Files.delete(small);
        ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    @Test
    void goodFilesLoadAndEachBadFileIsListedWithItsReason() throws Exception {
        // One class folder "c" (folders inside it are not classes).
        Path c = dir.resolve("c");
        Path good = TestImages.write(TestImages.rgb8(), "png", c.resolve("good.png"));
        byte[] png = Files.readAllBytes(good);
        java.awt.image.BufferedImage noise = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                noise.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        Path jpeg = TestImages.writeJpeg(noise, c.resolve("scratch.jpg"), false);
        byte[] jpg = Files.readAllBytes(jpeg);
        Files.delete(jpeg);
        TestImages.write(TestImages.rgb8(), "png", c.resolve("nested.png/inner.png"));
        Files.createDirectories(c.resolve("folder.png"));
        Files.write(c.resolve("empty.png"), new byte[0]);
        Files.write(c.resolve("truncated.png"), Arrays.copyOf(png, png.length / 2));
        Files.write(c.resolve("truncated.jpg"), Arrays.copyOf(jpg, jpg.length * 2 / 3));
        Files.write(c.resolve("headers-only.jpg"), Arrays.copyOf(jpg, 200));
        Files.write(c.resolve("notes.png"), "hello, not an image".getBytes(StandardCharsets.US_ASCII));
        Files.write(c.resolve("image.ppm"), "P6\n1 1\n255\n\u0001\u0002\u0003".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(c.resolve("bomb.png"), pngClaiming(c, 50_000, 50_000));
        Files.createSymbolicLink(c.resolve("dangling.png"), Path.of("missing.png"));
        Files.createSymbolicLink(c.resolve("loop-a.png"), Path.of("loop-b.png"));
        Files.createSymbolicLink(c.resolve("loop-b.png"), Path.of("loop-a.png"));
        Files.createDirectories(c.resolve("sub"));
        Files.createSymbolicLink(c.resolve("sub/up"), Path.of(".."));
        Files.createSymbolicLink(c.resolve("alias.png"), Path.of("good.png"));

        ArrayDataset d = ImageFolderReader.read(dir, DatasetOptions.defaults().withThreads(2));
        // Without a decode budget pass 1 reads headers only and pass 2 decodes: the same outcome.
        ArrayDataset twoPass = ImageFolderReader.read(dir, DatasetOptions.defaults().withThreads(2), 0);
        assertThat(twoPass.skipped()).isEqualTo(d.skipped());
        assertThat(names(twoPass)).isEqualTo(names(d));

        assertThat(names(d)).containsExactly("c/alias.png", "c/good.png", "c/nested.png/inner.png");
        assertThat(d.image(0)).isEqualTo(d.image(1));
        Map<String, String> reasons = new LinkedHashMap<>();
        d.skipped().forEach(s -> reasons.put(s.path(), s.reason()));
        assertThat(reasons.keySet()).containsExactly("c/bomb.png", "c/dangling.png", "c/empty.png", "c/folder.png/", "c/headers-only.jpg", "c/image.ppm",
                "c/loop-a.png", "c/loop-b.png", "c/notes.png", "c/sub/up", "c/truncated.jpg", "c/truncated.png");
        assertThat(reasons.get("c/bomb.png")).isEqualTo("50000x50000 = 2500000000 pixels, above the limit of 67108864 (not decoded)");
        assertThat(reasons.get("c/dangling.png")).isEqualTo("broken symlink (target missing.png does not exist)");
        assertThat(reasons.get("c/empty.png")).isEqualTo("empty file (0 bytes)");
        assertThat(reasons.get("c/folder.png/")).isEqualTo("empty folder");
        assertThat(reasons.get("c/image.ppm")).isEqualTo("not a supported image format (content starts with 50 36 0a 31 20 31 0a 32)");
        assertThat(reasons.get("c/loop-a.png")).isEqualTo("symlink loop");
        assertThat(reasons.get("c/notes.png")).isEqualTo("not a supported image format (content starts with 68 65 6c 6c 6f 2c 20 6e)");
        assertThat(reasons.get("c/sub/up")).isEqualTo("symlink loop (folder links back to an ancestor)");
        assertThat(reasons.get("c/truncated.jpg")).isEqualTo("truncated JPEG: Corrupt JPEG data: premature end of data segment");
        assertThat(reasons.get("c/headers-only.jpg")).startsWith("corrupt or truncated JPEG: ");
        assertThat(reasons.get("c/truncated.png")).startsWith("corrupt or truncated PNG: ");
    }

    @Test
    void fifosAreNeverOpened() throws Exception {
        TestImages.write(TestImages.rgb8(), "png", dir.resolve("a.png"));
        Path fifo = dir.resolve("pipe.png");
        int code = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        org.junit.jupiter.api.Assumptions.assumeTrue(code == 0, "mkfifo is not available");
        ArrayDataset d = ImageFolderReader.read(dir, DatasetOptions.defaults());
        assertThat(names(d)).containsExactly("a.png");
        assertThat(d.skipped()).containsExactly(new SkippedFile("pipe.png", "not a regular file"));
    }

    @Test
    void pixelLimitIsConfigurable() throws Exception {
        TestImages.write(TestImages.rgb8(), "png", dir.resolve("a.png"));
        Path big = TestImages.write(new java.awt.image.BufferedImage(100, 100, java.awt.image.BufferedImage.TYPE_3BYTE_BGR),
                "png", dir.resolve("big.png"));
        ArrayDataset d = ImageFolderReader.read(dir, DatasetOptions.defaults().withMaxPixels(1000));
        assertThat(names(d)).containsExactly("a.png");
        assertThat(d.skipped()).containsExactly(new SkippedFile("big.png", "100x100 = 10000 pixels, above the limit of 1000 (not decoded)"));
        assertThat(Files.exists(big)).isTrue();
    }

    @Test
    void mixedSizesAreBroughtToTheMostCommonOne() throws Exception {
        TestImages.write(TestImages.rgb8(), "png", dir.resolve("a.png"));
        TestImages.write(TestImages.rgb8(), "png", dir.resolve("b.png"));
        TestImages.write(new java.awt.image.BufferedImage(16, 12, java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", dir.resolve("c.png"));
        ArrayDataset d = ImageFolderReader.read(dir, DatasetOptions.defaults());
        assertThat(d.shape()).isEqualTo(new ImageShape(6, 8, 3));
        assertThat(d.size()).isEqualTo(3);
        ArrayDataset small = ImageFolderReader.read(dir, DatasetOptions.defaults().withTarget(new ImageShape(3, 3, 1)));
        assertThat(small.shape()).isEqualTo(new ImageShape(3, 3, 1));
    }

    @Test
    void classSubfoldersBecomeLabels() throws Exception {
        TestImages.write(TestImages.gray8(), "png", dir.resolve("zebra/1.png"));
        TestImages.write(TestImages.gray8(), "png", dir.resolve("ant/2.png"));
        TestImages.write(TestImages.gray8(), "png", dir.resolve("ant/deep/3.png"));
        Files.writeString(dir.resolve("README.md"), "not an image");
        Files.createDirectories(dir.resolve("empty-class"));
        ArrayDataset d = ImageFolderReader.read(dir, DatasetOptions.defaults());
        assertThat(d.classNames()).containsExactly("ant", "empty-class", "zebra");
        assertThat(names(d)).containsExactly("ant/2.png", "ant/deep/3.png", "zebra/1.png");
        assertThat(new int[] {d.label(0), d.label(1), d.label(2)}).containsExactly(0, 0, 2);
        assertThat(d.shape()).isEqualTo(new ImageShape(6, 8, 1));
        assertThat(d.image(0)[3] & 0xFF).as("gray read through the raster, not sRGB-converted").isEqualTo(TestImages.gray(3, 0));
        assertThat(d.skipped()).containsExactly(new SkippedFile("README.md", "not an image name beside class folders "
                        + "(images at the top level would make the folder one unlabelled set)"),
                new SkippedFile("empty-class/", "empty folder"));
        assertThat(FolderImages.open(dir, DatasetOptions.defaults()).layout())
                .isEqualTo(new FolderLayout(FolderLayout.Kind.CLASSES, 0, 3, false));
    }

    @Test
    void imagesAtTheTopLevelMakeOneUnlabelledSetReadRecursively() throws Exception {
        for (int i = 0; i < 4; i++) {
            TestImages.write(TestImages.rgb8(), "png", dir.resolve("loose-" + i + ".png"));
        }
        Files.write(dir.resolve("loose-9.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
        TestImages.write(TestImages.gray8(), "png", dir.resolve("sub/deep/a.png"));
        Files.writeString(dir.resolve("classes.txt"), "sub\n");
        ArrayDataset d = ImageFolderReader.read(dir, DatasetOptions.defaults());
        assertThat(d.classNames()).isEmpty();
        assertThat(names(d)).containsExactly("loose-0.png", "loose-1.png", "loose-2.png", "loose-3.png", "sub/deep/a.png");
        assertThat(d.skipped()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo("loose-9.jpg");
            assertThat(s.reason()).isNotBlank();
        });
        assertThat(d.description()).isEqualTo(dir + " (unlabelled, read recursively: 5 image(s) at the top level "
                + "beside 1 subfolder(s))");
        FolderImages set = FolderImages.open(dir, DatasetOptions.defaults());
        assertThat(set.layout()).isEqualTo(new FolderLayout(FolderLayout.Kind.MIXED, 5, 1, true));
        assertThat(set.notices()).containsExactly(dir + ": 5 image(s) at the top level beside 1 subfolder(s): read "
                + "as one unlabelled set, recursively (classes.txt ignored); for classes, put every image in a "
                + "first-level subfolder");
        assertThat(set.size()).isEqualTo(6);
        assertThat(set.hasLabels()).isFalse();
    }

    @Test
    void whollyUnusableFoldersAreOneLineErrors() throws Exception {
        assertThatThrownBy(() -> ImageFolderReader.read(dir, DatasetOptions.defaults()))
                .isInstanceOf(DatasetException.class).hasMessage(dir + ": no usable image; /: empty folder");
        Files.write(dir.resolve("empty.png"), new byte[0]);
        Files.write(dir.resolve("text.png"), new byte[] {'h', 'i'});
        assertThatThrownBy(() -> ImageFolderReader.read(dir, DatasetOptions.defaults()))
                .hasMessage(dir + ": no usable image; empty.png: empty file (0 bytes) (and 1 more files refused)");
        assertThatThrownBy(() -> Datasets.open(dir.resolve("nope").toString()).open(Split.TRAIN))
                .hasMessageStartingWith(dir.resolve("nope") + ": not found");
        assertThatThrownBy(() -> Datasets.open(dir.resolve("empty.png").toString()).open(Split.TRAIN))
                .hasMessage(dir.resolve("empty.png") + ": expected an image folder, found a file");
    }

    @Test
    void decodingIsDeterministicAcrossThreadCounts() throws Exception {
        for (int i = 0; i < 12; i++) {
            TestImages.write(i % 2 == 0 ? TestImages.rgb8() : TestImages.palette(), "png", dir.resolve("c" + (i % 3) + "/" + i + ".png"));
        }
        ArrayDataset one = ImageFolderReader.read(dir, DatasetOptions.defaults().withThreads(1));
        ArrayDataset four = ImageFolderReader.read(dir, DatasetOptions.defaults().withThreads(4));
        ArrayDataset headersFirst = ImageFolderReader.read(dir, DatasetOptions.defaults().withThreads(2), 0);
        assertThat(headersFirst.shape()).isEqualTo(one.shape());
        for (int i = 0; i < one.size(); i++) {
            assertThat(headersFirst.image(i)).isEqualTo(one.image(i));
        }
        assertThat(names(one)).isEqualTo(names(four)).isSorted();
        for (int i = 0; i < one.size(); i++) {
            assertThat(four.image(i)).isEqualTo(one.image(i));
            assertThat(four.label(i)).isEqualTo(one.label(i));
        }
    }

    static java.util.List<String> names(ImageDataset d) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            names.add(d.name(i));
        }
        return names;
    }
}
