package dev.ganiqa.harness.bench;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Loads the benchmark inputs that metrics_peers.py wrote (and Fashion-MNIST from its Debian package). */
final class BenchData {

    private BenchData() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("ganiqa.bench.dir", "/tmp/ganiqa-bench"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + ": expected the folder written by benchmarks/metrics_peers.py, found nothing");
        }
        return dir;
    }

    static byte[][] fashionMnistTest() {
        dev.ganiqa.datasets.ImageDataset test = dev.ganiqa.datasets.Datasets.open("fashion-mnist")
                .open(dev.ganiqa.datasets.Split.TEST);
        byte[][] images = new byte[test.size()][];
        for (int i = 0; i < images.length; i++) {
            images[i] = test.image(i);
        }
        return images;
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
