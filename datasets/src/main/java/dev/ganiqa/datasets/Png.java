package dev.ganiqa.datasets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The one PNG writer of the codebase: exported datasets, samples, training grids and the images embedded in
 * results.json all go through it, so they are encoded alike (ImageIO's PNG encoder, lossless 8-bit gray or RGB)
 * and files are written atomically by {@link AtomicFiles}.
 */
public final class Png {
    private Png() {
    }

    /** PNG bytes of an 8-bit image. */
    public static byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(image, out);
        return out.toByteArray();
    }

    /** PNG bytes of HWC uint8 pixels (gray or RGB), as {@link ImageFolderWriter#toImage} lays them out. */
    public static byte[] encode(byte[] pixels, ImageShape shape) throws IOException {
        return encode(ImageFolderWriter.toImage(pixels, shape));
    }

    /** The gap, in black pixels, around and between the tiles of {@link #grid}. */
    public static final int GRID_GAP = 2;

    /**
     * {@code count} HWC uint8 images of {@code shape} from {@code pixels} tiled row by row into {@code columns}
     * columns with a {@link #GRID_GAP}-pixel black border between tiles (samples, training grids, the real-data grid
     * of a comparison), values exactly as given.
     */
    public static BufferedImage grid(byte[] pixels, ImageShape shape, int count, int columns) {
        int h = shape.height();
        int w = shape.width();
        int c = shape.channels();
        int rows = (count + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * (w + GRID_GAP) + GRID_GAP, rows * (h + GRID_GAP) + GRID_GAP,
                c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        java.awt.image.WritableRaster raster = image.getRaster();
        int[] row = new int[w * c];
        for (int i = 0; i < count; i++) {
            int x0 = GRID_GAP + (i % columns) * (w + GRID_GAP);
            int y0 = GRID_GAP + (i / columns) * (h + GRID_GAP);
            int base = i * shape.values();
            for (int y = 0; y < h; y++) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = pixels[base + y * w * c + k] & 0xFF;
                }
                raster.setPixels(x0, y0 + y, w, 1, row);
            }
        }
        return image;
    }

    /**
     * Writes {@code image} to {@code file} atomically. The PNG is encoded in memory first: an encoder writing to
     * the file would meet a full disk inside ImageIO, which reports it as "I/O error writing PNG file!" or fails
     * again while closing its stream, without the file or the cause; written as bytes, the failure is
     * {@link AtomicFiles}'s, naming the file and the OS reason.
     */
    public static void write(Path file, BufferedImage image) throws IOException {
        AtomicFiles.write(file, encode(image));
    }

    /**
     * The writer {@code ImageIO.write(image, "png", out)} would choose, into a memory cache: the same bytes, but
     * no cache file in java.io.tmpdir (ImageIO's default), which a full disk would also break.
     */
    private static void encode(BufferedImage image, OutputStream out) throws IOException {
        ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(image);
        Iterator<ImageWriter> writers = ImageIO.getImageWriters(type, "png");
        if (!writers.hasNext()) {
            throw new IOException("expected a PNG encoder for an image of type " + image.getType() + " with "
                    + image.getRaster().getNumBands() + " bands, found none");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } finally {
            writer.dispose();
        }
    }
}
