package dev.ganiqa.harness.bench;

import java.awt.image.Raster;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

/** Loads the benchmark inputs that metrics_peers.py wrote (and Fashion-MNIST from its Debian package). */
final class BenchData {
    static final Path FASHION_MNIST_TEST = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");

    private BenchData() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("ganiqa.bench.dir", "/tmp/ganiqa-bench"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + ": expected the folder written by benchmarks/metrics_peers.py, found nothing");
        }
        return dir;
    }

    static byte[][] fashionMnistTest() throws IOException {
        try (InputStream raw = Files.newInputStream(FASHION_MNIST_TEST);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            in.readInt();
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

    /** The photo-*.png files as HWC RGB bytes, read through the Raster (no colour conversion). */
    static List<Photo> photos() throws IOException {
        List<Photo> out = new ArrayList<>();
        try (var files = Files.list(dir())) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("photo-")).sorted().toList()) {
                Raster r = ImageIO.read(p.toFile()).getRaster();
                int[] px = r.getPixels(0, 0, r.getWidth(), r.getHeight(), (int[]) null);
                byte[] hwc = new byte[px.length];
                for (int i = 0; i < px.length; i++) {
                    hwc[i] = (byte) px[i];
                }
                out.add(new Photo(r.getHeight(), r.getWidth(), r.getNumBands(), hwc));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(dir() + ": expected photo-*.png from metrics_peers.py, found none");
        }
        return out;
    }

    record Photo(int height, int width, int channels, byte[] hwc) {
    }
}
