package dev.ganiqa.metrics.features.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.ImageShape;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The three recipes of rejection images: each image a function of (seed, index); composed recipes alternate a
 * full-frame kind with a region on a background; the varied recipe spans dim to full-range textures.
 */
class NegativesTest {
    private static final ImageShape SHAPE = new ImageShape(28, 28, 1);

    private static int max(byte[] image) {
        return IntStream.range(0, image.length).map(p -> image[p] & 0xFF).max().orElseThrow();
    }

    private static int min(byte[] image) {
        return IntStream.range(0, image.length).map(p -> image[p] & 0xFF).min().orElseThrow();
    }

    @Test
    void everyRecipeIsAFunctionOfSeedAndIndex() {
        for (Negatives n : Negatives.values()) {
            for (int i = 0; i < 20; i++) {
                assertThat(n.image(SHAPE, 7, i)).as(n + " " + i).isEqualTo(n.image(SHAPE, 7, i));
            }
            assertThat(n.image(SHAPE, 7, 3)).isNotEqualTo(n.image(SHAPE, 8, 3));
        }
    }

    @Test
    void composedRecipesKeepTheFullFrameKindsAtEvenIndices() {
        for (int i = 0; i < 40; i += 2) {
            byte[] full = RejectionImages.image(SHAPE, 5, i / 2);
            assertThat(Negatives.COMPOSED.image(SHAPE, 5, i)).isEqualTo(full);
            assertThat(Negatives.VARIED.image(SHAPE, 5, i)).isEqualTo(full);
        }
    }

    @Test
    void variedCompositionsSpanDimToFullRangeTextures() {
        int dim = 0;
        int bright = 0;
        int soft = 0;
        for (int i = 1; i < 400; i += 2) {
            byte[] v = Negatives.VARIED.image(SHAPE, 5, i);
            dim += max(v) < 100 ? 1 : 0;
            bright += max(v) > 200 ? 1 : 0;
            // A soft edge leaves levels between the background's and the texture's; counted loosely.
            soft += min(v) == 0 && IntStream.range(0, v.length).anyMatch(p -> (v[p] & 0xFF) > 0 && (v[p] & 0xFF) < 4)
                    ? 1 : 0;
        }
        assertThat(dim).as("dim compositions").isGreaterThan(25);
        assertThat(bright).as("bright compositions").isGreaterThan(20);
        assertThat(soft).as("compositions with soft edges").isGreaterThan(10);
        int plainDim = (int) IntStream.iterate(1, i -> i < 400, i -> i + 2)
                .filter(i -> max(Negatives.COMPOSED.image(SHAPE, 5, i)) < 100).count();
        assertThat(plainDim).as("the composed recipe keeps full-range textures").isLessThan(dim * 3 / 4);
    }

    @Test
    void recipesAreNamedOnTheCommandLine() {
        assertThat(Negatives.of("full-frame")).isEqualTo(Negatives.FULL_FRAME);
        assertThat(Negatives.of("varied").id()).isEqualTo("varied");
        assertThatThrownBy(() -> Negatives.of("fancy")).hasMessage("expected one of full-frame, composed, varied, "
                + "found fancy");
    }
}
