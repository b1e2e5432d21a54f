package dev.ganiqa.trainers;

import dev.ganiqa.datasets.ImageShape;

/**
 * What a loader needs to rebuild or call a generator, and which data it was trained on: written as model.json
 * in run and SavedModel folders.
 */
public record ModelInfo(String variant, String data, int images, int height, int width, int channels, int classes,
                        int latentDim, java.util.List<String> classNames) {
    public ImageShape shape() {
        return new ImageShape(height, width, channels);
    }
}
