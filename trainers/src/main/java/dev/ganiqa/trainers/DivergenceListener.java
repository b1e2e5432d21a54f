package dev.ganiqa.trainers;

import java.util.Optional;

/**
 * Ends a run whose losses are non-finite or beyond {@link Trainer#LOSS_BOUND}: such a run is recorded as diverged
 * with the step and losses that show it, instead of training on noise until its budget is spent.
 */
final class DivergenceListener implements LoopListener {
    private Stop stop;

    @Override
    public void onStep(StepResult step) {
        long critic = step.stats().criticSteps();
        float c = step.criticLoss();
        float penalty = step.penalty();
        double g = step.stats().generatorLoss();
        if (!Float.isFinite(c) || !Float.isFinite(penalty) || (step.generatorStep() && !Double.isFinite(g))) {
            stop = new Stop(Stop.Kind.NON_FINITE, "non-finite loss at critic step " + critic + " (critic " + c
                    + ", penalty " + penalty + ", generator " + g + ")");
        } else if (Math.abs(c) > Trainer.LOSS_BOUND || Math.abs(penalty) > Trainer.LOSS_BOUND
                || (step.generatorStep() && Math.abs(g) > Trainer.LOSS_BOUND)) {
            stop = new Stop(Stop.Kind.EXPLODING, String.format(java.util.Locale.ROOT, "exploding loss at critic step %d: |loss| > %.0e "
                    + "(critic %.3g, penalty %.3g, generator %.3g)", critic, Trainer.LOSS_BOUND, c, penalty, g));
        }
    }

    @Override
    public Optional<Stop> stop() {
        return Optional.ofNullable(stop);
    }
}
