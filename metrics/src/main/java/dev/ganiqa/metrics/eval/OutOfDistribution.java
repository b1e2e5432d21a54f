package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.metrics.features.train.RejectionImages;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Families of inputs that are not images of the data, for the out-of-distribution protocol of
 * {@code ganiqa extractor check}. Three groups, each decided before the measurement it serves and kept here:
 * <ul>
 * <li>{@link Group#TUNING}: the kinds an extractor may be built or tuned with: the full-frame kinds of
 * {@link RejectionImages} (v2's rejection class was trained on them) and the check's own pure-noise and constant
 * sets;</li>
 * <li>{@link Group#HELD_OUT}: compositions no extractor is built with (the training code must not use this group;
 * ArchitectureTest keeps it out of {@code features.train}), but which were looked at while choosing a design:
 * noise inside black or gray frames, boxes and grids of noise on black, rendered letters and digits, smooth fractal
 * noise, smooth blobs, rings, scribbles, the data's own silhouettes filled with noise, real images under a
 * checkerboard overlay, inverted, on a noise background or half replaced by noise, and another dataset's images
 * (procedural shapes);</li>
 * <li>{@link Group#FINAL}: written before the design it judges was measured on it and used for no decision
 * ({@link OodReliefFamilies}, written before the filtered-negatives candidate after v12: a garment's iso-brightness
 * lines, the garment embossed on gray, misprinted in four strips, its distance map). The earlier final groups
 * moved to HELD_OUT when their results shaped a design: v3's first (grid of patches, blurred frame, garments on
 * noise, half noise) once it shaped v4, the second (outline noise, shuffled pixels, dithered dots, two half-size
 * garments) once v3's failures on it shaped the generator-texture candidate, the third ({@link OodFinalFamilies}:
 * tiles, edges, quarters, torn rows) once a probe on two of them helped choose the rotation-pretext design, the
 * fourth ({@link OodMixedFamilies}: two garments of different classes blended, joined top and bottom or left and
 * right, or one pasted into the other) once every extractor's failure on it suggested the class-conditional density
 * candidate, the fifth ({@link OodPatternFamilies}: mosaic blocks, grid lines, a plaid, concentric squares) once v6's
 * failures on it suggested the cut-and-paste negatives candidate, the sixth ({@link OodAlteredFamilies}: a garment
 * turned 45 degrees, under salt and pepper, posterised, or only a corner) once its result on v8 (every extractor but
 * v3 kept all four out) showed it too easy to measure generalisation and a harder group was written, the seventh
 * ({@link OodRedrawnFamilies}: a garment at half size, its silhouette filled flat, inverted inside its silhouette, or
 * at double size) once v6, v8 and every candidate after them kept all four out, so that it no longer separated
 * designs, the eighth ({@link OodTracedFamilies}: a triple exposure, a garment and its ghost, its silhouette outline,
 * its high-pass detail) once v10's verdicts on it were looked at while the self-blend candidate was chosen, the ninth
 * ({@link OodDoubledFamilies}: a garment blended with itself upside down, two garments blended with one shifted, a
 * contour drawn in white, a Laplacian) once v12's verdict on its Laplacian was looked at while the filtered-negatives
 * candidate was chosen.</li>
 * </ul>
 * A score tuned against a group says nothing about its generalisation; only the FINAL group does.
 * Every family is a function of (the real images it composes with, count, seed) alone. "Black" is the data's own
 * background: on light-background data the families are made on inverted images and inverted back.
 */
public final class OutOfDistribution {
    /**
     * TUNING: may be used to build or tune an extractor; HELD_OUT: never trained on, but looked at while choosing
     * between designs (v3's and v4's candidates, and the rule that rejected samples count as outside, were compared
     * on it); FINAL: written and committed before the shipped design was measured on it, never used for any
     * decision: the group that measures generalisation. A group that informed a choice moves to HELD_OUT and a new
     * FINAL group is written before the next design is measured.
     */
    public enum Group { TUNING, HELD_OUT, FINAL }

    /** One family: its name, group, and how it makes n images like {@code real} (shape, and as a source of shapes). */
    public record Family(String name, Group group, BiFunction<ImageDataset, Long, ImageDataset> make) {
    }

    private OutOfDistribution() {
    }

    /** Every family, the tuning group first. */
    public static List<Family> families() {
        List<Family> out = new ArrayList<>();
        for (RejectionImages.Kind k : RejectionImages.Kind.values()) {
            out.add(new Family("full frame: " + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    Group.TUNING, (real, seed) -> OodCompositions.rejection(real, seed, k)));
        }
        out.add(family("noise in a 2-px black frame", (shape, random) -> OodPainters.framed(shape, random, 2)));
        out.add(family("noise in a 4-px black frame", (shape, random) -> OodPainters.framed(shape, random, 4)));
        out.add(family("a box of noise on black", OodPainters::box));
        out.add(family("smooth blobs on black", OodPainters::blobs));
        out.add(new Family("smooth fractal noise", Group.HELD_OUT, OodCompositions::fractal));
        out.add(new Family("letters and digits", Group.HELD_OUT, OodCompositions::text));
        out.add(new Family("silhouettes filled with noise", Group.HELD_OUT, OodCompositions::silhouettes));
        out.add(new Family("checkerboard over real images", Group.HELD_OUT, OodCompositions::overlay));
        out.add(new Family("procedural shapes (another dataset)", Group.HELD_OUT, OodCompositions::shapes));
        out.add(family("noise in a 6-px mid-gray frame", OodPainters::grayFrame));
        out.add(family("two boxes of Gaussian noise on black", OodPainters::twoBoxes));
        out.add(family("rings of stripes on black", OodPainters::rings));
        out.add(family("scribbles on black", OodPainters::scribbles));
        out.add(new Family("inverted real images", Group.HELD_OUT, (real, seed) -> OodCompositions.fromReal(real, seed,
                "inverted real images", (pixels, random) -> {
                    double[] v = new double[pixels.length];
                    for (int p = 0; p < v.length; p++) {
                        v[p] = 255 - (pixels[p] & 0xFF);
                    }
                    return v;
                })));
        out.add(family("a grid of noise patches on black", OodPainters::patches));
        out.add(family("blurred noise in a 3-px black frame", OodPainters::blurredFrame));
        out.add(new Family("real garments on a noise background", Group.HELD_OUT, (real, seed) -> OodCompositions.fromReal(real, seed,
                "real garments on a noise background", (pixels, random) -> {
                    double[] v = new double[pixels.length];
                    for (int p = 0; p < v.length; p++) {
                        int g = pixels[p] & 0xFF;
                        v[p] = g < 8 ? random.nextDouble(0, 256) : g;
                    }
                    return v;
                })));
        out.add(new Family("half a garment, half noise", Group.HELD_OUT, (real, seed) -> OodCompositions.fromReal(real, seed,
                "half a garment, half noise", (pixels, random) -> {
                    ImageShape s = real.shape();
                    boolean left = random.nextBoolean();
                    double[] v = new double[pixels.length];
                    for (int p = 0; p < v.length; p++) {
                        int x = (p / s.channels()) % s.width();
                        v[p] = (x < s.width() / 2) == left ? random.nextDouble(0, 256) : pixels[p] & 0xFF;
                    }
                    return v;
                })));
        out.add(new Family("noise along a garment's outline", Group.HELD_OUT, (real, seed) -> OodCompositions.fromReal(real, seed,
                "noise along a garment's outline", (pixels, random) -> OodCompositions.outline(real.shape(), pixels, random))));
        out.add(new Family("a garment's pixels shuffled inside it", Group.HELD_OUT, (real, seed) -> OodCompositions.fromReal(real, seed,
                "a garment's pixels shuffled inside it", (pixels, random) -> OodCompositions.shuffled(pixels, random))));
        out.add(new Family("a garment dithered to random dots", Group.HELD_OUT, (real, seed) -> OodCompositions.fromReal(real, seed,
                "a garment dithered to random dots", (pixels, random) -> {
                    double[] v = new double[pixels.length];
                    for (int p = 0; p < v.length; p++) {
                        v[p] = random.nextDouble(0, 255) < (pixels[p] & 0xFF) ? 255 : 0;
                    }
                    return v;
                })));
        out.add(new Family("two half-size garments side by side", Group.HELD_OUT, OodCompositions::pairs));
        out.add(fromReal("a garment cut into tiles in a random order", OodFinalFamilies::tiles));
        out.add(fromReal("a garment's edges (Sobel magnitude)", OodFinalFamilies::edges));
        out.add(new Family("four quarter-size garments in a grid", Group.HELD_OUT, OodFinalFamilies::quarters));
        out.add(fromReal("a garment with torn rows", OodFinalFamilies::tornRows));
        out.add(new Family("two garments blended at half opacity", Group.HELD_OUT, OodMixedFamilies::blend));
        out.add(new Family("top of one garment, bottom of another", Group.HELD_OUT, OodMixedFamilies::topBottom));
        out.add(new Family("left of one garment, right of another", Group.HELD_OUT,
                OodMixedFamilies::leftRight));
        out.add(new Family("a block of another garment pasted in", Group.HELD_OUT, OodMixedFamilies::pastedBlock));
        out.add(fromReal("a garment in 4x4 mosaic blocks", OodPatternFamilies::mosaic));
        out.add(fromReal("a garment under a grid of black lines", OodPatternFamilies::gridLines));
        out.add(family("a plaid of sinusoidal gratings", OodPatternFamilies::plaid));
        out.add(family("concentric gray squares", OodPatternFamilies::squares));
        out.add(fromReal("a garment turned 45 degrees", OodAlteredFamilies::turned45));
        out.add(fromReal("a garment with 20% salt and pepper", OodAlteredFamilies::saltAndPepper));
        out.add(fromReal("a garment posterised to two levels", OodAlteredFamilies::posterised));
        out.add(fromReal("a corner of a garment", OodAlteredFamilies::corner));
        out.add(fromReal("a garment at half size", OodRedrawnFamilies::halfSize));
        out.add(fromReal("a garment's silhouette filled flat", OodRedrawnFamilies::flat));
        out.add(fromReal("a garment inverted inside its silhouette", OodRedrawnFamilies::invertedInside));
        out.add(fromReal("a garment at double size", OodRedrawnFamilies::doubleSize));
        out.add(new Family("three garments blended at a third each", Group.HELD_OUT, OodTracedFamilies::triple));
        out.add(fromReal("a garment and its ghost 5 px away", OodTracedFamilies::ghost));
        out.add(fromReal("a garment's silhouette outline", OodTracedFamilies::outline));
        out.add(fromReal("a garment's fine detail (high-pass)", OodTracedFamilies::detail));
        out.add(fromReal("a garment blended with itself upside down", OodDoubledFamilies::upsideDown));
        out.add(new Family("two garments blended, one shifted a quarter", Group.HELD_OUT,
                OodDoubledFamilies::shiftedPair));
        out.add(fromReal("a garment's contour drawn in white", OodDoubledFamilies::contour));
        out.add(fromReal("a garment's Laplacian magnitude", OodDoubledFamilies::laplacian));
        out.add(fromReal("a garment's iso-brightness lines", Group.FINAL, OodReliefFamilies::isoLines));
        out.add(fromReal("a garment embossed on gray", Group.FINAL, OodReliefFamilies::embossed));
        out.add(fromReal("a garment misprinted in four strips", Group.FINAL, OodReliefFamilies::misprinted));
        out.add(fromReal("a garment's distance map", Group.FINAL, OodReliefFamilies::distanceMap));
        return out.stream().map(f -> new Family(f.name(), f.group(), onItsBackground(f.make()))).toList();
    }

    /**
     * The families are written for a dark background ("on black", a garment is what is brighter than it). On data
     * with a light background (emoji on white) each family is made from the inverted real images and inverted
     * back, so "black" reads as the data's own background; dark data is untouched, byte for byte.
     */
    private static BiFunction<ImageDataset, Long, ImageDataset> onItsBackground(
            BiFunction<ImageDataset, Long, ImageDataset> make) {
        return (real, seed) -> dev.ganiqa.datasets.Backgrounds.light(real)
                ? dev.ganiqa.datasets.Backgrounds.inverted(make.apply(dev.ganiqa.datasets.Backgrounds.inverted(real), seed))
                : make.apply(real, seed);
    }


    /** Paints one image of a shape from a seeded random source. */
    private interface Painter {
        double[] paint(ImageShape shape, SplittableRandom random);
    }

    private static Family family(String name, Painter painter) {
        return new Family(name, Group.HELD_OUT, (real, seed) -> OodCompositions.generate(real, seed, name,
                random -> painter.paint(real.shape(), random)));
    }

    /** A HELD_OUT family (of an earlier final group) that rewrites each real image with {@code op}. */
    private static Family fromReal(String name, ShapedOp op) {
        return fromReal(name, Group.HELD_OUT, op);
    }

    /** A family of {@code group} that rewrites each real image with {@code op}. */
    private static Family fromReal(String name, Group group, ShapedOp op) {
        return new Family(name, group, (real, seed) -> OodCompositions.fromReal(real, seed, name,
                (pixels, random) -> op.apply(real.shape(), pixels, random)));
    }

    private interface ShapedOp {
        double[] apply(ImageShape shape, byte[] pixels, SplittableRandom random);
    }

}
