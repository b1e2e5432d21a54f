package dev.ganiqa.reports.model;

/**
 * The budget every unit ran under.
 *
 * @param kind           {@code epochs} or {@code time}
 * @param epochs         epochs per unit (for {@code time}: the epochs actually reached by the slowest unit)
 * @param minutes        minutes per unit for a time budget, else 0
 * @param samples        generated images evaluated per unit
 * @param curveSamples   images per point of the per-epoch FID curve
 * @param preset         preset name ({@code quick}, {@code standard}) or null
 */
public record Budget(String kind, int epochs, double minutes, int samples, int curveSamples, String preset) {
    public Budget {
        Checks.text(kind, "budget kind");
        Checks.nonNegative(epochs, "epochs");
        Checks.nonNegative(samples, "samples");
    }
}
