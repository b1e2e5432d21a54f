package dev.ganiqa.metrics.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import org.junit.jupiter.api.Test;

/**
 * The out-of-distribution families of {@link OutOfDistribution} are what their names say, on real Fashion-MNIST
 * garments, each checked pixel by pixel against its definition, and every family is seeded and shaped like the real
 * images it is made from. (What the extractors make of them is ExtractorCheckTest's.)
 */
class OodFamiliesTest {
    @Test
    void theFamiliesAreSeededAndShapedLikeTheRealImages() {
        var real = SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST), 40, 3);
        for (OutOfDistribution.Family f : OutOfDistribution.families()) {
            var a = f.make().apply(real, 5L);
            var b = f.make().apply(real, 5L);
            assertThat(a.size()).as(f.name()).isEqualTo(40);
            assertThat(a.shape()).isEqualTo(real.shape());
            assertThat(a.image(7)).as(f.name()).isEqualTo(b.image(7));
            assertThat(a.image(7)).as(f.name() + " is not all black").isNotEqualTo(new byte[real.shape().values()]);
        }
    }

    /**
     * The pattern families (the fifth final group, held out since) are what they say: mosaic blocks are flat and hold the block's
     * mean; the grid lines are black and the rest is the garment; a plaid spans the full range; squares are rings.
     */
    @Test
    void thePatternFamiliesAreWhatTheirNamesSay() {
        var real = SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST), 10, 3);
        var shape = real.shape();
        int w = shape.width();
        for (int i = 0; i < real.size(); i++) {
            byte[] image = real.image(i);
            double[] mosaic = OodPatternFamilies.mosaic(shape, image, null);
            double sum = 0;
            for (int y = 4; y < 8; y++) {
                for (int x = 8; x < 12; x++) {
                    sum += image[y * w + x] & 0xFF;
                    assertThat(mosaic[y * w + x]).isEqualTo(mosaic[4 * w + 8]);
                }
            }
            assertThat(mosaic[4 * w + 8]).isCloseTo(sum / 16, org.assertj.core.data.Offset.offset(1e-9));
            double[] grid = OodPatternFamilies.gridLines(shape, image, null);
            for (int p = 0; p < grid.length; p++) {
                boolean line = (p % w) % 4 == 3 || (p / w) % 4 == 3;
                assertThat(grid[p]).isEqualTo(line ? 0 : image[p] & 0xFF);
            }
        }
        var random = new java.util.SplittableRandom(4);
        double[] plaid = OodPatternFamilies.plaid(shape, random);
        assertThat(java.util.Arrays.stream(plaid).min().orElseThrow()).isEqualTo(0.0);
        assertThat(java.util.Arrays.stream(plaid).max().orElseThrow()).isEqualTo(255.0);
        double[] squares = OodPatternFamilies.squares(shape, random);
        for (int d = 0; d < w / 2; d++) {
            // Every pixel at depth d from the border has the gray of ring d.
            assertThat(squares[d * w + d]).isEqualTo(squares[(w - 1 - d) * w + (w - 1 - d)])
                    .isEqualTo(squares[d * w + (w - 1 - d)]).isEqualTo(squares[(w / 2) * w + d]);
        }
    }

    /**
     * The altered families (the sixth final group) are what they say: two 45-degree turns come close to a quarter
     * turn (bilinear resampling blurs a little); salt and pepper sets pixels to 0 or 255 and leaves the rest; the
     * posterised garment has two levels; the corner leaves the garment in one quadrant of the frame.
     */
    @Test
    void theAlteredFamiliesAreWhatTheirNamesSay() {
        var real = SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST), 10, 3);
        var shape = real.shape();
        int w = shape.width();
        var random = new java.util.SplittableRandom(9);
        for (int i = 0; i < real.size(); i++) {
            byte[] image = real.image(i);
            double[] twice = OodAlteredFamilies.turned45(shape, toBytes(OodAlteredFamilies.turned45(shape, image, random)),
                    random);
            double offByTurn = 0;
            double offByNothing = 0;
            for (int y = 0; y < w; y++) {
                for (int x = 0; x < w; x++) {
                    // A quarter turn counter-clockwise as the source is read: (x, y) <- (w-1-y, x) or its mirror;
                    // the better of the two orientations, so the test does not fix the direction.
                    double quarter = Math.min(Math.abs(twice[y * w + x] - (image[x * w + (w - 1 - y)] & 0xFF)),
                            Math.abs(twice[y * w + x] - (image[(w - 1 - x) * w + y] & 0xFF)));
                    offByTurn += quarter;
                    offByNothing += Math.abs(twice[y * w + x] - (image[y * w + x] & 0xFF));
                }
            }
            assertThat(offByTurn).as("image %d", i).isLessThan(offByNothing);
            int changed = 0;
            double[] salted = OodAlteredFamilies.saltAndPepper(shape, image, random);
            for (int p = 0; p < salted.length; p++) {
                if (salted[p] != (image[p] & 0xFF)) {
                    changed++;
                    assertThat(salted[p]).isIn(0.0, 255.0);
                }
            }
            assertThat(changed).isBetween(40, 200);
            assertThat(java.util.Arrays.stream(OodAlteredFamilies.posterised(shape, image, random)).distinct().sorted()
                    .toArray()).containsExactly(0.0, 255.0);
            double[] corner = OodAlteredFamilies.corner(shape, image, random);
            java.util.Set<Integer> quadrants = new java.util.HashSet<>();
            for (int p = 0; p < corner.length; p++) {
                if (corner[p] != 0) {
                    quadrants.add(((p % w) < w / 2 ? 0 : 1) + ((p / w) < w / 2 ? 0 : 2));
                }
            }
            assertThat(quadrants).as("image %d's corner", i).hasSizeLessThanOrEqualTo(1);
        }
    }

    /**
     * The redrawn families (the seventh final group) are what they say: the half-size garment lies inside the centred
     * half-size box and keeps the garment's mean brightness per block; the flat silhouette has one gray on the
     * garment's pixels; the inverted inside turns v into 255 - v there and leaves the background; the double size
     * has, at each pixel of the frame's centre half, the average of the four enlarged pixels it became.
     */
    @Test
    void theRedrawnFamiliesAreWhatTheirNamesSay() {
        var real = SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST), 10, 3);
        var shape = real.shape();
        int w = shape.width();
        var random = new java.util.SplittableRandom(11);
        for (int i = 0; i < real.size(); i++) {
            byte[] image = real.image(i);
            double[] half = OodRedrawnFamilies.halfSize(shape, image, random);
            double sumHalf = 0;
            double sumImage = 0;
            for (int p = 0; p < half.length; p++) {
                int x = p % w;
                int y = p / w;
                boolean inside = x >= w / 4 && x < w / 4 + w / 2 && y >= w / 4 && y < w / 4 + w / 2;
                if (!inside) {
                    assertThat(half[p]).as("image %d pixel %d outside the half-size box", i, p).isZero();
                }
                sumHalf += half[p];
                sumImage += image[p] & 0xFF;
            }
            assertThat(sumHalf * 4).as("image %d: a quarter of the pixels, the same mean", i)
                    .isCloseTo(sumImage, org.assertj.core.data.Offset.offset(1e-6 * sumImage + 1e-9));
            double[] flat = OodRedrawnFamilies.flat(shape, image, random);
            double[] inverted = OodRedrawnFamilies.invertedInside(shape, image, random);
            double[] twice = OodRedrawnFamilies.doubleSize(shape, image, random);
            java.util.Set<Double> grays = new java.util.HashSet<>();
            for (int p = 0; p < image.length; p++) {
                int g = image[p] & 0xFF;
                if (g >= 8) {
                    grays.add(flat[p]);
                    assertThat(inverted[p]).isEqualTo(255.0 - g);
                } else {
                    assertThat(new double[] {flat[p], inverted[p]}).containsOnly((double) g);
                }
            }
            assertThat(grays).as("image %d's flat silhouette", i).hasSize(1);
            // Bilinear enlargement by two: pixel (x, y) of the centre half spreads over the 2x2 block at
            // (2x - w/2, 2y - w/2), and the block's mean weighs the pixel 9/16 and its neighbours 7/16.
            for (int y = w / 4 + 1; y < 3 * w / 4 - 1; y++) {
                for (int x = w / 4 + 1; x < 3 * w / 4 - 1; x++) {
                    int bx = 2 * x - w / 2;
                    int by = 2 * y - w / 2;
                    double block = (twice[by * w + bx] + twice[by * w + bx + 1] + twice[(by + 1) * w + bx]
                            + twice[(by + 1) * w + bx + 1]) / 4;
                    assertThat(block).as("image %d block (%d, %d)", i, x, y)
                            .isCloseTo(image[y * w + x] & 0xFF, org.assertj.core.data.Offset.offset(
                                    0.4375 * neighbourSpread(image, w, x, y) + 1e-9));
                }
            }
        }
    }

    /**
     * The traced families (the eighth final group) are what they say: a triple exposure is the rounded mean of the
     * garment and two garments of two other classes; the ghost is the garment averaged with itself shifted 5 px
     * along one axis; the outline keeps exactly the garment pixels that touch the background and nothing else; the
     * fine detail is |garment - blur| scaled to the garment's brightest pixel, dark where the garment is flat.
     */
    @Test
    void theTracedFamiliesAreWhatTheirNamesSay() {
        var real = SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST), 30, 4);
        var shape = real.shape();
        int w = shape.width();
        int h = shape.height();
        var triple = OodTracedFamilies.triple(real, 9L);
        var random = new java.util.SplittableRandom(12);
        java.util.Set<Integer> directions = new java.util.HashSet<>();
        for (int i = 0; i < real.size(); i++) {
            byte[] image = real.image(i);
            byte[] mixed = triple.image(i);
            int fi = i;
            boolean found = false;
            for (int j = 0; j < real.size() && !found; j++) {
                for (int k = j + 1; k < real.size() && !found; k++) {
                    if (real.label(j) == real.label(fi) || real.label(k) == real.label(fi) || real.label(j) == real.label(k)) {
                        continue;
                    }
                    byte[] b = real.image(j);
                    byte[] c = real.image(k);
                    boolean all = true;
                    for (int p = 0; p < image.length && all; p++) {
                        all = (mixed[p] & 0xFF) == Math.round(((image[p] & 0xFF) + (b[p] & 0xFF) + (c[p] & 0xFF)) / 3.0);
                    }
                    found = all;
                }
            }
            assertThat(found).as("image %d: the mean of it and two garments of two other classes", i).isTrue();

            double[] ghost = OodTracedFamilies.ghost(shape, image, random);
            int direction = -1;
            int[][] shifts = {{5, 0}, {-5, 0}, {0, 5}, {0, -5}};
            for (int d = 0; d < shifts.length && direction < 0; d++) {
                boolean all = true;
                for (int y = 0; y < h && all; y++) {
                    for (int x = 0; x < w && all; x++) {
                        int sx = x - shifts[d][0];
                        int sy = y - shifts[d][1];
                        double shifted = sx < 0 || sy < 0 || sx >= w || sy >= h ? 0 : image[sy * w + sx] & 0xFF;
                        all = ghost[y * w + x] == ((image[y * w + x] & 0xFF) + shifted) / 2;
                    }
                }
                direction = all ? d : -1;
            }
            assertThat(direction).as("image %d: averaged with itself shifted 5 px", i).isNotNegative();
            directions.add(direction);

            double[] outline = OodTracedFamilies.outline(shape, image, random);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int g = image[y * w + x] & 0xFF;
                    boolean edge = g >= 8 && (x == 0 || y == 0 || x == w - 1 || y == h - 1
                            || (image[y * w + x - 1] & 0xFF) < 8 || (image[y * w + x + 1] & 0xFF) < 8
                            || (image[(y - 1) * w + x] & 0xFF) < 8 || (image[(y + 1) * w + x] & 0xFF) < 8);
                    assertThat(outline[y * w + x]).as("image %d pixel (%d, %d)", i, x, y).isEqualTo(edge ? g : 0.0);
                }
            }

            double[] detail = OodTracedFamilies.detail(shape, image, random);
            int bright = 0;
            for (byte b : image) {
                bright = Math.max(bright, b & 0xFF);
            }
            assertThat(java.util.Arrays.stream(detail).max().orElseThrow()).isCloseTo(bright,
                    org.assertj.core.data.Offset.offset(1e-9));
            // Far from the garment (every pixel within 5 px is background 0) the residual is 0.
            for (int y = 5; y < h - 5; y++) {
                for (int x = 5; x < w - 5; x++) {
                    boolean empty = true;
                    for (int dy = -5; dy <= 5 && empty; dy++) {
                        for (int dx = -5; dx <= 5 && empty; dx++) {
                            empty = image[(y + dy) * w + x + dx] == 0;
                        }
                    }
                    if (empty) {
                        assertThat(detail[y * w + x]).as("image %d pixel (%d, %d)", i, x, y)
                                .isCloseTo(0, org.assertj.core.data.Offset.offset(1.0));
                    }
                }
            }
        }
        assertThat(directions).as("the ghost's direction is drawn per image").hasSizeGreaterThan(1);
    }

    /**
     * The doubled families (the ninth final group) are what they say: a garment and itself upside down average to an
     * image symmetric top to bottom; the shifted pair is the rounded mean of the garment and another class's garment
     * moved a quarter of the width right; the contour is white exactly where a garment pixel touches the background
     * (8-neighbourhood) and black elsewhere; the Laplacian is 0 where a pixel equals its four neighbours and peaks at
     * the garment's brightest value.
     */
    @Test
    void theDoubledFamiliesAreWhatTheirNamesSay() {
        var real = SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST), 30, 6);
        var shape = real.shape();
        int w = shape.width();
        int h = shape.height();
        var pairs = OodDoubledFamilies.shiftedPair(real, 3L);
        var random = new java.util.SplittableRandom(2);
        for (int i = 0; i < real.size(); i++) {
            byte[] image = real.image(i);
            double[] flipped = OodDoubledFamilies.upsideDown(shape, image, random);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    assertThat(flipped[y * w + x]).isEqualTo(((image[y * w + x] & 0xFF)
                            + (image[(h - 1 - y) * w + x] & 0xFF)) / 2.0).isEqualTo(flipped[(h - 1 - y) * w + x]);
                }
            }
            byte[] pair = pairs.image(i);
            int fi = i;
            boolean found = java.util.stream.IntStream.range(0, real.size())
                    .filter(j -> real.label(j) != real.label(fi)).anyMatch(j -> {
                        byte[] b = real.image(j);
                        for (int y = 0; y < h; y++) {
                            for (int x = 0; x < w; x++) {
                                double moved = x - w / 4 < 0 ? 0 : b[y * w + x - w / 4] & 0xFF;
                                if ((pair[y * w + x] & 0xFF) != Math.round(((image[y * w + x] & 0xFF) + moved) / 2)) {
                                    return false;
                                }
                            }
                        }
                        return true;
                    });
            assertThat(found).as("image %d: the mean of it and another class's garment shifted right", i).isTrue();
            double[] contour = OodDoubledFamilies.contour(shape, image, random);
            double[] laplacian = OodDoubledFamilies.laplacian(shape, image, random);
            int bright = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int g = image[y * w + x] & 0xFF;
                    bright = Math.max(bright, g);
                    boolean edge = false;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int xx = x + dx;
                            int yy = y + dy;
                            edge |= xx < 0 || yy < 0 || xx >= w || yy >= h || (image[yy * w + xx] & 0xFF) < 8;
                        }
                    }
                    assertThat(contour[y * w + x]).as("image %d pixel (%d, %d)", i, x, y)
                            .isEqualTo(g >= 8 && edge ? 255.0 : 0.0);
                    if (x > 0 && y > 0 && x < w - 1 && y < h - 1 && image[y * w + x - 1] == image[y * w + x]
                            && image[y * w + x + 1] == image[y * w + x] && image[(y - 1) * w + x] == image[y * w + x]
                            && image[(y + 1) * w + x] == image[y * w + x]) {
                        assertThat(laplacian[y * w + x]).isZero();
                    }
                }
            }
            assertThat(java.util.Arrays.stream(laplacian).max().orElseThrow()).isCloseTo(bright,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /**
     * The relief families (the tenth final group) are what they say: the iso-lines are white exactly where a pixel's
     * level is above a 4-neighbour's for one offset of 0..31; the embossed garment is mid-gray where the pixels one
     * up-left and one down-right are equal and otherwise their half difference times one gain of 0.8..1.2; the
     * misprint moves each quarter-width strip up or down by 3..6 pixels; the distance map counts 4-neighbour steps
     * to the background, one step per neighbour, peaking at 255.
     */
    @Test
    void theReliefFamiliesAreWhatTheirNamesSay() {
        var real = SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST), 30, 8);
        var shape = real.shape();
        int w = shape.width();
        int h = shape.height();
        var random = new java.util.SplittableRandom(4);
        for (int i = 0; i < real.size(); i++) {
            byte[] image = real.image(i);
            double[] lines = OodReliefFamilies.isoLines(shape, image, random);
            boolean matched = java.util.stream.IntStream.range(0, OodReliefFamilies.LEVEL).anyMatch(offset -> {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int level = ((image[y * w + x] & 0xFF) + offset) / 32;
                        boolean line = false;
                        for (int[] d : new int[][] {{-1, 0}, {1, 0}, {0, -1}, {0, 1}}) {
                            int xx = x + d[0];
                            int yy = y + d[1];
                            int other = xx < 0 || yy < 0 || xx >= w || yy >= h ? 0
                                    : ((image[yy * w + xx] & 0xFF) + offset) / 32;
                            line |= level > other;
                        }
                        if (lines[y * w + x] != (line ? 255 : 0)) {
                            return false;
                        }
                    }
                }
                return true;
            });
            assertThat(matched).as("image %d: iso-lines of one offset", i).isTrue();
            assertThat(java.util.Arrays.stream(lines).filter(v -> v == 255).count()).as("image %d", i).isPositive();

            double[] relief = OodReliefFamilies.embossed(shape, image, random);
            double gain = Double.NaN;
            for (int y = 1; y < h - 1; y++) {
                for (int x = 1; x < w - 1; x++) {
                    double d = (image[(y + 1) * w + x + 1] & 0xFF) - (image[(y - 1) * w + x - 1] & 0xFF);
                    if (d == 0) {
                        assertThat(relief[y * w + x]).isEqualTo(128.0);
                    } else if (relief[y * w + x] > 0 && relief[y * w + x] < 255) {
                        double g = (relief[y * w + x] - 128) / (d / 2);
                        assertThat(g).isBetween(0.8, 1.2);
                        if (!Double.isNaN(gain)) {
                            assertThat(g).isCloseTo(gain, org.assertj.core.data.Offset.offset(1e-9));
                        }
                        gain = g;
                    }
                }
            }
            assertThat(gain).as("image %d has relief", i).isNotNaN();

            double[] misprint = OodReliefFamilies.misprinted(shape, image, random);
            for (int strip = 0; strip < 4; strip++) {
                int first = strip * w / 4;
                boolean found = false;
                for (int shift = -OodReliefFamilies.MAX_STRIP_SHIFT; shift <= OodReliefFamilies.MAX_STRIP_SHIFT && !found; shift++) {
                    if (Math.abs(shift) < OodReliefFamilies.MIN_STRIP_SHIFT) {
                        continue;
                    }
                    boolean all = true;
                    for (int y = 0; y < h && all; y++) {
                        for (int x = first; x < first + w / 4 && all; x++) {
                            int from = y - shift;
                            double expected = from < 0 || from >= h ? 0 : image[from * w + x] & 0xFF;
                            all = misprint[y * w + x] == expected;
                        }
                    }
                    found = all;
                }
                assertThat(found).as("image %d strip %d moved 3..6 px", i, strip).isTrue();
            }

            double[] distance = OodReliefFamilies.distanceMap(shape, image, random);
            assertThat(java.util.Arrays.stream(distance).max().orElseThrow()).isEqualTo(255.0);
            double step = java.util.Arrays.stream(distance).filter(v -> v > 0).min().orElseThrow();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = distance[y * w + x];
                    if ((image[y * w + x] & 0xFF) < 8) {
                        assertThat(v).isZero();
                        continue;
                    }
                    boolean edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || (image[y * w + x - 1] & 0xFF) < 8
                            || (image[y * w + x + 1] & 0xFF) < 8 || (image[(y - 1) * w + x] & 0xFF) < 8
                            || (image[(y + 1) * w + x] & 0xFF) < 8;
                    if (edge) {
                        assertThat(v).as("image %d pixel (%d, %d) touches the background", i, x, y).isEqualTo(step);
                        continue;
                    }
                    double below = Double.MAX_VALUE;
                    for (int[] d : new int[][] {{-1, 0}, {1, 0}, {0, -1}, {0, 1}}) {
                        double n = distance[(y + d[1]) * w + x + d[0]];
                        assertThat(Math.abs(n - v)).isLessThanOrEqualTo(step + 1e-9);
                        below = Math.min(below, n);
                    }
                    assertThat(below).as("image %d pixel (%d, %d) one step further than a neighbour", i, x, y)
                            .isCloseTo(v - step, org.assertj.core.data.Offset.offset(1e-9));
                }
            }
        }
    }

    /** The largest difference between pixel (x, y) and its eight neighbours. */
    private static double neighbourSpread(byte[] image, int w, int x, int y) {
        double spread = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                spread = Math.max(spread, Math.abs((image[(y + dy) * w + x + dx] & 0xFF) - (image[y * w + x] & 0xFF)));
            }
        }
        return spread;
    }

    private static byte[] toBytes(double[] v) {
        byte[] b = new byte[v.length];
        for (int p = 0; p < v.length; p++) {
            b[p] = (byte) Math.max(0, Math.min(255, Math.round(v[p])));
        }
        return b;
    }

    /** The mixed families (the fourth final group, held out since) keep one garment's top and put another class's bottom under it, pixel for pixel. */
    @Test
    void theMixedFamiliesJoinGarmentsOfTwoClasses() {
        var real = SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST), 40, 3);
        var mixed = OodMixedFamilies.topBottom(real, 5L);
        int half = real.shape().width() * (real.shape().height() / 2);
        for (int i = 0; i < real.size(); i++) {
            byte[] image = mixed.image(i);
            byte[] top = java.util.Arrays.copyOfRange(image, 0, half);
            byte[] bottom = java.util.Arrays.copyOfRange(image, half, image.length);
            assertThat(top).isEqualTo(java.util.Arrays.copyOfRange(real.image(i), 0, half));
            int label = real.label(i);
            boolean fromAnotherClass = java.util.stream.IntStream.range(0, real.size()).anyMatch(j -> real.label(j) != label
                    && java.util.Arrays.equals(bottom, java.util.Arrays.copyOfRange(real.image(j), half, image.length)));
            assertThat(fromAnotherClass).as("image %d's bottom is another class's", i).isTrue();
        }
    }
}
