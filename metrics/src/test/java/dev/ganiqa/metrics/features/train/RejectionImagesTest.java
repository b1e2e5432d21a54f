package dev.ganiqa.metrics.features.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The synthetic rejection images: seeded, in range, every kind present, and not all alike. */
class RejectionImagesTest {
    private static final ImageShape SHAPE = new ImageShape(28, 28, 1);

    @Test
    void theSameSeedGivesTheSameImagesAndAnotherSeedOthers() {
        for (int i = 0; i < 40; i++) {
            assertThat(RejectionImages.image(SHAPE, 3, i)).isEqualTo(RejectionImages.image(SHAPE, 3, i));
        }
        int differ = 0;
        for (int i = 0; i < 40; i++) {
            if (!java.util.Arrays.equals(RejectionImages.image(SHAPE, 3, i), RejectionImages.image(SHAPE, 4, i))) {
                differ++;
            }
        }
        assertThat(differ).isGreaterThan(35);
        // A longer set extends a shorter one.
        ArrayDataset small = RejectionImages.dataset(SHAPE, 10, 3, 0, List.of("x"));
        ArrayDataset large = RejectionImages.dataset(SHAPE, 30, 3, 0, List.of("x"));
        for (int i = 0; i < 10; i++) {
            assertThat(large.image(i)).isEqualTo(small.image(i));
        }
    }

    @Test
    void everyKindIsPresentAndImagesUseTheByteRange() {
        Set<RejectionImages.Kind> kinds = EnumSet.noneOf(RejectionImages.Kind.class);
        int min = 255;
        int max = 0;
        for (int i = 0; i < 800; i++) {
            kinds.add(RejectionImages.kind(i));
            for (byte b : RejectionImages.image(SHAPE, 9, i)) {
                min = Math.min(min, b & 0xFF);
                max = Math.max(max, b & 0xFF);
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder(RejectionImages.Kind.values());
        assertThat(min).isZero();
        assertThat(max).isEqualTo(255);
        // Constant images are flat; uniform noise is not.
        assertThat(distinct(RejectionImages.image(SHAPE, 9, RejectionImages.Kind.CONSTANT.ordinal()))).isEqualTo(1);
        assertThat(distinct(RejectionImages.image(SHAPE, 9, RejectionImages.Kind.UNIFORM.ordinal()))).isGreaterThan(150);
        // Blurred noise is smooth: neighbouring pixels differ far less than in uniform noise.
        assertThat(roughness(RejectionImages.image(SHAPE, 9, RejectionImages.Kind.BLURRED.ordinal())))
                .isLessThan(roughness(RejectionImages.image(SHAPE, 9, RejectionImages.Kind.UNIFORM.ordinal())) / 3);
    }

    @Test
    void colourImagesHaveTheirShapeToo() {
        ImageShape rgb = new ImageShape(16, 16, 3);
        for (int i = 0; i < 16; i++) {
            assertThat(RejectionImages.image(rgb, 1, i)).hasSize(rgb.values());
        }
    }

    @Test
    void aTrainingSetGetsOneExtraClassAfterItsOwn() {
        ImageDataset real = new ArrayDataset("real", SHAPE, new byte[3 * SHAPE.values()], new int[] {0, 1, 1},
                List.of("a", "b"), null, List.of());
        ImageDataset both = RejectionImages.withRejectionClass(real, 5, 2);
        assertThat(both.size()).isEqualTo(8);
        assertThat(both.classNames()).containsExactly("a", "b", RejectionImages.CLASS_NAME);
        assertThat(both.label(2)).isEqualTo(1);
        assertThat(both.label(3)).isEqualTo(2);
        assertThat(both.label(7)).isEqualTo(2);
        assertThat(both.image(3)).isEqualTo(RejectionImages.image(SHAPE, 2, 0));
    }

    private static int distinct(byte[] image) {
        Set<Integer> values = new java.util.HashSet<>();
        for (byte b : image) {
            values.add(b & 0xFF);
        }
        return values.size();
    }

    private static double roughness(byte[] image) {
        double sum = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 1; x < 28; x++) {
                sum += Math.abs((image[y * 28 + x] & 0xFF) - (image[y * 28 + x - 1] & 0xFF));
            }
        }
        return sum / (28 * 27);
    }
}
