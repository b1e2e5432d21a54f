package dev.ganiqa.reports.model;

/**
 * The trainer's collapse check of a unit's final generator: its spread across z (within each class for
 * conditional variants) against the same spread of the real training images. A collapsed unit finished and was
 * evaluated; its metrics describe a generator that draws nearly one image per class (Shahbazi et al., ICLR 2022,
 * "Collapse by Conditioning"), so the report flags them.
 *
 * @param byClass         spreads are within classes rather than over all images
 * @param realSpread      mean per-pixel std across real images of one class (or of all), [-1, 1] scale
 * @param generatedSpread the same for the generator's samples at the end of training
 * @param fraction        share of {@code realSpread} below which the unit counts as collapsed
 * @param collapsed       the flag
 * @param reason          one line saying why, null unless {@code collapsed}
 */
public record Collapse(boolean byClass, double realSpread, double generatedSpread, double fraction,
                       boolean collapsed, String reason) {
    public Collapse {
        Checks.finite(realSpread, "realSpread");
        Checks.finite(generatedSpread, "generatedSpread");
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("expected a collapse fraction in (0, 1), found " + fraction);
        }
        if (collapsed) {
            Checks.text(reason, "reason of a collapse");
        }
    }

    /** The generated spread as a share of the real one (NaN when the real spread is 0). */
    public double ratio() {
        return realSpread > 0 ? generatedSpread / realSpread : Double.NaN;
    }
}
