package dev.ganiqa.reports.model;

/**
 * A planned unit named without its results: what results.json lists as missing when the plan held a unit that has
 * no result yet (a killed comparison, a Slurm task that never wrote its file).
 *
 * @param variant variant name
 * @param seed    its seed
 */
public record UnitId(String variant, long seed) {
    public UnitId {
        Checks.text(variant, "variant");
    }

    /** {@code dcgan-seed1}: the name of the unit's folder under {@code units/}, as every ganiqa message writes it. */
    public String name() {
        return variant + "-seed" + seed;
    }

    public static UnitId of(UnitResult unit) {
        return new UnitId(unit.variant(), unit.seed());
    }
}
