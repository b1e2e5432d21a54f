package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyntheticShapesTest {
    @Test
    void parametersFromTheSpec() {
        DatasetSource source = Datasets.open("synthetic:shapes?size=16&channels=1&n=60&seed=7");
        assertThat(source.spec()).isEqualTo("synthetic:shapes?size=16&channels=1&n=60&seed=7");
        ImageDataset d = source.open(Split.TRAIN);
        assertThat(d.size()).isEqualTo(60);
        assertThat(d.shape()).isEqualTo(new ImageShape(16, 16, 1));
        assertThat(d.classNames()).containsExactly("circle", "square", "triangle", "cross", "diamond", "ring");
        assertThat(ArrayDataset.classCounts(d)).containsOnly(10);
        assertThat(Datasets.open("synthetic:shapes").spec()).isEqualTo("synthetic:shapes?size=32&channels=3&n=5000&seed=1");
    }

    @Test
    void sameSeedSamePixelsOtherSeedOtherPixels() {
        ImageDataset a = Datasets.open("synthetic:shapes?n=12&seed=5").open(Split.TRAIN);
        ImageDataset b = Datasets.open("synthetic:shapes?n=12&seed=5").open(Split.TRAIN);
        ImageDataset c = Datasets.open("synthetic:shapes?n=12&seed=6").open(Split.TRAIN);
        for (int i = 0; i < 12; i++) {
            assertThat(b.image(i)).isEqualTo(a.image(i));
        }
        assertThat(c.image(0)).isNotEqualTo(a.image(0));
    }

    @Test
    void shapesAreVisibleAndClassesDifferInCoverage() {
        // Mean foreground fraction per class over many images: a ring covers less than a circle, a cross less than a square.
        ImageDataset d = SyntheticShapes.generate(new SyntheticShapes.Config(32, 1, 600, 3));
        double[] coverage = new double[6];
        for (int i = 0; i < d.size(); i++) {
            byte[] px = d.image(i);
            int bright = 0;
            for (byte v : px) {
                bright += (v & 0xFF) > 60 ? 1 : 0;
            }
            coverage[d.label(i)] += bright / (double) px.length / 100.0;
        }
        for (double c : coverage) {
            assertThat(c).isBetween(0.03, 0.6);
        }
        assertThat(coverage[5]).isLessThan(coverage[0]);
        assertThat(coverage[3]).isLessThan(coverage[1]);
    }

    @Test
    void badSpecsAreRefused() {
        assertThatThrownBy(() -> Datasets.open("synthetic:blobs")).hasMessageContaining("found kind 'blobs'");
        assertThatThrownBy(() -> Datasets.open("synthetic:shapes?colour=red")).hasMessageContaining("found 'colour=red'");
        assertThatThrownBy(() -> Datasets.open("synthetic:shapes?channels=2")).hasMessageContaining("expected channels 1 or 3, found 2");
        assertThatThrownBy(() -> Datasets.open("synthetic:shapes?n=x")).hasMessageContaining("expected integer values");
    }
}
