package dev.ganiqa.datasets;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads IDX files (LeCun's MNIST format, also Fashion-MNIST): magic {@code 00 00 08 D} (unsigned bytes,
 * D dimensions), D big-endian int32 sizes, then the row-major payload. Images are {@code N x H x W} or
 * {@code N x H x W x C} with C 1 or 3; labels are {@code N}. Gzip is detected by content.
 * Format: http://yann.lecun.com/exdb/mnist/ ("FILE FORMATS FOR THE MNIST DATABASE").
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;

    /** The images of one IDX file: {@code count} images of {@code shape}, pixels in one array. */
    public record Images(int count, ImageShape shape, byte[] pixels) {
    }

    private IdxReader() {
    }

    public static Images readImages(Path file) {
        try (DataInputStream in = new DataInputStream(DataFiles.open(file))) {
            int[] dims = header(in, file);
            if (dims.length != 3 && dims.length != 4) {
                throw new DatasetException(file + ": expected an image file with 3 or 4 dimensions (N,H,W[,C]), found " + dims.length);
            }
            int channels = dims.length == 4 ? dims[3] : 1;
            if (channels != 1 && channels != 3) {
                throw new DatasetException(file + ": expected 1 or 3 channels, found " + channels);
            }
            if (dims[1] <= 0 || dims[2] <= 0) {
                throw new DatasetException(file + ": expected positive image sizes, found " + dims[1] + "x" + dims[2]);
            }
            ImageShape shape = new ImageShape(dims[1], dims[2], channels);
            long total = (long) dims[0] * shape.values();
            if (total > Integer.MAX_VALUE - 8) {
                throw new DatasetException(file + ": expected at most 2 GiB of pixels, found " + total + " bytes");
            }
            byte[] pixels = DataFiles.readExactly(in, (int) total, file, "pixels (" + dims[0] + " images of " + shape + ")");
            return new Images(dims[0], shape, pixels);
        } catch (IOException e) {
            throw new DatasetException(DataFiles.io(file, e), e);
        }
    }

    public static int[] readLabels(Path file) {
        try (DataInputStream in = new DataInputStream(DataFiles.open(file))) {
            int[] dims = header(in, file);
            if (dims.length != 1) {
                throw new DatasetException(file + ": expected a label file with 1 dimension, found " + dims.length);
            }
            byte[] raw = DataFiles.readExactly(in, dims[0], file, "labels");
            int[] labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                labels[i] = raw[i] & 0xFF;
            }
            return labels;
        } catch (IOException e) {
            throw new DatasetException(DataFiles.io(file, e), e);
        }
    }

    private static int[] header(DataInputStream in, Path file) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4 || magic[0] != 0 || magic[1] != 0 || magic[2] != UNSIGNED_BYTE || magic[3] < 1 || magic[3] > 4) {
            throw new DatasetException(file + ": expected IDX magic 00 00 08 0D (unsigned bytes, 1..4 dimensions), found "
                    + hex(magic));
        }
        int[] dims = new int[magic[3]];
        for (int i = 0; i < dims.length; i++) {
            byte[] four = in.readNBytes(4);
            if (four.length < 4) {
                throw new DatasetException(file + ": short header: expected " + dims.length + " dimension sizes, found " + i);
            }
            dims[i] = ((four[0] & 0xFF) << 24) | ((four[1] & 0xFF) << 16) | ((four[2] & 0xFF) << 8) | (four[3] & 0xFF);
            if (dims[i] < 0) {
                throw new DatasetException(file + ": expected non-negative dimension sizes, found " + (dims[i] & 0xFFFFFFFFL));
            }
        }
        return dims;
    }

    static String hex(byte[] bytes) {
        if (bytes.length == 0) {
            return "an empty file";
        }
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(text.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xFF));
        }
        return text.toString();
    }
}
