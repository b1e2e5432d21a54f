package dev.ganiqa.trainers;

import dev.ganiqa.datasets.ImageDataset;
import java.nio.file.Files;
import java.util.List;

/**
 * Runs the {@link CollapseCheck} at each epoch end (collapse.json, kept across resumes) and on the final generator:
 * a collapse is a flag on the run, which goes on, so its metrics can be seen next to the flag.
 */
final class CollapseListener implements LoopListener {
    private final CollapseCheck check;
    private final RunFiles files;
    private final Generator live;
    private Collapse result;

    private CollapseListener(CollapseCheck check, RunFiles files, Generator live) {
        this.check = check;
        this.files = files;
        this.live = live;
    }

    /**
     * Measures the real spread on the training data (once per session, before training: too little data fails
     * here) and takes the points of the epochs up to {@code epoch} from an earlier session.
     */
    static CollapseListener measure(ImageDataset data, boolean byClass, RunFiles files, int epoch, Generator live) {
        double real = WithinClassSpread.ofData(data, byClass);
        if (!Double.isFinite(real)) {
            throw new IllegalArgumentException(data.description() + ": expected at least 2 images "
                    + (byClass ? "in some class " : "") + "to measure the real spread, found fewer");
        }
        List<Collapse.Point> earlier = List.of();
        if (Files.exists(files.collapse())) {
            earlier = RunFiles.readJson(files.collapse(), Collapse.class).epochs().stream()
                    .filter(p -> p.epoch() <= epoch).toList();
        }
        return new CollapseListener(new CollapseCheck(byClass, real, earlier), files, live);
    }

    @Override
    public void onEpochEnd(EpochState end) {
        RunFiles.writeJson(files.collapse(), check.atEpochEnd(end.epoch(), live));
    }

    /** Non-finite weights have no generator worth checking. */
    @Override
    public void onLoopEnd(EpochState last, Stop stop) {
        if (stop.weightsFinite()) {
            result = check.atEnd(last.epoch(), last.batch() == 0, live);
        }
    }

    /** The check of the final generator; null when its weights are non-finite. */
    Collapse result() {
        return result;
    }
}
