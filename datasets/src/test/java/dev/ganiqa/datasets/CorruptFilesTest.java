package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random damage (flipped bytes, cut tails) to real files of every format: each damaged file must end
 * up either loaded or listed as skipped with a reason, within the timeout, and the intact copies must load.
 */
class CorruptFilesTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void everyDamagedFileIsLoadedOrSkippedNeverFatal() throws Exception {
        Path originals = dir.resolve("originals");
        TestImages.write(TestImages.rgb8(), "png", originals.resolve("a.png"));
        TestImages.write(TestImages.gray16(), "png", originals.resolve("b.png"));
        TestImages.write(TestImages.palette(), "gif", originals.resolve("c.gif"));
        TestImages.write(TestImages.rgb8(), "bmp", originals.resolve("d.bmp"));
        TestImages.write(TestImages.rgb8(), "tiff", originals.resolve("e.tif"));
        TestImages.writeJpeg(TestImages.rgb8(), originals.resolve("f.jpg"), true);
        TestImages.copyResource("gradient-8x6-lossy.webp", originals.resolve("g.webp"));
        TestImages.copyResource("cmyk-cyan-yellow-16x8.jpg", originals.resolve("h.jpg"));
        Path damaged = dir.resolve("damaged");
        Files.createDirectories(damaged);
        SplittableRandom random = new SplittableRandom(11);
        int written = 0;
        try (var files = Files.list(originals)) {
            for (Path original : files.sorted().toList()) {
                byte[] bytes = Files.readAllBytes(original);
                for (int v = 0; v < 25; v++) {
                    byte[] copy = bytes.clone();
                    int flips = 1 + random.nextInt(6);
                    for (int f = 0; f < flips; f++) {
                        copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                    }
                    if (v % 3 == 0) {
                        copy = java.util.Arrays.copyOf(copy, 1 + random.nextInt(copy.length));
                    }
                    Files.write(damaged.resolve(v + "-" + original.getFileName()), copy);
                    written++;
                }
                Files.copy(original, damaged.resolve("intact-" + original.getFileName()));
                written++;
            }
        }
        ArrayDataset d = ImageFolderReader.read(damaged, DatasetOptions.defaults().withThreads(2).withTarget(new ImageShape(6, 8, 3)));
        assertThat(d.size() + d.skipped().size()).isEqualTo(written);
        assertThat(FolderBadInputTest.names(d)).filteredOn(n -> n.startsWith("intact-")).hasSize(8);
        assertThat(d.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank().doesNotContain("\n"));
        assertThat(d.skipped()).isNotEmpty();
    }
}
