package dev.ganiqa.datasets;

import java.util.Set;

/**
 * What a {@code --data SPEC} string names: one or more splits of images. Sources without a
 * predefined split (image folders, synthetic) have only {@link Split#TRAIN}.
 */
public interface DatasetSource {
    /** The normalised spec string, stable enough to key caches and provenance. */
    String spec();

    Set<Split> splits();

    /** Opens one split; throws {@link DatasetException} with a one-line reason when it is unusable. */
    ImageDataset open(Split split);

    /** The images' licences in one line, where the source knows them (empty otherwise). */
    default String licence() {
        return "";
    }
}
