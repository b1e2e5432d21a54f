package dev.ganiqa.trainers;

import java.util.ArrayList;
import java.util.List;

/**
 * The collapse check of one training session: a generator counts as collapsed when its spread across z (within
 * each class for conditional generators, see {@link WithinClassSpread}) is below {@link #FRACTION} of the same
 * spread measured on the training data. Measuring within classes matters: differences between classes hide a
 * conditional generator that draws one image per class (on a collapsed cDCGAN grid: 0.25 over all 100 images,
 * 0.03 within a row; the collapse of Shahbazi et al., ICLR 2022, "Collapse by Conditioning", and the motivation of
 * Mao et al., CVPR 2019, mode seeking). Relative to the real spread because what is little variety depends on the
 * data (about 0.24 within a Fashion-MNIST class on the [-1, 1] scale): an absolute threshold (0.01 before) never
 * fired. Collapse is a flag, not a stop: the run continues and is evaluated, so its metrics can be seen next to the
 * flag; only non-finite or exploding losses end a run as diverged.
 */
final class CollapseCheck {
    /**
     * Collapsed below a quarter of the real spread: a healthy generator after one epoch keeps well above half of it,
     * a collapsed cDCGAN shows an eighth (0.03 of 0.24).
     */
    static final double FRACTION = 0.25;
    /**
     * The check flags from the end of the first epoch: an untrained generator is near-constant (batch-norm moving
     * statistics start at 0/1), which is not a collapse.
     */
    static final int FIRST_EPOCH = 1;
    /** Latent vectors per class (or samples for unconditional generators) in one measurement. */
    static final int PER_CLASS = 20;
    static final int UNCONDITIONAL_SAMPLES = 100;

    private final boolean byClass;
    private final double realSpread;
    private final List<Collapse.Point> epochs;

    CollapseCheck(boolean byClass, double realSpread, List<Collapse.Point> earlier) {
        this.byClass = byClass;
        this.realSpread = realSpread;
        this.epochs = new ArrayList<>(earlier);
    }

    /** The generator's spread across z on fixed noise: within each class, or over all samples. */
    static double spread(Generator generator) {
        return WithinClassSpread.ofGenerator(generator,
                generator.classes() > 0 ? PER_CLASS : UNCONDITIONAL_SAMPLES, Noise.GRID_SEED);
    }

    /** The rule, on its own: collapsed when {@code generated} is below {@link #FRACTION} of {@code real}. */
    static boolean collapsed(double generated, double real, int epoch) {
        return epoch >= FIRST_EPOCH && Double.isFinite(generated) && generated < FRACTION * real;
    }

    /** Measures the generator at the end of {@code epoch} and returns the check so far. */
    Collapse atEpochEnd(int epoch, Generator generator) {
        epochs.removeIf(p -> p.epoch() >= epoch);
        double spread = spread(generator);
        epochs.add(new Collapse.Point(epoch, spread));
        return result(epoch, spread);
    }

    /** The check of the final generator, trained for {@code epoch} whole epochs (and perhaps part of another). */
    Collapse atEnd(int epoch, boolean atEpochEnd, Generator generator) {
        if (atEpochEnd && !epochs.isEmpty() && epochs.get(epochs.size() - 1).epoch() == epoch) {
            return result(epoch, epochs.get(epochs.size() - 1).spread());
        }
        return result(epoch, spread(generator));
    }

    private Collapse result(int epoch, double spread) {
        boolean collapsed = collapsed(spread, realSpread, epoch);
        String reason = collapsed ? String.format(java.util.Locale.ROOT, "%s spread across z %.4f is %.2f of the "
                + "real %.4f (below %.2f) after epoch %d: %s", byClass ? "within-class" : "sample", spread,
                spread / realSpread, realSpread, FRACTION, epoch, byClass ? "nearly one image per class"
                        : "nearly one image for every z") : null;
        return new Collapse(byClass, realSpread, FRACTION, epochs, spread, collapsed, reason);
    }
}
