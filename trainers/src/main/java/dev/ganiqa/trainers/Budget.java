package dev.ganiqa.trainers;

/**
 * How long a run trains, on one of three axes: whole epochs (the study's equal budget), generator steps (equal
 * generator updates: a WGAN with n_critic = 5 then makes five critic steps per generator step, so it sees five
 * times the images of a DCGAN), or wall-clock minutes. A generator-step budget stops right after the N-th
 * generator step and a time budget after the step that exceeds the time; both checkpoint there.
 */
public record Budget(int epochs, double minutes, long generatorSteps) {
    public Budget {
        int axes = (epochs != 0 ? 1 : 0) + (minutes != 0 ? 1 : 0) + (generatorSteps != 0 ? 1 : 0);
        if (axes != 1 || epochs < 0 || minutes < 0 || generatorSteps < 0 || !Double.isFinite(minutes)) {
            throw new IllegalArgumentException("expected one positive budget (epochs, generator steps or minutes), found "
                    + epochs + " epochs, " + generatorSteps + " generator steps, " + minutes + " minutes");
        }
    }

    /** The axis a budget is counted on, with the word {@link #parse} reads. */
    public enum Kind {
        EPOCHS("epochs"), GENERATOR_STEPS("gsteps"), TIME("time");

        public final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    public static Budget epochs(int n) {
        return new Budget(n, 0, 0);
    }

    public static Budget minutes(double m) {
        return new Budget(0, m, 0);
    }

    public static Budget generatorSteps(long n) {
        return new Budget(0, 0, n);
    }

    public Kind kind() {
        return epochs > 0 ? Kind.EPOCHS : generatorSteps > 0 ? Kind.GENERATOR_STEPS : Kind.TIME;
    }

    public boolean timed() {
        return minutes > 0;
    }

    /** The budget's amount on its own axis (epochs, generator steps or minutes). */
    public double amount() {
        return switch (kind()) {
            case EPOCHS -> epochs;
            case GENERATOR_STEPS -> generatorSteps;
            case TIME -> minutes;
        };
    }

    /** Whether a run that has done this much has used up the budget. */
    public boolean reached(int epochsDone, long generatorStepsDone, double seconds) {
        return switch (kind()) {
            case EPOCHS -> epochsDone >= epochs;
            case GENERATOR_STEPS -> generatorStepsDone >= generatorSteps;
            case TIME -> seconds >= minutes * 60;
        };
    }

    /** Whether {@code this} is {@code earlier} extended: the same axis, at least as much. */
    public boolean extendsBudget(Budget earlier) {
        return kind() == earlier.kind() && amount() >= earlier.amount();
    }

    /** Parses {@code epochs:N}, {@code gsteps:N} (generator steps) or {@code time:MINUTES}. */
    public static Budget parse(String text) {
        String[] parts = text.trim().split(":", 2);
        try {
            if (parts.length == 2 && parts[0].equals(Kind.EPOCHS.word)) {
                return epochs(Integer.parseInt(parts[1]));
            }
            if (parts.length == 2 && parts[0].equals(Kind.GENERATOR_STEPS.word)) {
                return generatorSteps(Long.parseLong(parts[1]));
            }
            if (parts.length == 2 && parts[0].equals(Kind.TIME.word)) {
                return minutes(Double.parseDouble(parts[1]));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("expected a budget epochs:N, gsteps:N or time:MINUTES, found '" + text + "'");
    }

    @Override
    public String toString() {
        return switch (kind()) {
            case EPOCHS -> "epochs:" + epochs;
            case GENERATOR_STEPS -> "gsteps:" + generatorSteps;
            case TIME -> "time:" + minutes;
        };
    }
}
