package dev.ganiqa.trainers;

/**
 * How long a run trains: whole epochs (the equal budget of a comparison) or wall-clock minutes, in which case
 * the run stops after the step that exceeds the time and checkpoints there.
 */
public record Budget(int epochs, double minutes) {
    public Budget {
        if ((epochs > 0) == (minutes > 0) || epochs < 0 || minutes < 0 || Double.isNaN(minutes)) {
            throw new IllegalArgumentException("expected either a positive epoch count or positive minutes, found "
                    + epochs + " epochs, " + minutes + " minutes");
        }
    }

    public static Budget epochs(int n) {
        return new Budget(n, 0);
    }

    public static Budget minutes(double m) {
        return new Budget(0, m);
    }

    public boolean timed() {
        return minutes > 0;
    }

    /** Parses {@code epochs:N} or {@code time:MINUTES}. */
    public static Budget parse(String text) {
        String[] parts = text.trim().split(":", 2);
        try {
            if (parts.length == 2 && parts[0].equals("epochs")) {
                return epochs(Integer.parseInt(parts[1]));
            }
            if (parts.length == 2 && parts[0].equals("time")) {
                return minutes(Double.parseDouble(parts[1]));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("expected a budget epochs:N or time:MINUTES, found '" + text + "'");
    }

    @Override
    public String toString() {
        return timed() ? "time:" + minutes : "epochs:" + epochs;
    }
}
