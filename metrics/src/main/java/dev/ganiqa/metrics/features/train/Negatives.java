package dev.ganiqa.metrics.features.train;

import java.util.Locale;

/**
 * Which synthetic images make up a rejection class (outlier exposure, Hendrycks et al., ICLR 2019), one recipe per
 * shipped extractor so each stays reproducible:
 * <ul>
 * <li>{@link #FULL_FRAME}: the eight full-frame kinds of {@link RejectionImages} (ganiqa-fmnist-v2);</li>
 * <li>{@link #COMPOSED}: half of them full frame, half a textured kind inside a region on a flat background
 * ({@link ComposedNegatives}, ganiqa-fmnist-v3);</li>
 * <li>{@link #VARIED}: as {@link #COMPOSED}, with the region's texture at a random contrast and brightness (from
 * dim to full range), regions from small to larger than the frame, and soft region edges: a texture of any
 * strength, coverage and edge is still not an object. Measured and not shipped: the extractor it trained kept
 * the full-frame kinds out as well, but let noise in black frames back in (precision 0.80 and 0.91 against v3's
 * 0.10 and 0.03; BENCHMARKS.md, "Out-of-distribution inputs").</li>
 * <li>{@link #GENERATOR}: half of the images {@link #COMPOSED}'s, half {@link GeneratorTextures}: what a GAN
 * generator with random weights draws (transposed-convolution textures), full frame or inside a region on the
 * background. Made for the samples a GAN draws in its first hundred steps, which v3 scores as real.</li>
 * <li>{@link #CUT_PASTE}: half of the images {@link #COMPOSED}'s, half real images of the data with one rectangle
 * of the image cut and pasted elsewhere in it ({@link CutPasteNegatives}, Li et al., CVPR 2021; ganiqa-fmnist-v8):
 * made from the data, so {@link #image(dev.ganiqa.datasets.ImageDataset, long, int)} makes them.</li>
 * <li>{@link #DRAEM}: half of the images {@link #CUT_PASTE}'s, half real images with a smooth random region blended
 * with a texture or a gray emoji ({@link DraemNegatives}, Zavrtanik et al., ICCV 2021): made from the data, for
 * dark-background data, with the emoji installed.</li>
 * <li>{@link #DRAEM_STRONG}: as {@link #DRAEM}, the blend's opacity 0.5..1 instead of 0.3..1.</li>
 * <li>{@link #DRAEM_OBJECTS}: as {@link #DRAEM_STRONG}, every blend's source an emoji, none a texture: a garment
 * with noise on part of it is a degraded garment, not a rejection. Measured, it still counted most lightly noisy
 * garments out; none of the three DRAEM recipes is shipped.</li>
 * <li>{@link #DRAEM_SELF}: as {@link #DRAEM_STRONG}, a third of the blends' sources the garment itself, moved
 * (self-blended images, Shiohara and Yamasaki, CVPR 2022; ganiqa-fmnist-v12's second gate).</li>
 * <li>{@link #DRAEM_FILTERED}: two thirds of the images {@link #DRAEM_SELF}'s, a third real images through a random
 * high-pass filter ({@link FilteredNegatives}; random convolutions, Xu et al., ICLR 2021; ganiqa-fmnist-v13's second
 * gate).</li>
 * <li>{@link #DRAEM_MIXED}: three quarters of the images {@link #DRAEM_FILTERED}'s, a quarter real images mixed with
 * a gray emoji over the whole frame ({@link MixedNegatives}; mixture outlier exposure, Zhang et al., WACV 2023;
 * ganiqa-fmnist-v15's second gate).</li>
 * <li>{@link #DRAEM_MIXED_HALF}: as {@link #DRAEM_MIXED} with half the images mixtures, the other half
 * {@link #DRAEM_FILTERED}'s (ganiqa-fmnist-v17's second gate).</li>
 * </ul>
 */
public enum Negatives {
    FULL_FRAME, COMPOSED, VARIED, GENERATOR, CUT_PASTE, DRAEM, DRAEM_STRONG, DRAEM_OBJECTS, DRAEM_SELF, DRAEM_FILTERED,
    DRAEM_MIXED, DRAEM_MIXED_HALF;

    /**
     * The name on the command line and in extractor.json: {@code full-frame}, {@code composed}, {@code varied},
     * {@code generator}, {@code cut-paste}, {@code draem},
     * {@code draem-strong}, {@code draem-objects}, {@code draem-self}, {@code draem-filtered}, {@code draem-mixed},
     * {@code draem-mixed-half}.
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The recipe called {@code id}; a one-line error listing the recipes otherwise. */
    public static Negatives of(String id) {
        for (Negatives n : values()) {
            if (n.id().equals(id)) {
                return n;
            }
        }
        throw new IllegalArgumentException("expected one of " + String.join(", ",
                java.util.Arrays.stream(values()).map(Negatives::id).toList()) + ", found " + id);
    }

