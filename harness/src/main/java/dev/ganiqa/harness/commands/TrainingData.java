package dev.ganiqa.harness.commands;

import dev.ganiqa.datasets.DatasetOptions;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;

/** Opens the train split of a {@code --data SPEC} for {@code ganiqa train}. */
final class TrainingData {
    private TrainingData() {
    }

    /** @param shape {@code HxWxC} to adapt every image to as it is read, or null for the data's own shape */
    static ImageDataset open(String spec, String shape) {
        return Datasets.open(spec, DatasetArguments.withShape(DatasetOptions.defaults(), shape)).open(Split.TRAIN);
    }
}
