package dev.ganiqa.harness.commands;

import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.harness.cli.CliException;

/**
 * The production {@link DatasetOpener}. TODO(lead, on merging wip/datasets): replace the body with
 * {@code return dev.ganiqa.datasets.Datasets.open(spec);} (Datasets.open is not in main yet).
 */
final class DatasetSpecs {
    private DatasetSpecs() {
    }

    static DatasetSource open(String spec) {
        throw new CliException("metrics", "opening '" + spec + "' needs Datasets.open from the datasets module, "
                + "which is not merged yet");
    }
}
