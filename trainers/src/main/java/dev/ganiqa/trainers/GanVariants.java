package dev.ganiqa.trainers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The registry of variants by CLI name: {@code dcgan}, {@code cdcgan}, {@code wgan}, {@code cwgan}, and the matched
 * unconditional partners {@code dcgan-matched}, {@code wgan-matched}.
 */
public final class GanVariants {
    public static final GanVariant DCGAN = new GanVariant("dcgan", Loss.NON_SATURATING, false,
            "DCGAN (Radford et al. 2015), non-saturating loss");
    public static final GanVariant CDCGAN = new GanVariant("cdcgan", Loss.NON_SATURATING, true,
            "class-conditional DCGAN: label embedding with z, projection discriminator, mode-seeking term");
    public static final GanVariant WGAN = new GanVariant("wgan", Loss.WASSERSTEIN, false,
            "Wasserstein GAN with a critic; gradient penalty (default) or weight clipping");
    public static final GanVariant CWGAN = new GanVariant("cwgan", Loss.WASSERSTEIN, true,
            "class-conditional Wasserstein GAN, conditioned as cdcgan");

    /**
     * The unconditional sides of the pairs that isolate conditioning: dcgan with cdcgan's mode-seeking term, wgan
     * with cwgan's term and optimiser, neither with the label.
     */
    public static final GanVariant DCGAN_MATCHED = new GanVariant("dcgan-matched", Loss.NON_SATURATING, false,
            "DCGAN with cdcgan's recipe (mode-seeking term) and no label: differs from cdcgan in the label alone",
            true);
    public static final GanVariant WGAN_MATCHED = new GanVariant("wgan-matched", Loss.WASSERSTEIN, false,
            "WGAN-GP with cwgan's recipe (mode-seeking term, Adam 4e-4, betas 0/0.9) and no label: differs from cwgan "
                    + "in the label alone", true);

    private static final Map<String, GanVariant> BY_NAME = new LinkedHashMap<>();

    static {
        for (GanVariant v : new GanVariant[] {DCGAN, CDCGAN, WGAN, CWGAN, DCGAN_MATCHED, WGAN_MATCHED}) {
            BY_NAME.put(v.name(), v);
        }
    }

    private GanVariants() {
    }

    public static Collection<GanVariant> all() {
        return BY_NAME.values();
    }

    /**
     * The conditional variant a matched one differs from in the label alone ({@code dcgan-matched} -> {@code cdcgan},
     * {@code wgan-matched} -> {@code cwgan}); empty for every other variant.
     */
    public static java.util.Optional<GanVariant> partner(String name) {
        GanVariant v = get(name);
        if (!v.matched()) {
            return java.util.Optional.empty();
        }
        return all().stream().filter(c -> c.conditional() && c.loss() == v.loss()).findFirst();
    }

    public static GanVariant get(String name) {
        GanVariant v = BY_NAME.get(name);
        if (v == null) {
            throw new IllegalArgumentException("expected a variant " + String.join(", ", BY_NAME.keySet())
                    + ", found '" + name + "'");
        }
        return v;
    }
}
