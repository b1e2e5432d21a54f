package dev.ganiqa.trainers;

import java.util.List;
import java.util.Optional;

/** Listeners called in their list order; the first one that asks to stop gives the reason. */
final class LoopListeners implements LoopListener {
    private final List<LoopListener> all;

    LoopListeners(List<LoopListener> all) {
        this.all = List.copyOf(all);
    }

    @Override
    public void onStart(TrainState from) {
        all.forEach(l -> l.onStart(from));
    }

    @Override
    public void onStep(StepResult step) {
        all.forEach(l -> l.onStep(step));
    }

    @Override
    public void onEpochEnd(EpochState end) {
        all.forEach(l -> l.onEpochEnd(end));
    }

    @Override
    public void onStopInsideEpoch(EpochState end, Stop stop) {
        all.forEach(l -> l.onStopInsideEpoch(end, stop));
    }

    @Override
    public void onLoopEnd(EpochState last, Stop stop) {
        all.forEach(l -> l.onLoopEnd(last, stop));
    }

    @Override
    public void onEnd(TrainingRun run) {
        all.forEach(l -> l.onEnd(run));
    }

    @Override
    public Optional<Stop> stop() {
        return all.stream().map(LoopListener::stop).flatMap(Optional::stream).findFirst();
    }
}
