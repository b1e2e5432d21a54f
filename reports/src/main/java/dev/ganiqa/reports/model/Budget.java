package dev.ganiqa.reports.model;

import java.util.Locale;

/**
 * The budget every unit ran under, on one axis; every unit still records all axes ({@link TrainingStats}).
 *
 * @param kind           {@code epochs}, {@code gsteps} (generator steps) or {@code time}
 * @param epochs         epochs per unit for {@code epochs}, else 0
 * @param minutes        minutes per unit for a time budget, else 0
 * @param samples        generated images evaluated per unit
 * @param curveSamples   images per point of the learning-curve FID
 * @param preset         preset name ({@code quick}, {@code standard}) or null
 * @param generatorSteps generator steps per unit for {@code gsteps}, else 0
 */
public record Budget(String kind, int epochs, double minutes, int samples, int curveSamples, String preset,
                     long generatorSteps) {
    public static final String EPOCHS = "epochs";
    public static final String GENERATOR_STEPS = "gsteps";
    public static final String TIME = "time";

    public Budget {
        Checks.text(kind, "budget kind");
        if (!kind.equals(EPOCHS) && !kind.equals(GENERATOR_STEPS) && !kind.equals(TIME)) {
            throw new IllegalArgumentException("budget kind: expected epochs, gsteps or time, found '" + kind + "'");
        }
        Checks.nonNegative(epochs, "epochs");
        Checks.nonNegative(samples, "samples");
        Checks.nonNegative(generatorSteps, "generatorSteps");
    }

    /** An epoch budget, as written before generator-step budgets existed. */
    public Budget(String kind, int epochs, double minutes, int samples, int curveSamples, String preset) {
        this(kind, epochs, minutes, samples, curveSamples, preset, 0);
    }

    /** The budget in words: {@code 3 epochs}, {@code 2000 generator steps}, {@code 10 min}. */
    public String describe() {
        return switch (kind) {
            case GENERATOR_STEPS -> generatorSteps + " generator steps";
            case TIME -> String.format(Locale.ROOT, "%s min", minutes == Math.rint(minutes)
                    ? Long.toString((long) minutes) : Double.toString(minutes));
            default -> epochs + (epochs == 1 ? " epoch" : " epochs");
        };
    }

    /** The amount on this budget's own axis: epochs, generator steps or minutes. */
    public double amount() {
        return switch (kind) {
            case GENERATOR_STEPS -> generatorSteps;
            case TIME -> minutes;
            default -> epochs;
        };
    }

    /**
     * Whether a unit trained to this budget stands behind {@code target}: less on the same axis, or on another axis
     * (no amount of one axis equals an amount of another).
     */
    public boolean behind(Budget target) {
        return !kind.equals(target.kind()) || amount() < target.amount();
    }

    /** Whether {@code training} did all this budget asks on its axis (a time budget: its training wall time). */
    public boolean reachedBy(TrainingStats training) {
        return switch (kind) {
            case GENERATOR_STEPS -> training.generatorSteps() >= generatorSteps;
            case TIME -> training.wallSeconds() >= minutes * 60;
            default -> training.epochs() >= epochs;
        };
    }

    /** The axis learning curves are drawn against: the budget's own. */
    public String axisLabel() {
        return switch (kind) {
            case GENERATOR_STEPS -> "generator steps";
            case TIME -> "training minutes";
            default -> "epoch";
        };
    }

    /** A curve point's position on {@link #axisLabel()}, or NaN when the point predates the axis. */
    public double position(EpochPoint p) {
        return switch (kind) {
            case GENERATOR_STEPS -> p.generatorSteps() == null ? Double.NaN : p.generatorSteps();
            case TIME -> p.wallSeconds() == null ? Double.NaN : p.wallSeconds() / 60;
            default -> p.epoch();
        };
    }
}
