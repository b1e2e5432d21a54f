package dev.ganiqa.harness.commands;

import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;

/** Opens the train split of a {@code --data SPEC} for {@code ganiqa train}. */
final class TrainingData {
    private TrainingData() {
    }

    static ImageDataset open(String spec) {
        return Datasets.open(spec).open(Split.TRAIN);
    }
}
