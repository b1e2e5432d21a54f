package dev.ganiqa.datasets;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writes real image files in many encodings with the JDK and TwelveMonkeys writers. */
final class TestImages {
    static final int W = 8;
    static final int H = 6;

    private TestImages() {
    }

    /** The RGB test pattern: pixel (x, y) = (30x, 40y, 100). */
    static int[] rgb(int x, int y) {
        return new int[] {30 * x, 40 * y, 100};
    }

    /** The gray test pattern. */
    static int gray(int x, int y) {
        return 30 * x + 5 * y;
    }

    static BufferedImage rgb8() {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster r = image.getRaster();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                r.setPixel(x, y, rgb(x, y));
            }
        }
        return image;
    }

    static BufferedImage rgba8(int alpha) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_4BYTE_ABGR);
        WritableRaster r = image.getRaster();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int[] c = rgb(x, y);
                r.setPixel(x, y, new int[] {c[0], c[1], c[2], alpha});
            }
        }
        return image;
    }

    static BufferedImage rgb16() {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster r = model.createCompatibleWritableRaster(W, H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int[] c = rgb(x, y);
                r.setPixel(x, y, new int[] {c[0] * 257, c[1] * 257, c[2] * 257});
            }
        }
        return new BufferedImage(model, r, false, null);
    }

    static BufferedImage gray8() {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image.getRaster().setSample(x, y, 0, gray(x, y));
            }
        }
        return image;
    }

    static BufferedImage gray16() {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image.getRaster().setSample(x, y, 0, gray(x, y) * 257);
            }
        }
        return image;
    }

    static BufferedImage grayAlpha8(int alpha) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster r = model.createCompatibleWritableRaster(W, H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                r.setPixel(x, y, new int[] {gray(x, y), alpha});
            }
        }
        return new BufferedImage(model, r, false, null);
    }

    /** A palette image holding the RGB pattern exactly (48 distinct colours). */
    static BufferedImage palette() {
        byte[] red = new byte[256];
        byte[] green = new byte[256];
        byte[] blue = new byte[256];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                int[] c = rgb(x, y);
                red[i] = (byte) c[0];
                green[i] = (byte) c[1];
                blue[i] = (byte) c[2];
            }
        }
        IndexColorModel model = new IndexColorModel(8, 256, red, green, blue);
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED, model);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image.getRaster().setSample(x, y, 0, y * W + x);
            }
        }
        return image;
    }

    static Path write(BufferedImage image, String format, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no " + format + " writer for " + image);
        }
        return file;
    }

    /** Writes with the JDK's own TIFF writer, which handles 16-bit samples (the TwelveMonkeys one does not). */
    static Path writeJdkTiff(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        var writers = ImageIO.getImageWritersByFormatName("tiff");
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.")) {
                try (OutputStream out = Files.newOutputStream(file); ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(ios);
                    writer.write(image);
                } finally {
                    writer.dispose();
                }
                return file;
            }
        }
        throw new IOException("no JDK TIFF writer");
    }

    static Path writeJpeg(BufferedImage image, Path file, boolean progressive) throws IOException {
        Files.createDirectories(file.getParent());
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(1.0f);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        try (OutputStream out = Files.newOutputStream(file); ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    static Path copyResource(String name, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (var in = TestImages.class.getResourceAsStream("/images/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }
}
