package dev.ganiqa.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code cifar10:DIR}: the CIFAR-10 binary version (https://www.cs.toronto.edu/~kriz/cifar.html, "Binary version"):
 * records of 1 label byte + 3072 pixel bytes (1024 red, 1024 green, 1024 blue, row-major 32x32), which we
 * transpose from CHW to HWC. {@code data_batch_1..5.bin} are train, {@code test_batch.bin} test; class names
 * from {@code batches.meta.txt} when present.
 */
public final class Cifar10Reader {
    public static final List<String> CLASS_NAMES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
    static final int SIDE = 32;
    static final int RECORD = 1 + 3 * SIDE * SIDE;
    private static final ImageShape SHAPE = new ImageShape(SIDE, SIDE, 3);

    private Cifar10Reader() {
    }

    static DatasetSource create(String argument, DatasetOptions options) {
        if (argument.isBlank()) {
            throw new DatasetException("cifar10: expected cifar10:DIR (the folder holding data_batch_1.bin), found nothing");
        }
        return source(Path.of(argument));
    }

    public static DatasetSource source(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(dir + ": expected the CIFAR-10 binary folder, found " + (Files.exists(dir) ? "a file" : "nothing"));
        }
        List<Path> train = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            train.add(dir.resolve("data_batch_" + i + ".bin"));
        }
        List<Path> test = List.of(dir.resolve("test_batch.bin"));
        return new SplitSource("cifar10:" + dir, Map.of(
                Split.TRAIN, () -> load("cifar10:" + dir + " train", train, classNames(dir)),
                Split.TEST, () -> load("cifar10:" + dir + " test", test, classNames(dir))));
    }

    static List<String> classNames(Path dir) {
        Path meta = dir.resolve("batches.meta.txt");
        if (!Files.isRegularFile(meta)) {
            return CLASS_NAMES;
        }
        try {
            List<String> names = Files.readAllLines(meta, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (names.size() != CLASS_NAMES.size()) {
                throw new DatasetException(meta + ": expected 10 class names, found " + names.size());
            }
            return names;
        } catch (IOException e) {
            throw new DatasetException(DataFiles.io(meta, e), e);
        }
    }

    static ArrayDataset load(String description, List<Path> files, List<String> classNames) {
        long total = 0;
        for (Path file : files) {
            try {
                long size = Files.size(file);
                if (size == 0 || size % RECORD != 0) {
                    throw new DatasetException(file + ": expected a multiple of " + RECORD + " bytes (label + 32x32x3), found " + size);
                }
                total += size / RECORD;
            } catch (IOException e) {
                throw new DatasetException(DataFiles.io(file, e), e);
            }
        }
        int count = Math.toIntExact(total);
        byte[] pixels = new byte[count * SHAPE.values()];
        int[] labels = new int[count];
        int index = 0;
        byte[] record = new byte[RECORD];
        for (Path file : files) {
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                while (in.readNBytes(record, 0, RECORD) == RECORD) {
                    int label = record[0] & 0xFF;
                    if (label >= classNames.size()) {
                        throw new DatasetException(file + ": record " + index + ": expected a label 0..9, found " + label);
                    }
                    labels[index] = label;
                    int base = index * SHAPE.values();
                    int plane = SIDE * SIDE;
                    for (int p = 0; p < plane; p++) {
                        pixels[base + 3 * p] = record[1 + p];
                        pixels[base + 3 * p + 1] = record[1 + plane + p];
                        pixels[base + 3 * p + 2] = record[1 + 2 * plane + p];
                    }
                    index++;
                }
            } catch (IOException e) {
                throw new DatasetException(DataFiles.io(file, e), e);
            }
        }
        return new ArrayDataset(description, SHAPE, pixels, labels, classNames, null, List.of());
    }
}
