package dev.ganiqa.trainers;

import java.util.Optional;

/**
 * Ends a time-budgeted run after the step or epoch end that used up its minutes, counted across resumes; checked
 * after the other listeners, so their time (grids, checkpoints, the caller's curve points) counts too.
 */
final class TimeBudgetListener implements LoopListener {
    private final Budget budget;
    private final Stopwatch clock;
    private Stop stop;

    TimeBudgetListener(Budget budget, Stopwatch clock) {
        this.budget = budget;
        this.clock = clock;
    }

    @Override
    public void onStart(TrainState from) {
        check();
    }

    @Override
    public void onStep(StepResult step) {
        check();
    }

    @Override
    public void onEpochEnd(EpochState end) {
        check();
    }

    private void check() {
        if (budget.timed() && clock.seconds() >= budget.minutes() * 60) {
            stop = Stop.budget("time budget of " + budget.minutes() + " minutes used up");
        }
    }

    @Override
    public Optional<Stop> stop() {
        return Optional.ofNullable(stop);
    }
}
