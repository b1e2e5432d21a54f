package dev.ganiqa.trainers;

import java.nio.file.Path;

/**
 * Checkpoints ({@link Checkpoints}) at each epoch end and where a stop with finite weights ends an epoch early, so a
 * killed or extended run resumes there; never per step, since {@code Session.save} leaks a little native memory per
 * call (shared/notes/tfjava.md).
 */
final class CheckpointListener implements LoopListener {
    private final GanGraph graph;
    private final RunFiles files;
    private final StepLogListener log;
    private Path latest;

    CheckpointListener(GanGraph graph, RunFiles files, StepLogListener log) {
        this.graph = graph;
        this.files = files;
        this.log = log;
    }

    /** Clears what a kill left half-written; a resumed run's latest checkpoint is the one it resumed from. */
    @Override
    public void onStart(TrainState from) {
        Checkpoints.removeTemporaries(files);
        latest = files.latestCheckpoint().orElse(null);
    }

    @Override
    public void onEpochEnd(EpochState end) {
        write(end);
    }

    @Override
    public void onStopInsideEpoch(EpochState end, Stop stop) {
        write(end);
    }

    /** With the log's length, so a resume cuts the log back to the lines of the steps it keeps. */
    private void write(EpochState end) {
        latest = Checkpoints.write(graph, files, end.withLogBytes(log.length()));
    }

    /** The newest complete checkpoint, or null when there is none yet. */
    Path latest() {
        return latest;
    }
}
