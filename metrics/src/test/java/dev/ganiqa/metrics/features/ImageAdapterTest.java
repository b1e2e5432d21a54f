package dev.ganiqa.metrics.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.ImageShape;
import org.junit.jupiter.api.Test;

class ImageAdapterTest {
    private static byte[] apply(ImageAdapter a, int... values) {
        byte[] src = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            src[i] = (byte) values[i];
        }
        byte[] dst = new byte[a.target().values()];
        a.apply(src, 0, dst, 0);
        return dst;
    }

    private static int u(byte b) {
        return b & 0xFF;
    }

    @Test
    void rgbToGrayIsRoundedBt601Luma() {
        ImageAdapter a = ImageAdapter.of(new ImageShape(1, 2, 3), new ImageShape(1, 2, 1));
        byte[] out = apply(a, 255, 0, 0, 10, 200, 30);
        assertThat(u(out[0])).isEqualTo(Math.round(0.299f * 255));
        assertThat(u(out[1])).isEqualTo(Math.round(0.299f * 10 + 0.587f * 200 + 0.114f * 30));
        assertThat(a.description()).isEqualTo("adapted 1x2x3 -> 1x2x1: BT.601 luma");
    }

    @Test
    void grayIsTiledToThreeChannels() {
        ImageAdapter a = ImageAdapter.of(new ImageShape(1, 2, 1), new ImageShape(1, 2, 3));
        byte[] out = apply(a, 7, 250);
        assertThat(out).containsExactly(7, 7, 7, (byte) 250, (byte) 250, (byte) 250);
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        ImageAdapter a = ImageAdapter.of(new ImageShape(2, 4, 1), new ImageShape(1, 2, 1));
        byte[] out = apply(a, 0, 10, 100, 101, 20, 30, 200, 202);
        assertThat(u(out[0])).isEqualTo(15);
        assertThat(u(out[1])).isEqualTo(Math.round((100 + 101 + 200 + 202) / 4f));
    }

    @Test
    void nonIntegerShrinkWeighsPartialPixelsByOverlap() {
        // 3 -> 2: output 0 covers [0, 1.5): 1 * p0 + 0.5 * p1, divided by 1.5
        ImageAdapter a = ImageAdapter.of(new ImageShape(1, 3, 1), new ImageShape(1, 2, 1));
        byte[] out = apply(a, 30, 90, 240);
        assertThat(u(out[0])).isEqualTo(Math.round((30 + 0.5f * 90) / 1.5f));
        assertThat(u(out[1])).isEqualTo(Math.round((0.5f * 90 + 240) / 1.5f));
        assertThat(a.description()).isEqualTo("adapted 1x3x1 -> 1x2x1: area resize");
    }

    @Test
    void enlargingInterpolatesBilinearlyWithHalfPixelCentres() {
        ImageAdapter a = ImageAdapter.of(new ImageShape(1, 2, 1), new ImageShape(1, 4, 1));
        byte[] out = apply(a, 0, 200);
        // source x = (o + 0.5) / 2 - 0.5: -0.25 (clamped 0), 0.25, 0.75, 1.25 (clamped to the last pixel)
        assertThat(out).containsExactly(0, (byte) 50, (byte) 150, (byte) 200);
        assertThat(a.description()).contains("bilinear resize");
    }

    @Test
    void identityCopiesAndSaysSo() {
        ImageAdapter a = ImageAdapter.of(new ImageShape(1, 2, 1), new ImageShape(1, 2, 1));
        assertThat(apply(a, 3, 4)).containsExactly(3, 4);
        assertThat(a.isIdentity()).isTrue();
        assertThat(a.description()).startsWith("fed as is");
    }
}
