package dev.ganiqa.metrics.image;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads the Fashion-MNIST test images (Debian package dataset-fashion-mnist) for reference tests. */
public final class FashionMnist {
    public static final Path TEST_IMAGES = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");

    private FashionMnist() {
    }

    /** All test images, 28x28 gray, row-major; fails with the path if the package is missing. */
    public static byte[][] testImages() throws IOException {
        if (!Files.isRegularFile(TEST_IMAGES)) {
            throw new IOException(TEST_IMAGES + ": missing; install the Debian package dataset-fashion-mnist");
        }
        try (InputStream raw = Files.newInputStream(TEST_IMAGES);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            int magic = in.readInt();
            if (magic != 0x803) {
                throw new IOException(TEST_IMAGES + ": expected IDX magic 0x803, found 0x" + Integer.toHexString(magic));
            }
            int n = in.readInt();
            int h = in.readInt();
            int w = in.readInt();
            byte[][] images = new byte[n][h * w];
            for (byte[] image : images) {
                in.readFully(image);
            }
            return images;
        }
    }
}
