package dev.ganiqa.metrics.features.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.ImageShape;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The recipes of rejection images: each image a function of (seed, index); composed recipes alternate a
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

    private static final dev.ganiqa.datasets.ImageDataset REAL = dev.ganiqa.datasets.SubsetDataset.sample(
            dev.ganiqa.datasets.Datasets.open("fashion-mnist").open(dev.ganiqa.datasets.Split.TEST), 50, 3);

    @Test
    void everyRecipeIsAFunctionOfSeedAndIndex() {
        for (Negatives n : Negatives.values()) {
            for (int i = 0; i < 20; i++) {
                assertThat(n.image(REAL, 7, i)).as(n + " " + i).isEqualTo(n.image(REAL, 7, i));
                if (!n.fromData()) {
                    assertThat(n.image(REAL, 7, i)).as(n + " " + i).isEqualTo(n.image(SHAPE, 7, i));
                }
            }
            assertThat(n.image(REAL, 7, 3)).isNotEqualTo(n.image(REAL, 8, 3));
        }
        assertThatThrownBy(() -> Negatives.CUT_PASTE.image(SHAPE, 7, 1)).hasMessageContaining("expected the data's images");
    }

    /**
     * Cut and paste (Li et al. 2021): an odd image is one real image changed inside one rectangle of at most 15% of
     * the frame (the paste), and changed by at least 16 gray levels on average there; even ones are the composed
     * recipe's.
     */
    @Test
    void cutPasteMovesOneRectangleOfARealImage() {
        int changed = 0;
        for (int i = 1; i < 60; i += 2) {
            byte[] image = Negatives.CUT_PASTE.image(REAL, 11, i);
            assertThat(Negatives.CUT_PASTE.image(REAL, 11, i - 1)).isEqualTo(Negatives.COMPOSED.image(SHAPE, 11, (i - 1) / 2));
            int best = Integer.MAX_VALUE;
            int[] box = null;
            for (int j = 0; j < REAL.size(); j++) {
                byte[] real = REAL.image(j);
                int minX = 99, minY = 99, maxX = -1, maxY = -1, differ = 0;
                for (int p = 0; p < image.length; p++) {
                    if (image[p] != real[p]) {
                        differ++;
                        minX = Math.min(minX, p % 28);
                        maxX = Math.max(maxX, p % 28);
                        minY = Math.min(minY, p / 28);
                        maxY = Math.max(maxY, p / 28);
                    }
                }
                if (differ < best) {
                    best = differ;
                    box = new int[] {minX, minY, maxX, maxY};
                }
            }
            if (best > 0) {
                changed++;
                int area = (box[2] - box[0] + 1) * (box[3] - box[1] + 1);
                assertThat(area).as("image %d's paste", i).isLessThanOrEqualTo((int) Math.ceil(
                        CutPasteNegatives.MAX_AREA * 784 * 1.2));
            }
        }
        // Every paste qualifies in practice (20 draws); a handful of unchanged images would mean a broken paste.
        assertThat(changed).isGreaterThanOrEqualTo(28);
    }

    /**
     * DRAEM (Zavrtanik et al. 2021): even images are the cut-paste recipe's; an odd one is a real image changed by at
     * least {@value DraemNegatives#MIN_CHANGE} gray levels on average from every real image (a blend that changes
     * nothing is no anomaly); masks are binary, smooth (neighbours mostly agree, unlike thresholded white
     * noise) and cover 15% to all of the frame. Light-background data is refused in one line.
     */
    @Test
    void draemBlendsASmoothRegionOfARealImage() {
        int qualified = 0;
        for (int i = 0; i < 60; i++) {
            byte[] image = Negatives.DRAEM.image(REAL, 13, i);
            if (i % 2 == 0) {
                assertThat(image).isEqualTo(Negatives.CUT_PASTE.image(REAL, 13, i / 2));
                continue;
            }
            qualified += closest(image) >= DraemNegatives.MIN_CHANGE ? 1 : 0;
        }
        assertThat(qualified).as("odd images changed enough").isGreaterThanOrEqualTo(27);
        var random = new java.util.SplittableRandom(3);
        for (int k = 0; k < 50; k++) {
            double[] mask = DraemNegatives.mask(SHAPE, random);
            int on = 0;
            int agree = 0;
            int pairs = 0;
            for (int p = 0; p < mask.length; p++) {
                assertThat(mask[p]).isIn(0.0, 1.0);
                on += (int) mask[p];
                if (p % 28 < 27) {
                    agree += mask[p] == mask[p + 1] ? 1 : 0;
                    pairs++;
                }
            }
            assertThat(on).isBetween((int) Math.floor(DraemNegatives.MIN_COVERAGE * 784) - 1, 784);
            assertThat((double) agree / pairs).as("mask %d's smoothness", k).isGreaterThan(0.8);
        }
        // The strong variant draws the same garment, source and mask with a higher opacity (0.5 + 0.5u against
        // 0.3 + 0.7u), so its blend lies at least as far from the garment, but for a redrawn blend.
        int further = 0;
        for (int i = 1; i < 60; i += 2) {
            further += closest(Negatives.DRAEM_STRONG.image(REAL, 13, i)) >= closest(Negatives.DRAEM.image(REAL, 13, i)) - 0.5
                    ? 1 : 0;
        }
        assertThat(further).isGreaterThanOrEqualTo(25);
        // The objects-only variant: where the strong one blends an emoji (every other DRAEM image) it is the same
        // image; where the strong one blends a texture, it blends an emoji instead.
        int replaced = 0;
        for (int i = 1; i < 40; i += 2) {
            byte[] objects = Negatives.DRAEM_OBJECTS.image(REAL, 13, i);
            if ((i / 2) % 2 == 0) {
                assertThat(objects).as("image %d", i).isEqualTo(Negatives.DRAEM_STRONG.image(REAL, 13, i));
            } else {
                replaced += java.util.Arrays.equals(objects, Negatives.DRAEM_STRONG.image(REAL, 13, i)) ? 0 : 1;
            }
        }
        assertThat(replaced).isGreaterThanOrEqualTo(9);
        // The self-blend variant: where both blend an emoji (DRAEM index 0 mod 6) or both a texture (1 mod 6) it is
        // the strong variant's image; every third blend's source is the garment itself, moved.
        for (int i = 1; i < 72; i += 2) {
            int d = i / 2;
            byte[] self = Negatives.DRAEM_SELF.image(REAL, 13, i);
            if (d % 6 == 0 || d % 6 == 1) {
                assertThat(self).as("image %d", i).isEqualTo(Negatives.DRAEM_STRONG.image(REAL, 13, i));
            }
        }
        var moveRandom = new java.util.SplittableRandom(8);
        for (int j = 0; j < 20; j++) {
            byte[] garment = REAL.image(j);
            double[] moved = DraemNegatives.moved(SHAPE, garment, moveRandom);
            double[] before = centroid(garment);
            double[] m = new double[moved.length];
            double massBefore = 0;
            double massAfter = 0;
            byte[] asBytes = new byte[moved.length];
            for (int p = 0; p < moved.length; p++) {
                assertThat(moved[p]).isBetween(0.0, 255.0);
                asBytes[p] = (byte) Math.round(moved[p]);
                massBefore += garment[p] & 0xFF;
                massAfter += moved[p];
            }
            double[] after = centroid(asBytes);
            double distance = Math.hypot(after[0] - before[0], after[1] - before[1]);
            assertThat(distance).as("garment %d's centre moved", j).isBetween(DraemNegatives.MIN_SHIFT - 1.5,
                    DraemNegatives.MAX_SHIFT + 2.5);
            // Mass scales by gain x scale^2 (within 0.7 x 0.72 .. 1.3 x 1.32), less what leaves the frame or clips.
            assertThat(massAfter / massBefore).as("garment %d's mass", j).isBetween(0.3, 1.72);
        }
        var light = dev.ganiqa.datasets.Backgrounds.inverted(REAL);
        assertThatThrownBy(() -> RejectionImages.withRejectionClass(light, 10, 13, Negatives.DRAEM))
                .hasMessageContaining("expected dark-background data").hasMessageNotContaining("\n");
    }

    /**
     * The filtered recipe: two of every three images are the self-blend recipe's, in order; every third is a real
     * garment's rectified response to a zero-mean random kernel, peaking at 128..255 and 0 wherever the garment is
     * flat over the kernel's reach.
     */
    @Test
    void filteredNegativesAreAGarmentsResponseToARandomHighPassFilter() {
        for (int i = 0; i < 30; i++) {
            byte[] image = Negatives.DRAEM_FILTERED.image(REAL, 17, i);
            if (i % 3 != 2) {
                assertThat(image).as("image %d", i).isEqualTo(Negatives.DRAEM_SELF.image(REAL, 17, i / 3 * 2 + i % 3));
                continue;
            }
            assertThat(max(image)).as("image %d", i).isBetween(FilteredNegatives.MIN_PEAK - 1, 255);
            assertThat(image).as("image %d", i).isNotEqualTo(FilteredNegatives.image(REAL, 18, i / 3));
        }
        var random = new java.util.SplittableRandom(5);
        for (int size : new int[] {3, 5}) {
            double[] k = FilteredNegatives.kernel(size, random);
            assertThat(k).hasSize(size * size);
            assertThat(java.util.Arrays.stream(k).sum()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(java.util.Arrays.stream(k).map(Math::abs).max().orElseThrow()).isGreaterThan(0.1);
            // A flat image answers nothing anywhere, so it comes back as it is.
            byte[] flat = new byte[784];
            java.util.Arrays.fill(flat, (byte) 90);
            assertThat(FilteredNegatives.filtered(SHAPE, flat, k, size, true, 200)).isEqualTo(flat);
        }
        // A vertical step (columns 0..13 at 0, 14..27 at 200) through a horizontal difference I(x) - I(x-1): only
        // column 14 answers, at the peak. The negated difference's positive part answers nowhere (the image comes back
        // as it is); its absolute value answers at column 14 again.
        byte[] step = new byte[784];
        for (int p = 0; p < 784; p++) {
            step[p] = (byte) (p % 28 >= 14 ? 200 : 0);
        }
        double[] difference = {0, 0, 0, -1, 1, 0, 0, 0, 0};
        byte[] edge = FilteredNegatives.filtered(SHAPE, step, difference, 3, false, 180);
        double[] negated = {0, 0, 0, 1, -1, 0, 0, 0, 0};
        byte[] none = FilteredNegatives.filtered(SHAPE, step, negated, 3, false, 180);
        byte[] both = FilteredNegatives.filtered(SHAPE, step, negated, 3, true, 180);
        for (int p = 0; p < 784; p++) {
            assertThat(edge[p] & 0xFF).as("pixel %d", p).isEqualTo(p % 28 == 14 ? 180 : 0);
            assertThat(both[p] & 0xFF).as("pixel %d", p).isEqualTo(p % 28 == 14 ? 180 : 0);
        }
        assertThat(none).isEqualTo(step);
    }

    /**
     * The mixed recipe: three of every four images are the filtered recipe's, in order; every fourth is a real garment
     * and an emoji of the DRAEM source over the whole frame, each pixel between the two, the emoji's weight in
     * 0.35..0.65, different garments and emoji from image to image.
     */
    @Test
    void mixedNegativesAreAGarmentAndAnEmojiOverTheWholeFrame() {
        var emoji = DraemNegatives.source(SHAPE);
        java.util.Set<Integer> garments = new java.util.HashSet<>();
        java.util.Set<Integer> sources = new java.util.HashSet<>();
        for (int i = 0; i < 40; i++) {
            byte[] image = Negatives.DRAEM_MIXED.image(REAL, 17, i);
            if (i % 4 != 3) {
                assertThat(image).as("image %d", i).isEqualTo(Negatives.DRAEM_FILTERED.image(REAL, 17, i / 4 * 3 + i % 4));
                continue;
            }
            MixedNegatives.Draw d = MixedNegatives.draw(REAL, 17, i / 4);
            garments.add(d.garment());
            sources.add(d.emoji());
            assertThat(d.lambda()).isBetween(MixedNegatives.MIN_LAMBDA, MixedNegatives.MAX_LAMBDA);
            byte[] g = REAL.image(d.garment());
            byte[] e = emoji.image(d.emoji());
            int differs = 0;
            for (int p = 0; p < image.length; p++) {
                int v = image[p] & 0xFF;
                int a = g[p] & 0xFF;
                int b = e[p] & 0xFF;
                assertThat(v).as("image %d pixel %d", i, p).isBetween(Math.min(a, b), Math.max(a, b));
                assertThat((double) v).as("image %d pixel %d", i, p)
                        .isCloseTo((1 - d.lambda()) * a + d.lambda() * b, org.assertj.core.data.Offset.offset(0.5));
                differs += v != a ? 1 : 0;
            }
            assertThat(differs).as("image %d: pixels the emoji changed", i).isGreaterThan(50);
        }
        assertThat(garments).hasSizeGreaterThan(5);
        assertThat(sources).hasSizeGreaterThan(5);
        // The arithmetic, value by value: 0 and 200 at 0.4 give 80; 255 and 0 at 0.65 give round(89.25) = 89.
        assertThat(MixedNegatives.mixed(new byte[] {0, (byte) 255}, new byte[] {(byte) 200, 0}, 0.4)[0] & 0xFF).isEqualTo(80);
        assertThat(MixedNegatives.mixed(new byte[] {0, (byte) 255}, new byte[] {(byte) 200, 0}, 0.65)[1] & 0xFF).isEqualTo(89);
        assertThatThrownBy(() -> MixedNegatives.mixed(new byte[2], new byte[3], 0.5)).hasMessageContaining("2 and 3");
    }

    /** The half-mixed recipe: even images the filtered recipe's, odd ones the mixtures, both in order. */
    @Test
    void halfMixedNegativesAlternateFilteredImagesAndMixtures() {
        for (int i = 0; i < 12; i++) {
            byte[] image = Negatives.DRAEM_MIXED_HALF.image(REAL, 17, i);
            assertThat(image).as("image %d", i).isEqualTo(i % 2 == 0 ? Negatives.DRAEM_FILTERED.image(REAL, 17, i / 2)
                    : MixedNegatives.image(REAL, 17, i / 2));
        }
        assertThat(Negatives.of("draem-mixed-half").fromData()).isTrue();
    }

    /** The brightness-weighted centre (x, y) of a 28x28 gray image. */
    private static double[] centroid(byte[] image) {
        double sx = 0;
        double sy = 0;
        double sum = 0;
        for (int p = 0; p < image.length; p++) {
            double v = image[p] & 0xFF;
            sx += v * (p % 28);
            sy += v * (p / 28);
            sum += v;
        }
        return new double[] {sx / sum, sy / sum};
    }

    /** The mean absolute difference, in gray levels, between {@code image} and the nearest of {@link #REAL}. */
    private static double closest(byte[] image) {
        double closest = Double.MAX_VALUE;
        for (int j = 0; j < REAL.size(); j++) {
            byte[] real = REAL.image(j);
            double change = 0;
            for (int p = 0; p < image.length; p++) {
                change += Math.abs((image[p] & 0xFF) - (real[p] & 0xFF));
            }
            closest = Math.min(closest, change / image.length);
        }
        return closest;
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
    void theGeneratorRecipeAddsTransposedConvolutionTexturesToTheComposedOnes() {
        for (int i = 0; i < 40; i += 2) {
            assertThat(Negatives.GENERATOR.image(SHAPE, 5, i)).isEqualTo(Negatives.COMPOSED.image(SHAPE, 5, i / 2));
        }
        // The stride-2 stack prints a period-2 grid: the four pixel phases (y mod 2, x mod 2) of a full-frame texture
        // have different means. Independent noise of the same spread has phase means within about 1/sqrt(196) of
        // its deviation; the grid's are several times further apart.
        double grid = 0;
        double noise = 0;
        int full = 0;
        for (int i = 1; i < 400; i += 4) {
            grid += phaseSpread(Negatives.GENERATOR.image(SHAPE, 5, i));
            noise += phaseSpread(RejectionImages.image(SHAPE, 5, i / 4 * RejectionImages.Kind.values().length));
            full++;
        }
        assertThat(grid / full).as("phase spread of the generator textures").isGreaterThan(3 * noise / full);
        // Odd halves of the generator images: a texture inside a region, the rest one flat level.
        int flatOutside = 0;
        for (int i = 3; i < 400; i += 4) {
            byte[] v = Negatives.GENERATOR.image(SHAPE, 5, i);
            long levels = IntStream.range(0, v.length).map(p -> v[p] & 0xFF).distinct().count();
            assertThat(levels).as("a textured region " + i).isGreaterThan(3);
            flatOutside += IntStream.of(0, 27, 28 * 27, 28 * 28 - 1).map(p -> v[p] & 0xFF).distinct().count() == 1
                    ? 1 : 0;
        }
        assertThat(flatOutside).as("regions with the four corners on the background").isGreaterThan(60);
    }

    /** Deviation of the four (y mod 2, x mod 2) phase means, over the image's own deviation. */
    private static double phaseSpread(byte[] image) {
        double[] sum = new double[4];
        double all = 0;
        double sq = 0;
        for (int p = 0; p < image.length; p++) {
            double v = image[p] & 0xFF;
            sum[(p / 28 % 2) * 2 + p % 28 % 2] += v;
            all += v;
            sq += v * v;
        }
        double mean = all / image.length;
        double sd = Math.sqrt(Math.max(1e-9, sq / image.length - mean * mean));
        double spread = 0;
        for (double s : sum) {
            double m = s / (image.length / 4.0);
            spread += (m - mean) * (m - mean);
        }
        return Math.sqrt(spread / 4) / sd;
    }

    @Test
    void recipesAreNamedOnTheCommandLine() {
        assertThat(Negatives.of("full-frame")).isEqualTo(Negatives.FULL_FRAME);
        assertThat(Negatives.of("varied").id()).isEqualTo("varied");
        assertThatThrownBy(() -> Negatives.of("fancy")).hasMessage("expected one of full-frame, composed, varied, "
                + "generator, cut-paste, draem, draem-strong, draem-objects, draem-self, draem-filtered, draem-mixed, draem-mixed-half, found fancy");
    }
}
