package dev.ganiqa.harness.commands;

import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.SkippedFile;
import dev.ganiqa.datasets.Split;
import java.util.List;
import java.util.Set;

/**
 * The first {@code n} real Fashion-MNIST test images as a {@link DatasetSource}, for command tests until
 * Datasets.open lands in main; {@code brokenIndex} (or -1) makes one image fail to load like a corrupt file.
 */
record FashionMnistSource(byte[][] images, int brokenIndex) implements DatasetSource {
    static FashionMnistSource first(int n, int brokenIndex) {
        ImageDataset test = dev.ganiqa.datasets.Datasets.open("fashion-mnist").open(Split.TEST);
        byte[][] images = new byte[n][];
        for (int i = 0; i < n; i++) {
            images[i] = test.image(i);
        }
        return new FashionMnistSource(images, brokenIndex);
    }

    @Override
    public String spec() {
        return "fashion-mnist-test-first-" + images.length;
    }

    @Override
    public Set<Split> splits() {
        return Set.of(Split.TRAIN);
    }

    @Override
    public ImageDataset open(Split split) {
        return new ImageDataset() {
            @Override
            public String description() {
                return spec();
            }

            @Override
            public int size() {
                return images.length;
            }

            @Override
            public ImageShape shape() {
                return new ImageShape(28, 28, 1);
            }

            @Override
            public List<String> classNames() {
                return List.of();
            }

            @Override
            public int label(int index) {
                return -1;
            }

            @Override
            public byte[] image(int index) {
                if (index == brokenIndex) {
                    throw new IllegalStateException("expected a PNG image, found truncated data");
                }
                return images[index];
            }

            @Override
            public String name(int index) {
                return index == 1 ? "odd,name \"1\".png" : ImageDataset.super.name(index);
            }

            @Override
            public List<SkippedFile> skipped() {
                return List.of(new SkippedFile("notes.txt", "expected an image file, found text"));
            }
        };
    }
}
