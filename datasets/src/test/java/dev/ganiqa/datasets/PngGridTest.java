package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PngGridTest {
    @Test
    void tilesRowByRowWithABlackGapAndTheValuesAsGiven() {
        ImageShape shape = new ImageShape(2, 3, 3);
        int count = 3;
        byte[] pixels = new byte[count * shape.values()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (10 + i);
        }
        BufferedImage grid = Png.grid(pixels, shape, count, 2);
        int gap = Png.GRID_GAP;
        assertThat(grid.getWidth()).isEqualTo(2 * (3 + gap) + gap);
        assertThat(grid.getHeight()).isEqualTo(2 * (2 + gap) + gap);
        int[] px = new int[3];
        // image 2 (third) sits in row 1, column 0; its pixel (y 1, x 2), channel k, is value 10 + 2*18 + (1*3+2)*3 + k
        grid.getRaster().getPixel(gap + 2, gap + (2 + gap) + 1, px);
        assertThat(px).containsExactly(10 + 36 + 15, 10 + 36 + 16, 10 + 36 + 17);
        grid.getRaster().getPixel(0, 0, px);
        assertThat(px).containsExactly(0, 0, 0);
        // the empty fourth tile stays black
        grid.getRaster().getPixel(gap + 3 + gap, gap + 2 + gap, px);
        assertThat(px).containsExactly(0, 0, 0);
    }
}
