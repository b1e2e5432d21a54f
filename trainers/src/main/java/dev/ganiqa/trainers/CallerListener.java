package dev.ganiqa.trainers;

import java.nio.file.Path;

/**
 * Passes the loop's events on to the caller's {@link TrainingListener} in its terms: an epoch end with its grid
 * and the live generator, a budget end inside an epoch (a divergence there is not one), the run.
 */
final class CallerListener implements LoopListener {
    private final TrainingListener caller;
    private final TrainConfig config;
    private final int perEpoch;
    private final Generator live;
    private final GridListener grids;

    CallerListener(TrainingListener caller, TrainConfig config, int perEpoch, Generator live, GridListener grids) {
        this.caller = caller;
        this.config = config;
        this.perEpoch = perEpoch;
        this.live = live;
        this.grids = grids;
    }

    @Override
    public void onStart(TrainState from) {
        caller.onStart(config, perEpoch, config.budget().epochs(), from);
    }

    @Override
    public void onStep(StepResult step) {
        caller.onStep(step.stats());
    }

    @Override
    public void onEpochEnd(EpochState end) {
        caller.onEpochEnd(summary(end, grids.latest()), live);
    }

    @Override
    public void onStopInsideEpoch(EpochState end, Stop stop) {
        if (stop.kind() == Stop.Kind.BUDGET) {
            caller.onBudgetEnd(summary(end, null), live);
        }
    }

    @Override
    public void onEnd(TrainingRun run) {
        caller.onEnd(run);
    }

    private EpochSummary summary(EpochState s, Path grid) {
        return new EpochSummary(s.epoch(), config.budget().epochs(), s.criticSteps(), s.generatorSteps(),
                s.imagesSeen(), s.criticLoss(), s.generatorLoss(), s.wallSeconds(), grid);
    }
}