    /**
     * Refuses data the recipe cannot be made from, in one line: the DRAEM recipes blend emoji into the data, so they
     * need dark-background data (on emoji, light, the source would be the data itself). Called once per training
     * set, before a light set is inverted for the compositions.
     */
    public void requireFor(dev.ganiqa.datasets.ImageDataset data) {
        if (draem() && dev.ganiqa.datasets.Backgrounds.light(data)) {
            throw new IllegalArgumentException(data.description() + ": expected dark-background data for the " + id()
                    + " negatives (their object source, the emoji, is light-background data), found a light background");
        }
    }

    /** Whether the recipe makes images from the data's own ({@link #image(dev.ganiqa.datasets.ImageDataset, long, int)}). */
    public boolean fromData() {
        return this == CUT_PASTE || draem();
    }

    private boolean draem() {
        return this == DRAEM || this == DRAEM_STRONG || this == DRAEM_OBJECTS || this == DRAEM_SELF || this == DRAEM_FILTERED
                || this == DRAEM_MIXED || this == DRAEM_MIXED_HALF;
    }

    /** Image {@code index} of this recipe for {@code seed}, made from {@code real}'s images where {@link #fromData}. */
    public byte[] image(dev.ganiqa.datasets.ImageDataset real, long seed, int index) {
        if (this == CUT_PASTE) {
            return index % 2 == 0 ? ComposedNegatives.image(real.shape(), seed, index / 2, false)
                    : CutPasteNegatives.image(real, seed, index / 2);
        }
        if (this == DRAEM_MIXED) {
            // Indices 0, 1, 2 | 4, 5, 6 | ... are DRAEM_FILTERED's images 0, 1, 2, 3, ...; every fourth image is mixed.
            return index % 4 == 3 ? MixedNegatives.image(real, seed, index / 4)
                    : DRAEM_FILTERED.image(real, seed, index / 4 * 3 + index % 4);
        }
        if (this == DRAEM_MIXED_HALF) {
            // Even indices are DRAEM_FILTERED's images 0, 1, 2, ...; odd ones mixtures 0, 1, 2, ...
            return index % 2 == 1 ? MixedNegatives.image(real, seed, index / 2)
                    : DRAEM_FILTERED.image(real, seed, index / 2);
        }
        if (this == DRAEM_FILTERED) {
            // Indices 0, 1 | 3, 4 | ... are DRAEM_SELF's images 0, 1, 2, 3, ...; every third image is filtered.
            return index % 3 == 2 ? FilteredNegatives.image(real, seed, index / 3)
                    : DRAEM_SELF.image(real, seed, index / 3 * 2 + index % 3);
        }
        if (draem()) {
            return index % 2 == 0 ? CUT_PASTE.image(real, seed, index / 2) : DraemNegatives.image(real, seed, index / 2,
                    this == DRAEM ? DraemNegatives.MIN_OPACITY : DraemNegatives.MIN_OPACITY_STRONG, switch (this) {
                        case DRAEM_OBJECTS -> DraemNegatives.Sources.EMOJI;
                        case DRAEM_SELF -> DraemNegatives.Sources.EMOJI_TEXTURES_AND_SELF;
                        default -> DraemNegatives.Sources.EMOJI_AND_TEXTURES;
                    });
        }
        return image(real.shape(), seed, index);
    }

    /** Image {@code index} of this recipe for {@code seed}; a recipe {@link #fromData} needs the data's images. */
    public byte[] image(dev.ganiqa.datasets.ImageShape shape, long seed, int index) {
        return switch (this) {
            case FULL_FRAME -> RejectionImages.image(shape, seed, index);
            case COMPOSED -> ComposedNegatives.image(shape, seed, index, false);
            case VARIED -> ComposedNegatives.image(shape, seed, index, true);
            case GENERATOR -> index % 2 == 0 ? ComposedNegatives.image(shape, seed, index / 2, false)
                    : GeneratorTextures.image(shape, seed, index / 2);
            case CUT_PASTE, DRAEM, DRAEM_STRONG, DRAEM_OBJECTS, DRAEM_SELF, DRAEM_FILTERED, DRAEM_MIXED, DRAEM_MIXED_HALF -> throw new IllegalArgumentException("expected the data's images for the " + id()
                    + " negatives, found only a shape (" + shape + ")");
        };
    }
}
