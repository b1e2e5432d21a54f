package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.Sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.metrics.Tolerances;
import dev.ganiqa.metrics.features.train.FrozenAccuracy;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped graphs (ganiqa-fmnist-v17, the default, v15, v13, v12, v10, v8, v6, v3, v2 and v1) on the real Fashion-MNIST test set. */
class EmbeddedExtractorTest {
    private static ImageDataset test;
    private static FeatureExtractor embedded;

    @BeforeAll
    static void open() {
        test = Datasets.open("fashion-mnist").open(Split.TEST);
        embedded = Extractors.open(Extractors.DEFAULT, Map.of(), 2);
    }

    @AfterAll
    static void close() {
        embedded.close();
    }

    private static float[] features(FeatureExtractor e, ImageDataset data, int batch) {
        int dim = e.info().featureDim();
        float[] all = new float[data.size() * dim];
        new FeatureRunner(RunnerOptions.withBatch(batch)).run(data, e, b ->
                System.arraycopy(b.features().features(), 0, all, b.indices()[0] * dim, b.size() * dim));
        return all;
    }

    @Test
    void theDefaultIsV17() {
        assertThat(Extractors.DEFAULT).isEqualTo("ganiqa-fmnist-v17");
        assertThat(embedded.info().name()).isEqualTo("ganiqa-fmnist-v17");
        assertThat(embedded.info().sha256()).isEqualTo(EmbeddedExtractor.V17.sha256()).isEqualTo(EmbeddedExtractor.SHA256);
        for (String spec : new String[] {"default", "", " "}) {
            try (FeatureExtractor e = Extractors.open(spec, Map.of(), 1)) {
                assertThat(e.info().sha256()).as(spec).isEqualTo(EmbeddedExtractor.V17.sha256());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ganiqa-fmnist-v17", "ganiqa-fmnist-v15", "ganiqa-fmnist-v13", "ganiqa-fmnist-v12", "ganiqa-fmnist-v8", "ganiqa-fmnist-v10", "ganiqa-fmnist-v6", "ganiqa-fmnist-v3", "ganiqa-fmnist-v2", "ganiqa-fmnist-v1"})
    void eachDescribesItselfAndClassifiesTheTestSetAtLeast91PercentRight(String name) {
        EmbeddedExtractor.Embedded shipped = EmbeddedExtractor.named(name).orElseThrow();
        try (FeatureExtractor e = Extractors.open(name, Map.of(), 2)) {
            ExtractorInfo info = e.info();
            assertThat(info.name()).isEqualTo(name);
            assertThat(info.sha256()).isEqualTo(shipped.sha256());
            assertThat(info.input()).isEqualTo(new ImageShape(28, 28, 1));
            assertThat(info.featureDim()).isEqualTo(256);
            assertThat(info.classes()).isEqualTo(10);
            assertThat(FrozenAccuracy.measure(e, test, 500)).isGreaterThanOrEqualTo(0.91);
        }
    }

    /**
     * The emoji classifier: 32x32x3 input, 9 categories, at least 0.78 of the test emoji right (the largest
     * category alone is 0.605), with a rejection output; and it is what a comparison on emoji data opens by default.
     */
    @Test
    void theEmojiExtractorClassifiesColourImagesAndIsTheDefaultForEmojiData() {
        ImageDataset emoji = Datasets.open("emoji", dev.ganiqa.datasets.DatasetOptions.defaults()
                .withTarget(new ImageShape(32, 32, 3))).open(Split.TEST);
        try (FeatureExtractor e = Extractors.open("ganiqa-emoji-v1", Map.of(), 2)) {
            ExtractorInfo info = e.info();
            assertThat(info.sha256()).isEqualTo(EmbeddedExtractor.EMOJI_V1.sha256());
            assertThat(info.input()).isEqualTo(new ImageShape(32, 32, 3));
            assertThat(info.classes()).isEqualTo(9);
            assertThat(FrozenAccuracy.measure(e, emoji, 200)).isGreaterThanOrEqualTo(0.78);
        }
        assertThat(EmbeddedExtractor.forData("emoji:google@test")).isEqualTo(EmbeddedExtractor.EMOJI_V1);
        assertThat(EmbeddedExtractor.forData("emoji")).isEqualTo(EmbeddedExtractor.EMOJI_V1);
        assertThat(EmbeddedExtractor.forData("fashion-mnist@test")).isEqualTo(EmbeddedExtractor.V17);
        assertThat(EmbeddedExtractor.forData("synthetic:shapes?size=32")).isEqualTo(EmbeddedExtractor.DEFAULT);
        assertThat(Extractors.orDefaultFor(null, "emoji")).isEqualTo("ganiqa-emoji-v1");
        assertThat(Extractors.orDefaultFor("ganiqa-fmnist-v1", "emoji")).isEqualTo("ganiqa-fmnist-v1");
        assertThat(Extractors.orDefaultFor("default", "emoji:twitter")).isEqualTo("ganiqa-emoji-v1");
        assertThat(Extractors.orDefaultFor(" ", "fashion-mnist")).isEqualTo(Extractors.DEFAULT);
    }

    @Test
    void theSameImagesGiveTheSameFeatures() {
        ImageDataset some = SubsetDataset.first(test, 1000);
        float[] first = features(embedded, some, 100);
        float[] second = features(embedded, some, 100);
        float[] fresh;
        try (FeatureExtractor other = Extractors.open(Extractors.DEFAULT, Map.of(), 2)) {
            fresh = features(other, some, 100);
        }
        // One session run twice repeats its route bit for bit; another session's multi-threaded kernels may sum
        // in another order (tfjava notes), so it is compared within float32 precision.
        assertThat(second).isEqualTo(first);
        Tolerances.assertClose(fresh, first, Tolerances.FLOAT32);
    }

    @Test
    void featuresDoNotDependOnTheBatchSize() {
        ImageDataset some = SubsetDataset.first(test, 200);
        float[] one = features(embedded, some, 1);
        float[] hundred = features(embedded, some, 100);
        float maxAbs = 0;
        for (int i = 0; i < one.length; i++) {
            assertThat(hundred[i]).isCloseTo(one[i], org.assertj.core.data.Offset.offset(1e-5f * Math.max(1f, Math.abs(one[i]))));
            maxAbs = Math.max(maxAbs, Math.abs(one[i]));
        }
        assertThat(maxAbs).isGreaterThan(0.1f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ganiqa-fmnist-v17", "ganiqa-fmnist-v15", "ganiqa-fmnist-v13", "ganiqa-fmnist-v12", "ganiqa-fmnist-v8", "ganiqa-fmnist-v10", "ganiqa-fmnist-v6", "ganiqa-fmnist-v3", "ganiqa-fmnist-v2", "ganiqa-fmnist-v1"})
    void weightsThatDoNotMatchTheRecordedChecksumAreRefused(String name) throws Exception {
        EmbeddedExtractor.Embedded shipped = EmbeddedExtractor.named(name).orElseThrow();
        byte[] bytes;
        try (InputStream in = EmbeddedExtractor.class.getResourceAsStream(shipped.resource())) {
            bytes = in.readAllBytes();
        }
        assertThat(Sha256.hex(bytes)).isEqualTo(shipped.sha256());
        bytes[bytes.length / 2] ^= 1;
        byte[] tampered = bytes;
        assertThatThrownBy(() -> EmbeddedExtractor.open(shipped, tampered, shipped.resource(), 1))
                .isInstanceOf(ExtractorException.class)
                .hasMessageStartingWith(name + ": " + name + ".pb: ")
                .hasMessageContaining("expected sha256 " + shipped.sha256())
                .hasMessageContaining("found " + Sha256.hex(tampered))
                .hasMessageNotContaining("\n");
    }

    @Test
    void oneShippedExtractorsWeightsAreNotAcceptedAsTheOthers() {
        byte[] v1 = EmbeddedExtractor.read(EmbeddedExtractor.V1);
        assertThatThrownBy(() -> EmbeddedExtractor.open(EmbeddedExtractor.V3, v1, "ganiqa-fmnist-v1.pb", 1))
                .isInstanceOf(ExtractorException.class)
                .hasMessageContaining("expected sha256 " + EmbeddedExtractor.V3.sha256());
    }
}
