package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Debian Fashion-MNIST files (package dataset-fashion-mnist). */
class FashionMnistTest {
    /** sha256 of the decompressed pixel payloads (after the 16-byte IDX header), computed with Python's gzip + hashlib. */
    private static final String TRAIN_SHA256 = "2e487a6c89124f78f2d7521542223cafe96f7123c3ca13d447772ac6ecbb3012";
    private static final String TEST_SHA256 = "c867c93ff95360594e8ec3287995350b824dd110b11595c0e13d5423f621867a";

    private final DatasetSource source = Datasets.open("fashion-mnist", DatasetOptions.defaults().withInstallMissing(false));

    @Test
    void trainHas60000ImagesOf28x28x1With6000PerClass() throws Exception {
        ImageDataset train = source.open(Split.TRAIN);
        assertThat(source.splits()).isEqualTo(Set.of(Split.TRAIN, Split.TEST));
        assertThat(train.size()).isEqualTo(60000);
        assertThat(train.shape()).isEqualTo(new ImageShape(28, 28, 1));
        assertThat(train.classNames()).containsExactly("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
        assertThat(ArrayDataset.classCounts(train)).containsOnly(6000);
        assertThat(sha256(train)).isEqualTo(TRAIN_SHA256);
        // The first training image is an ankle boot (label 9); row 10 pinned from numpy.
        assertThat(train.label(0)).isEqualTo(9);
        byte[] first = train.image(0);
        assertThat(first[10 * 28 + 13] & 0xFF).isEqualTo(193);
        assertThat(first[10 * 28 + 25] & 0xFF).isEqualTo(243);
    }

    @Test
    void testHas10000ImagesWith1000PerClass() throws Exception {
        ImageDataset test = source.open(Split.TEST);
        assertThat(test.size()).isEqualTo(10000);
        assertThat(ArrayDataset.classCounts(test)).containsOnly(1000);
        assertThat(sha256(test)).isEqualTo(TEST_SHA256);
    }

    @Test
    void floatsAreInMinusOneToOne() {
        float[] values = source.open(Split.TEST).imageFloat(0);
        assertThat(values).hasSize(784);
        for (float v : values) {
            assertThat(v).isBetween(-1f, 1f);
        }
    }

    @Test
    void missingFilesNameTheInstallCommandAndTheAlternative(@TempDir Path empty) {
        assertThatThrownBy(() -> FashionMnist.source(empty, DatasetOptions.defaults().withInstallMissing(false)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(empty.resolve("train-images-idx3-ubyte.gz") + " not found")
                .hasMessageContaining("sudo apt-get install -y dataset-fashion-mnist")
                .hasMessageContaining("--data SPEC");
    }

    @Test
    void extraArgumentsAreRefused() {
        assertThatThrownBy(() -> Datasets.open("fashion-mnist:foo"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("expected plain 'fashion-mnist'");
    }

    static String sha256(ImageDataset dataset) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < dataset.size(); i++) {
            digest.update(dataset.image(i));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
