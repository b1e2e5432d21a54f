package dev.ganiqa.harness.compare;

import java.util.List;
import java.util.Locale;

/**
 * Named budgets for {@code ganiqa compare}. {@code DEFAULT} is what the plain command runs: three seeds (the
 * fewest for which a pairwise test has any power, Lucic et al. 2018) on a training subset sized so that the four
 * variants finish within 15 minutes on a 2-core machine (BENCHMARKS.md has the measured split).
 *
 * @param trainLimit   training images used (0 = the whole training split), a seeded subset shared by all units
 * @param samples      generated images per unit for the final metrics
 * @param curveSamples generated images per epoch for the learning-curve FID
 */
public record Preset(String name, int epochs, int trainLimit, List<Long> seeds, int samples, int curveSamples) {
    /** Checks that every stage runs, in about a minute; its verdict says it draws no conclusion. */
    public static final Preset SMOKE = new Preset("smoke", 1, 640, List.of(1L), 200, 100);
    public static final Preset QUICK = new Preset("quick", 1, 10_000, List.of(1L), 2_000, 500);
    public static final Preset DEFAULT = new Preset("default", 3, 10_000, List.of(1L, 2L, 3L), 2_000, 500);
    /** 20 full epochs: about 19,000 generator steps for a DCGAN, 3,750 for a WGAN; hours on 2 cores. */
    public static final Preset STANDARD = new Preset("standard", 20, 0, List.of(1L, 2L, 3L), 10_000, 1_000);

    public static Preset parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "smoke" -> SMOKE;
            case "quick" -> QUICK;
            case "default" -> DEFAULT;
            case "standard" -> STANDARD;
            default -> throw new IllegalArgumentException("expected preset smoke, quick, default or standard, found '" + name + "'");
        };
    }
}
