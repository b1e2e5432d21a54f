package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10 binary batches written in the real record layout (label byte, then R, G, B planes). */
class Cifar10ReaderTest {
    @TempDir
    Path dir;

    /** {@code n} records; record r has label r % 10 and plane k pixel p = (r + 3k + p) mod 256. */
    static byte[] batch(int n, int offset) {
        byte[] data = new byte[n * Cifar10Reader.RECORD];
        for (int r = 0; r < n; r++) {
            int base = r * Cifar10Reader.RECORD;
            data[base] = (byte) ((r + offset) % 10);
            for (int k = 0; k < 3; k++) {
                for (int p = 0; p < 1024; p++) {
                    data[base + 1 + k * 1024 + p] = (byte) (r + offset + 3 * k + p);
                }
            }
        }
        return data;
    }

    private void writeAll() throws Exception {
        for (int i = 1; i <= 5; i++) {
            Files.write(dir.resolve("data_batch_" + i + ".bin"), batch(2, 2 * (i - 1)));
        }
        Files.write(dir.resolve("test_batch.bin"), batch(3, 100));
    }

    @Test
    void readsTrainAndTestAndTransposesToHwc() throws Exception {
        writeAll();
        DatasetSource source = Datasets.open("cifar10:" + dir);
        ImageDataset train = source.open(Split.TRAIN);
        ImageDataset test = source.open(Split.TEST);
        assertThat(train.size()).isEqualTo(10);
        assertThat(test.size()).isEqualTo(3);
        assertThat(train.shape()).isEqualTo(new ImageShape(32, 32, 3));
        assertThat(train.classNames()).hasSize(10).startsWith("airplane").endsWith("truck");
        assertThat(train.label(7)).isEqualTo(7);
        assertThat(test.label(0)).isEqualTo(0);
        byte[] image = train.image(7);
        int p = 5 * 32 + 9;
        assertThat(image[3 * p] & 0xFF).isEqualTo((7 + p) & 0xFF);
        assertThat(image[3 * p + 1] & 0xFF).isEqualTo((7 + 3 + p) & 0xFF);
        assertThat(image[3 * p + 2] & 0xFF).isEqualTo((7 + 6 + p) & 0xFF);
    }

    @Test
    void classNamesComeFromBatchesMeta() throws Exception {
        writeAll();
        Files.writeString(dir.resolve("batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
        assertThat(Datasets.open("cifar10:" + dir).open(Split.TEST).classNames()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    }

    @Test
    void badFilesAreOneLineErrors() throws Exception {
        writeAll();
        Path broken = dir.resolve("data_batch_3.bin");
        Files.write(broken, new byte[5000]);
        assertThatThrownBy(() -> Datasets.open("cifar10:" + dir).open(Split.TRAIN)).isInstanceOf(DatasetException.class)
                .hasMessage(broken + ": expected a multiple of 3073 bytes (label + 32x32x3), found 5000");
        Files.delete(broken);
        assertThatThrownBy(() -> Datasets.open("cifar10:" + dir).open(Split.TRAIN)).hasMessage(broken + ": not found");
        byte[] badLabel = batch(1, 0);
        badLabel[0] = 42;
        Files.write(dir.resolve("test_batch.bin"), badLabel);
        assertThatThrownBy(() -> Datasets.open("cifar10:" + dir).open(Split.TEST))
                .hasMessage(dir.resolve("test_batch.bin") + ": record 0: expected a label 0..9, found 42");
        assertThatThrownBy(() -> Datasets.open("cifar10:" + dir.resolve("nope")))
                .hasMessage(dir.resolve("nope") + ": expected the CIFAR-10 binary folder, found nothing");
    }
}
