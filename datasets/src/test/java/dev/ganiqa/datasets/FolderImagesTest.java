package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder as a lazy {@link ImageSet}: own sizes, decode failures at read time, a checksum over the files. */
class FolderImagesTest {
    @TempDir
    Path dir;

    @Test
    void entriesAreDecodedOnReadAtTheirOwnSize() throws Exception {
        TestImages.write(TestImages.gray8(), "png", dir.resolve("a.png"));
        TestImages.write(TestImages.rgba8(100), "png", dir.resolve("b.png"));
        Files.write(dir.resolve("c.png"), new byte[0]);
        FolderImages set = FolderImages.open(dir, DatasetOptions.defaults());
        assertThat(set.layout().kind()).isEqualTo(FolderLayout.Kind.FLAT);
        assertThat(set.notices()).isEmpty();
        assertThat(set.size()).isEqualTo(3);
        assertThat(set.read(0).channels()).isEqualTo(1);
        DecodedImage rgba = set.read(1);
        assertThat(new int[] {rgba.width(), rgba.height(), rgba.channels()}).containsExactly(8, 6, 4);
        assertThatThrownBy(() -> set.read(2)).isInstanceOf(ImageDecoder.Refused.class)
                .hasMessage("empty file (0 bytes)");
        assertThat(set.label(0)).isEqualTo(-1);
    }

    @Test
    void checksumFollowsBytesPathsAndLabels() throws Exception {
        TestImages.write(TestImages.gray8(), "png", dir.resolve("x/a.png"));
        TestImages.write(TestImages.rgb8(), "png", dir.resolve("y/b.png"));
        String first = FolderImages.open(dir, DatasetOptions.defaults()).checksum();
        assertThat(FolderImages.open(dir, DatasetOptions.defaults()).checksum()).isEqualTo(first).hasSize(64);
        Files.move(dir.resolve("y/b.png"), dir.resolve("y/c.png"));
        String renamed = FolderImages.open(dir, DatasetOptions.defaults()).checksum();
        assertThat(renamed).isNotEqualTo(first);
        Files.writeString(dir.resolve("classes.txt"), "y\nx\n");
        assertThat(FolderImages.open(dir, DatasetOptions.defaults()).checksum()).as("labels swapped")
                .isNotEqualTo(renamed);
        byte[] bytes = Files.readAllBytes(dir.resolve("x/a.png"));
        bytes[bytes.length - 20] ^= 1;
        Files.write(dir.resolve("x/a.png"), bytes);
        assertThat(FolderImages.open(dir, DatasetOptions.defaults()).checksum()).isNotEqualTo(renamed);
    }

    @Test
    void openImagesStreamsFoldersAndWrapsOtherSpecs() throws Exception {
        TestImages.write(TestImages.gray8(), "png", dir.resolve("a.png"));
        assertThat(Datasets.openImages(dir.toString(), Split.TRAIN, DatasetOptions.defaults()))
                .isInstanceOf(FolderImages.class);
        assertThatThrownBy(() -> Datasets.openImages(dir.toString(), Split.TEST, DatasetOptions.defaults()))
                .isInstanceOf(DatasetException.class).hasMessage(dir + ": expected split train (an image folder has "
                        + "one), found test");
        ImageSet shapes = Datasets.openImages("synthetic:shapes?size=12&n=6", Split.TRAIN,
                DatasetOptions.defaults().withTarget(new ImageShape(5, 5, 1)));
        assertThat(shapes.size()).isEqualTo(6);
        assertThat(shapes.read(0).width()).as("no target applied").isEqualTo(12);
    }
}
