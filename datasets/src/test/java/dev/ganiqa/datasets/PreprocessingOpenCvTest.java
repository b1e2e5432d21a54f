package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preprocessing policy against OpenCV 4.6.0 on a random image (fixtures in resources/opencv): area
 * shrinking matches {@code INTER_AREA} and enlarging {@code INTER_LINEAR} to within one level (OpenCV rounds
 * fixed-point weights), gray {@code COLOR_RGB2GRAY} exactly.
 */
class PreprocessingOpenCvTest {
    @TempDir
    Path dir;

    private DecodedImage load(String name) throws Exception {
        Path file = dir.resolve(name);
        try (var in = getClass().getResourceAsStream("/opencv/" + name)) {
            java.nio.file.Files.copy(in, file);
        }
        return new ImageDecoder(DatasetOptions.DEFAULT_MAX_PIXELS).decode(file);
    }

    private static int maxDifference(byte[] a, byte[] b) {
        assertThat(a).hasSameSizeAs(b);
        int worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)));
        }
        return worst;
    }

    @Test
    void shrinkingMatchesInterArea() throws Exception {
        DecodedImage input = load("input-12x16.png");
        assertThat(maxDifference(new Preprocessing(new ImageShape(9, 12, 3)).apply(input), load("area-9x12.png").samples()))
                .isLessThanOrEqualTo(1);
        assertThat(maxDifference(new Preprocessing(new ImageShape(6, 8, 3)).apply(input), load("area-6x8.png").samples()))
                .isLessThanOrEqualTo(1);
    }

    @Test
    void enlargingMatchesInterLinear() throws Exception {
        DecodedImage input = load("input-12x16.png");
        assertThat(maxDifference(new Preprocessing(new ImageShape(18, 24, 3)).apply(input), load("linear-18x24.png").samples()))
                .isLessThanOrEqualTo(1);
    }

    @Test
    void grayMatchesRgb2Gray() throws Exception {
        DecodedImage input = load("input-12x16.png");
        assertThat(maxDifference(new Preprocessing(new ImageShape(12, 16, 1)).apply(input), load("gray-12x16.png").samples()))
                .isZero();
    }

    private DecodedImage loadPillow(String name) throws Exception {
        Path file = dir.resolve(name);
        try (var in = getClass().getResourceAsStream("/pillow/" + name)) {
            java.nio.file.Files.copy(in, file);
        }
        return new ImageDecoder(DatasetOptions.DEFAULT_MAX_PIXELS).decode(file);
    }

    /** Pillow 9.4.0's {@code Image.BICUBIC} (fixtures in resources/pillow): within one level, both ways. */
    @Test
    void bicubicMatchesPillow() throws Exception {
        DecodedImage input = load("input-12x16.png");
        for (int[] hw : new int[][] {{9, 12}, {6, 8}, {18, 24}, {30, 40}}) {
            Preprocessing bicubic = new Preprocessing(new ImageShape(hw[0], hw[1], 3), Resize.BICUBIC);
            assertThat(maxDifference(bicubic.apply(input), loadPillow("bicubic-" + hw[0] + "x" + hw[1] + ".png").samples()))
                    .as("%dx%d", hw[0], hw[1]).isLessThanOrEqualTo(1);
        }
    }
}
