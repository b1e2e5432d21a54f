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
        float[] fed = new float[a.target().values()];
        a.apply(src, 0, fed, 0);
        byte[] dst = new byte[fed.length];
        for (int i = 0; i < fed.length; i++) {
            // ganiqa's policy gives whole 8-bit levels
            assertThat(fed[i]).isEqualTo((float) Math.rint(fed[i])).isBetween(0f, 255f);
            dst[i] = (byte) fed[i];
        }
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
    void anotherAspectRatioIsScaledToCoverAndCentreCropped() {
        // 2x4 -> 1x1: one scale 0.5 for both axes gives 1x2 (area means 15 and 151), centre crop keeps the left one
        ImageAdapter a = ImageAdapter.of(new ImageShape(2, 4, 1), new ImageShape(1, 1, 1));
        byte[] out = apply(a, 0, 10, 100, 101, 20, 30, 200, 202);
        assertThat(u(out[0])).isEqualTo(15);
        assertThat(a.description()).isEqualTo("adapted 2x4x1 -> 1x1x1: area resize keeping the aspect ratio, centre crop");
    }

    @Test
    void enlargingInterpolatesBilinearlyWithHalfPixelCentres() {
        ImageAdapter a = ImageAdapter.of(new ImageShape(1, 2, 1), new ImageShape(2, 4, 1));
        byte[] out = apply(a, 0, 200);
        // source x = (o + 0.5) / 2 - 0.5: -0.25 (clamped 0), 0.25, 0.75, 1.25 (clamped to the last pixel)
        assertThat(out).containsExactly(0, (byte) 50, (byte) 150, (byte) 200, 0, (byte) 50, (byte) 150, (byte) 200);
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
