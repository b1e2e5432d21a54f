package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The preprocessing policy on hand-computed pixels. */
class PreprocessingTest {
    private static DecodedImage gray(int w, int h, int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return new DecodedImage(w, h, 1, b);
    }

    private static DecodedImage image(int w, int h, int channels, int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return new DecodedImage(w, h, channels, b);
    }

    private static int[] apply(ImageShape target, DecodedImage image) {
        byte[] out = new Preprocessing(target).apply(image);
        int[] values = new int[out.length];
        for (int i = 0; i < out.length; i++) {
            values[i] = out[i] & 0xFF;
        }
        return values;
    }

    @Test
    void sameShapeIsUnchanged() {
        assertThat(apply(new ImageShape(2, 2, 1), gray(2, 2, 0, 7, 200, 255))).containsExactly(0, 7, 200, 255);
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        DecodedImage in = gray(4, 4,
                0, 4, 8, 12,
                2, 6, 10, 14,
                100, 100, 50, 51,
                100, 100, 50, 52);
        // (0+4+2+6)/4 = 3, (8+12+10+14)/4 = 11, 100, (50+51+50+52)/4 = 50.75 -> 51
        assertThat(apply(new ImageShape(2, 2, 1), in)).containsExactly(3, 11, 100, 51);
    }

    @Test
    void fractionalShrinkWeightsByCoveredArea() {
        // 3 -> 2: output 0 covers source [0, 1.5): 2/3 of pixel 0 and 1/3 of pixel 1.
        DecodedImage in = gray(3, 3, 0, 90, 180, 0, 90, 180, 0, 90, 180);
        assertThat(apply(new ImageShape(2, 2, 1), in)).containsExactly(30, 150, 30, 150);
    }

    @Test
    void enlargingIsBilinearWithHalfPixelCentres() {
        // 1x2 -> 2x4: source x = (x + 0.5) / 2 - 0.5 = -0.25 (clamped), 0.25, 0.75, 1.25 (clamped).
        assertThat(apply(new ImageShape(2, 4, 1), gray(2, 1, 0, 100))).containsExactly(0, 25, 75, 100, 0, 25, 75, 100);
    }

    @Test
    void wideImagesAreCentreCropped() {
        assertThat(apply(new ImageShape(2, 2, 1), gray(4, 2, 1, 2, 3, 4, 5, 6, 7, 8))).containsExactly(2, 3, 6, 7);
    }

    @Test
    void aspectRatioIsKeptThenCropped() {
        // 8x4 -> cover 2x2 with scale 0.5 -> 4x2 by area, then the middle two columns.
        DecodedImage in = gray(8, 4,
                0, 0, 10, 10, 20, 20, 30, 30,
                0, 0, 10, 10, 20, 20, 30, 30,
                40, 40, 50, 50, 60, 60, 70, 70,
                40, 40, 50, 50, 60, 60, 70, 70);
        assertThat(apply(new ImageShape(2, 2, 1), in)).containsExactly(10, 20, 50, 60);
    }

    @Test
    void rgbToGrayUsesBt601Luma() {
        DecodedImage in = image(4, 1, 3, 255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30);
        // 0.299*255 = 76.2, 0.587*255 = 149.7, 0.114*255 = 29.1, 0.299*10+0.587*20+0.114*30 = 18.15
        assertThat(apply(new ImageShape(1, 4, 1), in)).containsExactly(76, 150, 29, 18);
    }

    @Test
    void grayToRgbCopiesTheValue() {
        assertThat(apply(new ImageShape(1, 2, 3), gray(2, 1, 9, 250))).containsExactly(9, 9, 9, 250, 250, 250);
    }

    @Test
    void alphaIsCompositedOnBlack() {
        DecodedImage rgba = image(2, 1, 4, 200, 100, 50, 128, 200, 100, 50, 255);
        // c * a / 255: 200*128/255 = 100.4, 100*128/255 = 50.2, 50*128/255 = 25.1
        assertThat(apply(new ImageShape(1, 2, 3), rgba)).containsExactly(100, 50, 25, 200, 100, 50);
        DecodedImage grayAlpha = image(2, 1, 2, 200, 0, 200, 255);
        assertThat(apply(new ImageShape(1, 2, 1), grayAlpha)).containsExactly(0, 200);
        // Composite first, then luma: (255,0,0) at alpha 51 -> (51,0,0) -> 15.2
        assertThat(apply(new ImageShape(1, 1, 1), image(1, 1, 4, 255, 0, 0, 51))).containsExactly(15);
    }

    @Test
    void sixteenBitSamplesRoundToTheNearestEightBitValue() {
        assertThat(ImageDecoder.to8bit(65535, 65535)).isEqualTo(255);
        assertThat(ImageDecoder.to8bit(257, 65535)).isEqualTo(1);
        assertThat(ImageDecoder.to8bit(0x8080, 65535)).isEqualTo(128);
        assertThat(ImageDecoder.to8bit(128, 65535)).isEqualTo(0);
        assertThat(ImageDecoder.to8bit(129, 65535)).isEqualTo(1);
        assertThat(ImageDecoder.to8bit(3, 3)).as("2-bit max").isEqualTo(255);
        assertThat(ImageDecoder.to8bit(1, 3)).as("2-bit 1/3").isEqualTo(85);
    }

    @Test
    void targetShapeAppliesToWholeSources() {
        DatasetOptions options = DatasetOptions.defaults().withTarget(new ImageShape(16, 16, 3));
        DatasetSource source = Datasets.open("synthetic:shapes?size=32&channels=1&n=6&seed=4", options);
        ImageDataset resized = source.open(Split.TRAIN);
        ImageDataset original = Datasets.open("synthetic:shapes?size=32&channels=1&n=6&seed=4").open(Split.TRAIN);
        assertThat(source.spec()).isEqualTo("synthetic:shapes?size=32&channels=1&n=6&seed=4 as 16x16x3");
        assertThat(resized.shape()).isEqualTo(new ImageShape(16, 16, 3));
        assertThat(resized.label(5)).isEqualTo(original.label(5));
        // Pixel (3, 2) of the result is the mean of the 2x2 block at (6..7, 4..5), copied to R, G and B.
        byte[] in = original.image(5);
        int sum = 0;
        for (int y = 4; y < 6; y++) {
            for (int x = 6; x < 8; x++) {
                sum += in[y * 32 + x] & 0xFF;
            }
        }
        int expected = Math.round(sum / 4f);
        byte[] out = resized.image(5);
        int o = (2 * 16 + 3) * 3;
        assertThat(new int[] {out[o] & 0xFF, out[o + 1] & 0xFF, out[o + 2] & 0xFF}).containsExactly(expected, expected, expected);
    }
}
