package dev.ganiqa.metrics.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.metrics.stats.Wasserstein1;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signed sharpness and noise shifts on constructed sets of real Fashion-MNIST images: held-out real images sit
 * near 0, a blurred copy is blurrier, the same garments with noise on their clean background are noisier.
 */
class PrimaryMeasuresTest {
    static ImageDataset reference;
    static ImageDataset heldOut;
    static PrimaryMeasures primary;

    @BeforeAll
    static void fit() throws InterruptedException {
        ImageDataset test = Datasets.open("fashion-mnist").open(Split.TEST);
        ImageDataset[] parts = SubsetDataset.holdOut(SubsetDataset.sample(test, 3000, 5), 1.0 / 3, 7);
        reference = parts[0];
        heldOut = parts[1];
        primary = PrimaryMeasures.fit(reference, DatasetMeasurement.run(reference, 2, d -> { }));
    }

    static PrimaryMeasures.Shifts shifts(ImageDataset set) throws InterruptedException {
        return primary.of(set, DatasetMeasurement.run(set, 2, d -> { }));
    }

    static ImageDataset map(ImageDataset set, UnaryOperator<byte[]> f) {
        ImageShape shape = set.shape();
        byte[] pixels = new byte[set.size() * shape.values()];
        for (int i = 0; i < set.size(); i++) {
            System.arraycopy(f.apply(set.image(i).clone()), 0, pixels, i * shape.values(), shape.values());
        }
        return new ArrayDataset("mapped", shape, pixels, null, List.of(), null, List.of());
    }

    @Test
    void wassersteinIsScipysDistance() {
        // scipy.stats.wasserstein_distance (scipy 1.17.1) on the same samples.
        assertThat(Wasserstein1.distance(new double[] {0, 1, 3}, new double[] {5, 6, 8})).isEqualTo(5.0);
        assertThat(Wasserstein1.distance(new double[] {1, 2}, new double[] {1, 2, 3, 4})).isEqualTo(1.0);
        assertThat(Wasserstein1.distance(new double[] {0.5, 3.25, -1.0, 7.0, 2.0}, new double[] {1.5, 1.0, 4.75}))
                .isCloseTo(1.4000000000000001, within(1e-15));
        assertThat(Wasserstein1.signed(new double[] {0, 1, 3}, new double[] {5, 6, 8})).isEqualTo(-5.0);
        assertThat(Wasserstein1.signed(new double[] {5, 6, 8}, new double[] {0, 1, 3})).isEqualTo(5.0);
    }

    @Test
    void theBackgroundIsTheBlackSurroundOfTheGarments() {
        BackgroundNoise bg = BackgroundNoise.fit(reference).orElseThrow();
        // The corners of every Fashion-MNIST image are black; the centre is a garment.
        assertThat(bg.area()).isBetween(0.1, 0.5);
        byte[] clean = new byte[28 * 28];
        assertThat(bg.measure(clean)).isZero();
        // A flat grey or a smooth ramp is no noise (Immerkaer's mask cancels them); a 0/20 checkerboard is all noise:
        // |4a - 2 (4b) + 4a| = 8 x 20 at every position, the border included (the reflection keeps the pattern).
        byte[] grey = new byte[28 * 28];
        java.util.Arrays.fill(grey, (byte) 10);
        assertThat(bg.measure(grey)).isZero();
        byte[] ramp = new byte[28 * 28];
        for (int p = 0; p < ramp.length; p++) {
            ramp[p] = (byte) (p % 28 * 3);
        }
        assertThat(bg.measure(ramp)).isZero();
        byte[] board = new byte[28 * 28];
        for (int p = 0; p < board.length; p++) {
            board[p] = (byte) ((p / 28 + p % 28) % 2 == 0 ? 20 : 0);
        }
        assertThat(bg.measure(board)).isCloseTo(Math.sqrt(Math.PI / 2) * 8 * 20 / 6.0, within(1e-9));
    }

    @Test
    void heldOutRealImagesAreNeitherBlurrierNorNoisier() throws InterruptedException {
        PrimaryMeasures.Shifts real = shifts(heldOut);
        PrimaryMeasures.Shifts blurred = shifts(map(heldOut, PrimaryMeasuresTest::blur));
        assertThat(real.noiseMeasure()).isEqualTo("background noise");
        assertThat(Math.abs(real.sharpness())).isLessThan(0.1 * Math.abs(blurred.sharpness()));
        assertThat(Math.abs(real.noise())).isLessThan(0.5);
    }

    @Test
    void aBlurredCopyIsBlurrierAndNoiseOnTheCleanBackgroundIsNoisier() throws InterruptedException {
        PrimaryMeasures.Shifts blurred = shifts(map(heldOut, PrimaryMeasuresTest::blur));
        assertThat(blurred.sharpness()).isNegative();
        assertThat(blurred.noise()).isLessThan(2.0);
        SplittableRandom random = new SplittableRandom(11);
        PrimaryMeasures.Shifts noisy = shifts(map(heldOut, image -> {
            for (int p = 0; p < image.length; p++) {
                if (image[p] == 0) {
                    image[p] = (byte) random.nextInt(0, 40);
                }
            }
            return image;
        }));
        assertThat(noisy.noise()).isGreaterThan(10.0);
        // Pure noise full frame: noisier still, and not "sharper than real" in the sense of the garments' edges.
        PrimaryMeasures.Shifts noise = shifts(map(heldOut, image -> {
            for (int p = 0; p < image.length; p++) {
                image[p] = (byte) random.nextInt(256);
            }
            return image;
        }));
        assertThat(noise.noise()).isGreaterThan(noisy.noise());
    }

    static byte[] blur(byte[] image) {
        double[] v = new double[image.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = image[i] & 0xFF;
        }
        double[] b = GaussianBlur.apply(v, 28, 28, 1, 1.5);
        byte[] out = new byte[image.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(b[i])));
        }
        return out;
    }
}
