package dev.ganiqa.harness.commands;

import dev.ganiqa.datasets.DatasetSource;

/**
 * Opens a {@code DIR|SPEC} argument. Production code passes {@code Datasets::open} from the datasets module;
 * tests pass a source over real data they built.
 */
@FunctionalInterface
public interface DatasetOpener {
    DatasetSource open(String spec);
}
