package dev.ganiqa.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code idx:IMAGES[,LABELS]}: one IDX image file, optionally labelled; classes are named by number. */
final class IdxSource {
    private IdxSource() {
    }

    static DatasetSource create(String argument, DatasetOptions options) {
        String[] parts = argument.split(",", -1);
        if (argument.isBlank() || parts.length > 2 || parts[0].isBlank() || (parts.length == 2 && parts[1].isBlank())) {
            throw new DatasetException("idx:" + argument + ": expected idx:IMAGES[,LABELS], found '" + argument + "'");
        }
        Path images = Path.of(parts[0]);
        Path labels = parts.length == 2 ? Path.of(parts[1]) : null;
        Supplier<ImageDataset> opener = () -> load("idx:" + argument, images, labels, null);
        return new SplitSource("idx:" + argument, Map.of(Split.TRAIN, opener));
    }

    /** Loads an IDX pair; {@code classNames} null names classes 0..max(label). */
    static ArrayDataset load(String description, Path imageFile, Path labelFile, List<String> classNames) {
        IdxReader.Images images = IdxReader.readImages(imageFile);
        if (labelFile == null) {
            return new ArrayDataset(description, images.shape(), images.pixels(), null, List.of(), null, List.of());
        }
        int[] labels = IdxReader.readLabels(labelFile);
        if (labels.length != images.count()) {
            throw new DatasetException(labelFile + ": expected " + images.count() + " labels (one per image in "
                    + imageFile.getFileName() + "), found " + labels.length);
        }
        List<String> names = classNames;
        if (names == null) {
            int max = -1;
            for (int label : labels) {
                max = Math.max(max, label);
            }
            names = new ArrayList<>();
            for (int c = 0; c <= max; c++) {
                names.add(Integer.toString(c));
            }
        } else {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] >= names.size()) {
                    throw new DatasetException(labelFile + ": label " + i + ": expected 0.." + (names.size() - 1)
                            + ", found " + labels[i]);
                }
            }
        }
        return new ArrayDataset(description, images.shape(), images.pixels(), labels, names, null, List.of());
    }
}
