package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The data's own background: dark Fashion-MNIST, white emoji; inversion keeps labels and is its own inverse. */
class BackgroundsTest {
    @Test
    void fashionMnistIsDarkAndEmojiLight() {
        assertThat(Backgrounds.light(Datasets.open("fashion-mnist").open(Split.TEST))).isFalse();
        assertThat(Backgrounds.light(Datasets.open("emoji:twitter").open(Split.TEST))).isTrue();
    }

    @Test
    void invertingTwiceGivesTheImagesBackWithTheirLabels() {
        ImageDataset some = SubsetDataset.first(Datasets.open("fashion-mnist").open(Split.TEST), 20);
        ArrayDataset once = Backgrounds.inverted(some);
        assertThat(Backgrounds.light(once)).isTrue();
        ArrayDataset twice = Backgrounds.inverted(once);
        for (int i = 0; i < 20; i++) {
            assertThat(twice.image(i)).isEqualTo(some.image(i));
            assertThat(twice.label(i)).isEqualTo(some.label(i));
            assertThat(once.image(i)[0] & 0xFF).isEqualTo(255 - (some.image(i)[0] & 0xFF));
        }
        ArrayDataset unlabelled = new ArrayDataset("blank", new ImageShape(2, 2, 1), new byte[4], null, List.of(),
                null, List.of());
        assertThat(Backgrounds.inverted(unlabelled).image(0)).containsOnly((byte) 255);
    }
}
