package dev.ganiqa.trainers;

/**
 * Callbacks from {@link Trainer} on the training thread. The {@link Generator} passed to {@link #onEpochEnd}
 * is the live model and is valid only during the call (do not close or keep it): sample from it there, e.g.
 * a small FID per epoch for a learning curve. Exceptions thrown here abort the run. Epoch and budget ends are
 * called before the checkpoint of that point is written: a run killed during the call repeats the epoch (and the
 * call) when resumed, instead of resuming past a point the listener never finished recording.
 */
public interface TrainingListener {
    /** Before the first step; {@code totalEpochs} is 0 for time budgets. */
    default void onStart(TrainConfig config, int batchesPerEpoch, int totalEpochs, TrainState resumedFrom) {
    }

    default void onStep(StepStats stats) {
    }

    default void onEpochEnd(EpochSummary summary, Generator generator) {
    }

    /**
     * When the budget (generator steps or time) ends the run inside an epoch, before the checkpoint written there:
     * {@code summary.epoch()} counts the completed epochs and {@code summary.grid()} is null. Valid like
     * {@link #onEpochEnd}; not called when the budget ends with an epoch.
     */
    default void onBudgetEnd(EpochSummary summary, Generator generator) {
    }

    default void onEnd(TrainingRun run) {
    }

    static TrainingListener none() {
        return new TrainingListener() {
        };
    }

    /** Both listeners, each callback to {@code first} then {@code second}. */
    static TrainingListener both(TrainingListener first, TrainingListener second) {
        return new TrainingListener() {
            @Override
            public void onStart(TrainConfig config, int batchesPerEpoch, int totalEpochs, TrainState from) {
                first.onStart(config, batchesPerEpoch, totalEpochs, from);
                second.onStart(config, batchesPerEpoch, totalEpochs, from);
            }

            @Override
            public void onStep(StepStats stats) {
                first.onStep(stats);
                second.onStep(stats);
            }

            @Override
            public void onEpochEnd(EpochSummary summary, Generator generator) {
                first.onEpochEnd(summary, generator);
                second.onEpochEnd(summary, generator);
            }

            @Override
            public void onBudgetEnd(EpochSummary summary, Generator generator) {
                first.onBudgetEnd(summary, generator);
                second.onBudgetEnd(summary, generator);
            }

            @Override
            public void onEnd(TrainingRun run) {
                first.onEnd(run);
                second.onEnd(run);
            }
        };
    }
}
