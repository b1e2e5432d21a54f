package dev.ganiqa.datasets;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;

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

    /** Writes {@code image} to {@code file} atomically. */
    public static void write(Path file, BufferedImage image) throws IOException {
        AtomicFiles.write(file, out -> encode(image, out));
    }

    private static void encode(BufferedImage image, OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("expected a PNG encoder for an image of type " + image.getType() + " with "
                    + image.getRaster().getNumBands() + " bands, found none");
        }
    }
}
