package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    static byte[] idx(int type, int[] dims, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + payload.length);
        buffer.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            buffer.putInt(d);
        }
        return buffer.put(payload).array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] ramp(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7);
        }
        return b;
    }

    @Test
    void gzipIsDetectedByContentNotByName() throws Exception {
        byte[] images = idx(8, new int[] {3, 2, 4}, ramp(24));
        byte[] labels = idx(8, new int[] {3}, new byte[] {2, 0, 1});
        // A gzipped file without .gz and a raw file named .gz.
        Files.write(dir.resolve("images.raw"), gzip(images));
        Files.write(dir.resolve("labels.gz"), labels);
        ImageDataset d = Datasets.open("idx:" + dir.resolve("images.raw") + "," + dir.resolve("labels.gz")).open(Split.TRAIN);
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.shape()).isEqualTo(new ImageShape(2, 4, 1));
        assertThat(d.classNames()).containsExactly("0", "1", "2");
        assertThat(d.label(0)).isEqualTo(2);
        assertThat(d.image(1)).containsExactly(java.util.Arrays.copyOfRange(ramp(24), 8, 16));
    }

    @Test
    void imagesWithoutLabelsAreUnlabelled() throws Exception {
        Files.write(dir.resolve("images"), idx(8, new int[] {2, 2, 2, 3}, ramp(24)));
        ImageDataset d = Datasets.open("idx:" + dir.resolve("images")).open(Split.TRAIN);
        assertThat(d.shape()).isEqualTo(new ImageShape(2, 2, 3));
        assertThat(d.hasLabels()).isFalse();
        assertThat(d.label(1)).isEqualTo(-1);
    }

    @Test
    void wrongMagicIsRefused() throws Exception {
        Path file = Files.write(dir.resolve("bad"), idx(0x0D, new int[] {1, 2, 2}, ramp(4)));
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DatasetException.class)
                .hasMessage(file + ": expected IDX magic 00 00 08 0D (unsigned bytes, 1..4 dimensions), found 00 00 0d 03");
        Path png = Files.write(dir.resolve("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThatThrownBy(() -> IdxReader.readImages(png)).hasMessageContaining("found 89 50 4e 47");
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertThatThrownBy(() -> IdxReader.readImages(empty)).hasMessageContaining("found an empty file");
    }

    @Test
    void shortPayloadIsRefused() throws Exception {
        Path file = Files.write(dir.resolve("short.gz"), gzip(idx(8, new int[] {10, 28, 28}, ramp(1000))));
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(DatasetException.class)
                .hasMessage(file + ": short payload: expected 7840 bytes of pixels (10 images of 28x28x1), found 1000");
    }

    @Test
    void truncatedHeaderIsRefused() throws Exception {
        Path file = Files.write(dir.resolve("cut"), new byte[] {0, 0, 8, 3, 0, 0, 0, 1});
        assertThatThrownBy(() -> IdxReader.readImages(file)).hasMessage(file + ": short header: expected 3 dimension sizes, found 1");
    }

    @Test
    void labelCountMismatchIsRefused() throws Exception {
        Path images = Files.write(dir.resolve("i"), idx(8, new int[] {3, 2, 2}, ramp(12)));
        Path labels = Files.write(dir.resolve("l"), idx(8, new int[] {2}, new byte[] {0, 1}));
        assertThatThrownBy(() -> Datasets.open("idx:" + images + "," + labels).open(Split.TRAIN))
                .isInstanceOf(DatasetException.class)
                .hasMessage(labels + ": expected 3 labels (one per image in i), found 2");
    }

    @Test
    void labelFileMustBeOneDimensional() throws Exception {
        Path images = Files.write(dir.resolve("i"), idx(8, new int[] {2, 2, 2}, ramp(8)));
        assertThatThrownBy(() -> Datasets.open("idx:" + images + "," + images).open(Split.TRAIN))
                .hasMessage(images + ": expected a label file with 1 dimension, found 3");
    }

    @Test
    void missingFileAndBadSpecAreOneLine() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> Datasets.open("idx:" + missing).open(Split.TRAIN)).hasMessage(missing + ": not found");
        assertThatThrownBy(() -> Datasets.open("idx:")).hasMessageContaining("expected idx:IMAGES[,LABELS]");
        assertThatThrownBy(() -> Datasets.open("idx:a,b,c")).hasMessageContaining("expected idx:IMAGES[,LABELS]");
        assertThatThrownBy(() -> Datasets.open("idx:" + dir).open(Split.TRAIN))
                .hasMessage(dir + ": expected a file, found a directory");
        assertThatThrownBy(() -> Datasets.open("idx:" + dir.resolve("x")).open(Split.TEST))
                .hasMessageContaining("expected split train, found test");
    }
}
