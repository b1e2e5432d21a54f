package dev.ganiqa.trainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws grids/epoch-NNNN.png at each epoch end from fixed noise (row r is class r for conditional generators), the
 * same for every variant and run, so progress and variants can be compared by eye.
 */
final class GridListener implements LoopListener {
    static final int IMAGES = 100;

    private final RunFiles files;
    private final Generator live;
    private final List<Path> written = new ArrayList<>();

    GridListener(RunFiles files, Generator live) {
        this.files = files;
        this.live = live;
    }

    /** A resumed run keeps the grids of its earlier sessions. */
    @Override
    public void onStart(TrainState from) {
        for (int e = 1; e <= from.epoch(); e++) {
            if (Files.exists(files.grid(e))) {
                written.add(files.grid(e));
            }
        }
    }

    @Override
    public void onEpochEnd(EpochState end) {
        int[] labels = live.classes() > 0 ? Noise.gridLabels(IMAGES, live.classes()) : null;
        Path png = files.grid(end.epoch());
        SampleGrid.write(live.sample(IMAGES, labels, Noise.GRID_SEED), 10, png);
        written.add(png);
    }

    List<Path> written() {
        return List.copyOf(written);
    }

    /** The grid of the last epoch end. */
    Path latest() {
        return written.get(written.size() - 1);
    }
}
