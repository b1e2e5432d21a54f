package dev.ganiqa.harness.commands;

import dev.ganiqa.datasets.DatasetException;
import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;
import java.lang.reflect.InvocationTargetException;

/**
 * Opens the train split of a {@code --data SPEC}.
 * TODO(lead): replace the reflective call with {@code Datasets.open(spec).open(Split.TRAIN)} once the datasets
 * branch with {@code dev.ganiqa.datasets.Datasets} is merged; it is reflective only so that this branch
 * compiles against main without it.
 */
final class TrainingData {
    private TrainingData() {
    }

    static ImageDataset open(String spec) {
        try {
            Class<?> datasets = Class.forName("dev.ganiqa.datasets.Datasets");
            DatasetSource source = (DatasetSource) datasets.getMethod("open", String.class).invoke(null, spec);
            return source.open(Split.TRAIN);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new DatasetException(spec + ": expected dev.ganiqa.datasets.Datasets.open on the classpath, found "
                    + e.getClass().getSimpleName() + " (datasets module not merged yet)");
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new DatasetException(spec + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
