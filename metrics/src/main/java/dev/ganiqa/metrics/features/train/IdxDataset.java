package dev.ganiqa.metrics.features.train;

import dev.ganiqa.datasets.DatasetException;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

/**
 * A minimal gzip IDX reader (LeCun's MNIST format, used by Fashion-MNIST) so the extractor trainer and its
 * tests run before the datasets module's {@code Datasets.open("fashion-mnist")} lands in main.
 * TODO(lead): replace the callers with {@code Datasets.open(spec).open(split)} once it is merged.
 */
public final class IdxDataset implements ImageDataset {
    public static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    private static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private final String description;
    private final byte[] pixels;
    private final byte[] labels;
    private final ImageShape shape;
    private final int size;
    private final List<String> classNames;

    private IdxDataset(String description, byte[] pixels, byte[] labels, ImageShape shape, int size) {
        this.description = description;
        this.pixels = pixels;
        this.labels = labels;
        this.shape = shape;
        this.size = size;
        int max = 0;
        for (byte b : labels) {
            max = Math.max(max, b);
        }
        this.classNames = max == 9 ? FASHION_CLASSES : IntStream.rangeClosed(0, max).mapToObj(Integer::toString).toList();
    }

    /** Fashion-MNIST {@code train} (60,000) or {@code t10k} (10,000) from the Debian package's files. */
    public static IdxDataset fashionMnist(Path dir, boolean train) {
        String prefix = train ? "train" : "t10k";
        return read(dir.resolve(prefix + "-images-idx3-ubyte.gz"), dir.resolve(prefix + "-labels-idx1-ubyte.gz"));
    }

    public static IdxDataset read(Path images, Path labelsFile) {
        try (DataInputStream in = open(images)) {
            int magic = in.readInt();
            if (magic != 0x803) {
                throw new DatasetException(images + ": expected IDX magic 0x00000803, found 0x" + Integer.toHexString(magic));
            }
            int n = in.readInt();
            int h = in.readInt();
            int w = in.readInt();
            byte[] pixels = new byte[Math.multiplyExact(n, h * w)];
            in.readFully(pixels);
            byte[] labels = readLabels(labelsFile, n);
            return new IdxDataset(images.toString(), pixels, labels, new ImageShape(h, w, 1), n);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DatasetException(e.getFile() + ": expected an IDX file, found none", e);
        } catch (IOException e) {
            throw new DatasetException(images + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readLabels(Path file, int n) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            int count = in.readInt();
            if (magic != 0x801 || count != n) {
                throw new DatasetException(file + ": expected IDX labels (magic 0x801) for " + n + " images, found magic 0x"
                        + Integer.toHexString(magic) + " with " + count);
            }
            byte[] labels = new byte[n];
            in.readFully(labels);
            return labels;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new GZIPInputStream(raw, 1 << 16));
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public byte[] image(int index) {
        int per = shape.values();
        byte[] out = new byte[per];
        System.arraycopy(pixels, index * per, out, 0, per);
        return out;
    }
}
