package dev.ganiqa.datasets;

import java.util.List;

/** An {@link ImageDataset} seen as an {@link ImageSet}: every entry has the dataset's shape. */
final class DatasetAsImageSet implements ImageSet {
    private final ImageDataset dataset;
    private volatile String checksum;

    DatasetAsImageSet(ImageDataset dataset) {
        this.dataset = dataset;
    }

    ImageDataset dataset() {
        return dataset;
    }

    @Override
    public String description() {
        return dataset.description();
    }

    @Override
    public int size() {
        return dataset.size();
    }

    @Override
    public List<String> classNames() {
        return dataset.classNames();
    }

    @Override
    public int label(int index) {
        return dataset.label(index);
    }

    @Override
    public String name(int index) {
        return dataset.name(index);
    }

    @Override
    public DecodedImage read(int index) {
        ImageShape s = dataset.shape();
        return new DecodedImage(s.width(), s.height(), s.channels(), dataset.image(index));
    }

    @Override
    public List<SkippedFile> skipped() {
        return dataset.skipped();
    }

    @Override
    public String checksum() {
        String c = checksum;
        if (c == null) {
            c = DatasetChecksum.of(dataset);
            checksum = c;
        }
        return c;
    }
}
