package dev.ganiqa.trainers;

import java.util.Optional;

/**
 * One side effect of training (a log line, a checkpoint, a grid) or one rule that ends it, as a listener composed
 * around the {@link Loop} in the manner of DJL's {@code TrainingListener}s: the loop itself only steps and checks
 * its budget. Package-private, unlike the callers' {@link TrainingListener} (adapted by {@link CallerListener}):
 * these see the counters a checkpoint saves and may stop the run.
 */
interface LoopListener {
    /** Before the first step; {@code from} is the checkpoint's state on a resume, else {@link TrainState#start}. */
    default void onStart(TrainState from) {
    }

    /** After each critic step and the generator step that followed it, if any. */
    default void onStep(StepResult step) {
    }

    /** After an epoch's last batch, unless that step's loss was non-finite (the weights are then unusable). */
    default void onEpochEnd(EpochState end) {
    }

    /** Where a stop ends the loop inside an epoch with finite weights: a budget or an exploding loss. */
    default void onStopInsideEpoch(EpochState end, Stop stop) {
    }

    /** Once, after the loop has stopped: the last files from the final weights. */
    default void onLoopEnd(EpochState last, Stop stop) {
    }

    /** The run's record, complete. */
    default void onEnd(TrainingRun run) {
    }

    /** Why this listener ends the run, asked after each start, step and epoch end; empty to go on. */
    default Optional<Stop> stop() {
        return Optional.empty();
    }
}
