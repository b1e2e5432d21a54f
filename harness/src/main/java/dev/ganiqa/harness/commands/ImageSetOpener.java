package dev.ganiqa.harness.commands;

import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.datasets.Split;

/**
 * Opens one split of a {@code DIR|SPEC} argument as images read at their own size. Production code passes
 * {@code Datasets.openImages} (folders streamed file by file); tests may derive one from a {@link DatasetOpener}.
 */
@FunctionalInterface
public interface ImageSetOpener {
    ImageSet open(String spec, Split split);
}
