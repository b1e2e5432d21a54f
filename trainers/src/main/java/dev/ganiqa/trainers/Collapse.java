package dev.ganiqa.trainers;

import java.util.List;

/**
 * The collapse check of a run (see {@link CollapseCheck}): the real spread it compares with, the generator's
 * spread across z at each epoch end, and the verdict on the final generator. Written in run.json and, while
 * training, in collapse.json so a resumed run keeps the earlier epochs. A collapsed run is still exported and
 * evaluated: the flag tells the reader that its metrics describe a generator that draws one image per class.
 *
 * @param byClass     spreads are within classes (conditional variants) rather than over all images
 * @param realSpread  mean per-pixel std across real images of one class (or of all images), [-1, 1] scale
 * @param fraction    the share of {@code realSpread} below which the generator counts as collapsed
 * @param epochs      the generator's spread at each epoch end, in epoch order
 * @param finalSpread the generator's spread at the end of the run
 * @param collapsed   whether the final generator counts as collapsed
 * @param reason      one line saying why, null unless {@code collapsed}
 */
public record Collapse(boolean byClass, double realSpread, double fraction, List<Point> epochs, double finalSpread,
                       boolean collapsed, String reason) {
    public Collapse {
        if (!(realSpread >= 0) || !Double.isFinite(realSpread)) {
            throw new IllegalArgumentException("expected a finite, non-negative real spread, found " + realSpread);
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("expected a collapse fraction in (0, 1), found " + fraction);
        }
        epochs = epochs == null ? List.of() : List.copyOf(epochs);
        if (collapsed != (reason != null)) {
            throw new IllegalArgumentException("expected a reason exactly when collapsed, found collapsed="
                    + collapsed + " and reason " + reason);
        }
    }

    /** The generator's spread across z at the end of {@code epoch}. */
    public record Point(int epoch, double spread) {
        public Point {
            if (epoch < 0) {
                throw new IllegalArgumentException("expected a non-negative epoch, found " + epoch);
            }
        }
    }

    /** The generator's spread as a share of the real one (NaN when the real spread is 0). */
    public double ratio() {
        return realSpread > 0 ? finalSpread / realSpread : Double.NaN;
    }
}
