package dev.ganiqa.metrics.image;

import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;

/** The Fashion-MNIST test images (Debian package dataset-fashion-mnist) for reference tests. */
public final class FashionMnist {
    private FashionMnist() {
    }

    /** All test images, 28x28 gray, row-major, in file order. */
    public static byte[][] testImages() {
        ImageDataset test = Datasets.open("fashion-mnist").open(Split.TEST);
        byte[][] images = new byte[test.size()][];
        for (int i = 0; i < images.length; i++) {
            images[i] = test.image(i);
        }
        return images;
    }
}
