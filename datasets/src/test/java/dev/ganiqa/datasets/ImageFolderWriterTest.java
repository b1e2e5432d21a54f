package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export then read back: the same pixels, labels and class names, for gray and RGB datasets. */
class ImageFolderWriterTest {
    @TempDir
    Path out;

    @Test
    void fashionMnistRoundTripsThroughPngFolders() throws Exception {
        ImageDataset test = Datasets.open("fashion-mnist", DatasetOptions.defaults().withInstallMissing(false)).open(Split.TEST);
        assertRoundTrip(test, 300);
        assertThat(Files.isDirectory(out.resolve("T-shirt_top"))).isTrue();
    }

    @Test
    void rgbSyntheticShapesRoundTrip() throws Exception {
        assertRoundTrip(Datasets.open("synthetic:shapes?size=20&n=40&seed=2").open(Split.TRAIN), 40);
    }

    @Test
    void unlabelledDatasetsGoToTheTopLevel() throws Exception {
        ArrayDataset d = new ArrayDataset("two", new ImageShape(2, 3, 1), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                null, java.util.List.of(), null, java.util.List.of());
        ImageFolderWriter.write(d, out, 10);
        ArrayDataset back = ImageFolderReader.read(out, DatasetOptions.defaults());
        assertThat(FolderBadInputTest.names(back)).containsExactly("000000.png", "000001.png");
        assertThat(back.image(1)).containsExactly(7, 8, 9, 10, 11, 12);
        assertThat(back.hasLabels()).isFalse();
    }

    private void assertRoundTrip(ImageDataset original, int limit) throws Exception {
        ImageFolderWriter.write(original, out, limit);
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(limit);
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count()).as("no temp files left").isZero();
        }
        ArrayDataset back = ImageFolderReader.read(out, DatasetOptions.defaults().withThreads(2));
        assertThat(back.size()).isEqualTo(limit);
        assertThat(back.shape()).isEqualTo(original.shape());
        assertThat(back.classNames()).isEqualTo(original.classNames());
        for (int i = 0; i < back.size(); i++) {
            String name = back.name(i);
            int index = Integer.parseInt(name.substring(name.lastIndexOf('/') + 1, name.length() - 4));
            assertThat(back.label(i)).as(name).isEqualTo(original.label(index));
            assertThat(back.image(i)).as(name).isEqualTo(original.image(index));
        }
    }
}
