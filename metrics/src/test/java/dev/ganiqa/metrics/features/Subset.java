package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import java.util.List;

/** The first {@code n} images of a real dataset, to keep tests short. */
record Subset(ImageDataset base, int n) implements ImageDataset {
    @Override
    public String description() {
        return base.description() + "[0:" + n + "]";
    }

    @Override
    public int size() {
        return Math.min(n, base.size());
    }

    @Override
    public ImageShape shape() {
        return base.shape();
    }

    @Override
    public List<String> classNames() {
        return base.classNames();
    }

    @Override
    public int label(int index) {
        return base.label(index);
    }

    @Override
    public byte[] image(int index) {
        return base.image(index);
    }
}
