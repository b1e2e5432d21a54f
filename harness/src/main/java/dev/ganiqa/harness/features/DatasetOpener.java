package dev.ganiqa.harness.features;

import dev.ganiqa.datasets.DatasetOptions;
import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.datasets.Split;

/**
 * Opens a {@code DIR|SPEC} argument. Production code uses {@link #DATASETS} (the datasets module); tests pass a
 * source over real data they built.
 */
@FunctionalInterface
public interface DatasetOpener {
    /** The datasets module: specs as {@link Datasets} opens them, folders streamed file by file for metrics. */
    DatasetOpener DATASETS = new DatasetOpener() {
        @Override
        public DatasetSource open(String spec) {
            return Datasets.open(spec);
        }

        @Override
        public ImageSet images(String spec, Split split) {
            return Datasets.openImages(spec, split, DatasetOptions.defaults());
        }
    };

    DatasetSource open(String spec);

    /**
     * The images of one split, read one at a time at their own size (what metrics consume); throws
     * IllegalArgumentException naming the split when the source does not have it.
     */
    default ImageSet images(String spec, Split split) {
        DatasetSource source = open(spec);
        if (!source.splits().contains(split)) {
            throw new IllegalArgumentException(spec + ": expected a split of " + source.splits().stream()
                    .map(Split::label).toList() + ", found " + split.label());
        }
        return ImageSet.of(source.open(split));
    }
}
