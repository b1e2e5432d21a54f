package dev.ganiqa.trainers;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes samples as 8-bit PNG files (gray or RGB, values exactly as in {@link Samples}): one image per file,
 * or tiled into a grid with a 2-pixel black border between tiles. Files are written atomically.
 */
public final class SampleGrid {
    static final int GAP = 2;

    private SampleGrid() {
    }

    public static void write(Samples samples, int columns, Path target) {
        int h = samples.shape().height();
        int w = samples.shape().width();
        int c = samples.shape().channels();
        int rows = (samples.count() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * (w + GAP) + GAP, rows * (h + GAP) + GAP,
                c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster raster = image.getRaster();
        int[] pixel = new int[c];
        for (int i = 0; i < samples.count(); i++) {
            int x0 = GAP + (i % columns) * (w + GAP);
            int y0 = GAP + (i / columns) * (h + GAP);
            int base = i * samples.shape().values();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int k = 0; k < c; k++) {
                        pixel[k] = samples.pixels()[base + (y * w + x) * c + k] & 0xFF;
                    }
                    raster.setPixel(x0 + x, y0 + y, pixel);
                }
            }
        }
        writePng(image, target);
    }

    /** Image i of the samples as its own PNG file. */
    public static void writeImage(Samples samples, int i, Path target) {
        int h = samples.shape().height();
        int w = samples.shape().width();
        int c = samples.shape().channels();
        BufferedImage image = new BufferedImage(w, h, c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        int[] values = new int[h * w * c];
        int base = i * samples.shape().values();
        for (int k = 0; k < values.length; k++) {
            values[k] = samples.pixels()[base + k] & 0xFF;
        }
        image.getRaster().setPixels(0, 0, w, h, values);
        writePng(image, target);
    }

    static void writePng(BufferedImage image, Path target) {
        try {
            dev.ganiqa.datasets.Png.write(target, image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
