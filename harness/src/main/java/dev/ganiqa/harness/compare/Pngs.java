package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.ImageFolderWriter;
import dev.ganiqa.datasets.ImageShape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** PNG bytes of single images, for the small images embedded in results.json. */
final class Pngs {
    private Pngs() {
    }

    static byte[] encode(byte[] pixels, ImageShape shape) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(ImageFolderWriter.toImage(pixels, shape), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG: " + e.getMessage(), e);
        }
    }
}
