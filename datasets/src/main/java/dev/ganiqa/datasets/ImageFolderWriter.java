package dev.ganiqa.datasets;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a dataset as an image folder that {@link ImageFolderReader} reads back to the same pixels and
 * labels: 8-bit gray or RGB PNGs named {@code %06d.png} by dataset index, in one subfolder per class, plus
 * {@code classes.txt} with the class names in label order (folder names replace characters a file name
 * cannot hold, e.g. the '/' of "T-shirt/top"). Each file is written to a hidden temporary file and moved
 * into place, so a reader never sees half a PNG.
 */
public final class ImageFolderWriter {
    private ImageFolderWriter() {
    }

    /** Folder name for a class: '/', '\' and control characters become '_'; "." and ".." get a prefix. */
    public static String folderName(String className) {
        String name = className.replaceAll("[/\\\\\\p{Cntrl}]", "_");
        if (name.isEmpty() || name.startsWith(".")) {
            name = "_" + name;
        }
        return name;
    }

    /** Writes images 0..limit-1 (all when {@code limit} exceeds the size) and returns the files written. */
    public static List<Path> write(ImageDataset dataset, Path out, int limit) throws IOException {
        return write(dataset, out, limit, false);
    }

    /**
     * {@link #write(ImageDataset, Path, int)}, keeping the image files already there when {@code keepWritten}:
     * a {@link PartialExport} being continued, whose files are whole because each was written atomically.
     */
    public static List<Path> write(ImageDataset dataset, Path out, int limit, boolean keepWritten) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("expected a non-negative limit, found " + limit);
        }
        int count = Math.min(limit, dataset.size());
        Files.createDirectories(out);
        List<String> classes = dataset.classNames();
        if (!classes.isEmpty()) {
            List<String> folders = new ArrayList<>();
            for (String name : classes) {
                String folder = folderName(name);
                if (folders.contains(folder)) {
                    throw new DatasetException(dataset.description() + ": classes map to the same folder name '" + folder + "'");
                }
                folders.add(folder);
                Files.createDirectories(out.resolve(folder));
            }
            AtomicFiles.write(out.resolve(FolderWalker.CLASSES_FILE),
                    stream -> stream.write((String.join("\n", classes) + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        List<Path> written = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Path dir = classes.isEmpty() ? out : out.resolve(folderName(classes.get(dataset.label(i))));
            Path file = dir.resolve(String.format("%06d.png", i));
            if (!(keepWritten && Files.isRegularFile(file))) {
                Png.write(file, toImage(dataset.image(i), dataset.shape()));
            }
            written.add(file);
        }
        return written;
    }

    /** A BufferedImage over HWC uint8 pixels: gray (1 band) or sRGB (3 bands in R, G, B order). */
    public static BufferedImage toImage(byte[] pixels, ImageShape shape) {
        int c = shape.channels();
        int[] offsets = c == 1 ? new int[] {0} : new int[] {0, 1, 2};
        ColorSpace space = ColorSpace.getInstance(c == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        ComponentColorModel model = new ComponentColorModel(space, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        PixelInterleavedSampleModel sample = new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE,
                shape.width(), shape.height(), c, shape.width() * c, offsets);
        WritableRaster raster = Raster.createWritableRaster(sample, new DataBufferByte(pixels, pixels.length), null);
        return new BufferedImage(model, raster, false, null);
    }
}
