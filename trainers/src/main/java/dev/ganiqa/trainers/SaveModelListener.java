package dev.ganiqa.trainers;

import java.nio.file.Path;

/**
 * Exports the final generator as a SavedModel ({@link Export}), which evaluation loads without the training graph;
 * not when its weights are non-finite.
 */
final class SaveModelListener implements LoopListener {
    private final GanGraph graph;
    private final RunFiles files;
    private Path savedModel;

    SaveModelListener(GanGraph graph, RunFiles files) {
        this.graph = graph;
        this.files = files;
    }

    @Override
    public void onLoopEnd(EpochState last, Stop stop) {
        if (stop.weightsFinite()) {
            savedModel = files.savedModel();
            Export.savedModel(graph, files, savedModel);
        }
    }

    /** The exported model, or null when nothing was exported. */
    Path path() {
        return savedModel;
    }
}
