package dev.ganiqa.harness.commands;

import dev.ganiqa.datasets.DatasetOptions;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;

/** Opens the train split of a {@code --data SPEC} for {@code ganiqa train}. */
final class TrainingData {
    private TrainingData() {
    }

    /** @param shape {@code HxWxC} to adapt every image to as it is read, or null for the data's own shape */
    static ImageDataset open(String spec, String shape) {
        DatasetOptions options = DatasetOptions.defaults();
        if (shape != null) {
            try {
                options = options.withTarget(ImageShape.parse(shape));
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--shape", e.getMessage());
            }
        }
        return Datasets.open(spec, options).open(Split.TRAIN);
    }
}
