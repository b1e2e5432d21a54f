package dev.ganiqa.datasets;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes one image file by content through ImageIO and the TwelveMonkeys plugins. The reader is chosen
 * from the file's first bytes, its header size is checked against the pixel limit before any pixel is
 * decoded (decompression bombs), and every failure becomes a {@link Refused} with a one-line reason. Common
 * JPEGs go through a {@link JpegFastPath} when the class path has one (the metrics module's, over TensorFlow's
 * libjpeg-turbo), with the same pixels.
 *
 * <p>Samples are read from the {@link Raster} whenever the colour model is a plain gray or RGB component
 * model: {@code BufferedImage.getRGB} would map linear gray to sRGB and change 8-bit gray values (by up to
 * 73 levels). Embedded ICC profiles are not applied, as PIL and OpenCV do not apply them either. Palette,
 * packed and other models go through {@code getRGB}, whose sRGB values are then exact.
 */
public final class ImageDecoder {
    /** The JPEG fast path found on the class path once, or null. */
    private static final JpegFastPath FAST = JpegFastPath.find();
    private final long maxPixels;
    private final boolean fastJpeg;
    private volatile ImageReaderSpi lastProvider;

    /** A file that cannot be used, with why. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Header facts read without decoding pixels. */
    public record Header(int width, int height, boolean gray, String format) {
    }

    public ImageDecoder(long maxPixels) {
        this(maxPixels, true);
    }

    /** @param fastJpeg whether common JPEGs may go through the {@link JpegFastPath} (false: the JDK's decoder only) */
    public ImageDecoder(long maxPixels, boolean fastJpeg) {
        this.maxPixels = maxPixels;
        this.fastJpeg = fastJpeg;
    }

    public Header header(Path file) throws Refused {
        return withReader(file, bytes -> null, (reader, w, h) -> new Header(w, h, isGray(reader), reader.getFormatName()));
    }

    public DecodedImage decode(Path file) throws Refused {
        return withReader(file, this::fast, (reader, w, h) -> {
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0);
            for (String warning : warnings) {
                // The JDK JPEG decoder fills a truncated file with gray and only warns "premature end of data segment".
                if (warning.toLowerCase(java.util.Locale.ROOT).contains("premature end")) {
                    throw new Refused("truncated " + reader.getFormatName() + ": " + warning.strip());
                }
            }
            return samples(image);
        });
    }

    private interface Job<T> {
        T run(ImageReader reader, int width, int height) throws IOException, Refused;
    }

    /**
     * The common JPEGs through the {@link JpegFastPath} when one is on the class path (the same pixels, 3-5x
     * faster on photos); null sends the file to ImageIO, which also words every refusal (a file above the pixel
     * limit, a truncated or corrupt one: the fast path's failure is not the user's message).
     */
    private DecodedImage fast(byte[] bytes) {
        JpegFastPath path = FAST;
        if (path == null || !fastJpeg) {
            return null;
        }
        JpegHeader header = JpegHeader.parse(bytes);
        if (header == null || !header.common() || (long) header.width() * header.height() > maxPixels) {
            return null;
        }
        try {
            DecodedImage image = path.decode(bytes, header);
            return image != null && image.width() == header.width() && image.height() == header.height()
                    && image.channels() == header.components() ? image : null;
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private <T> T withReader(Path file, java.util.function.Function<byte[], T> fast, Job<T> job) throws Refused {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new Refused("cannot read: " + message(e));
        }
        if (size == 0) {
            throw new Refused("empty file (0 bytes)");
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new Refused("file of " + size + " bytes, above the 2 GiB an image file may have");
        }
        byte[] bytes;
        try {
            // Small files dominate datasets: one read into memory beats ImageIO's many small file reads.
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Refused("cannot read: " + message(e));
        }
        T quick = fast.apply(bytes);
        if (quick != null) {
            return quick;
        }
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            ImageReader reader = readerFor(in);
            if (reader == null) {
                byte[] head = java.util.Arrays.copyOf(bytes, Math.min(8, bytes.length));
                throw new Refused("not a supported image format (content starts with " + IdxReader.hex(head) + ")");
            }
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new Refused("expected a positive image size, found " + width + "x" + height);
                }
                long pixels = (long) width * height;
                if (pixels > maxPixels) {
                    throw new Refused(width + "x" + height + " = " + pixels + " pixels, above the limit of " + maxPixels
                            + " (not decoded)");
                }
                return job.run(reader, width, height);
            } catch (IOException | RuntimeException e) {
                throw new Refused("corrupt or truncated " + reader.getFormatName().toUpperCase(java.util.Locale.ROOT)
                        + ": " + message(e));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new Refused("cannot read: " + message(e));
        } catch (OutOfMemoryError e) {
            throw new Refused("too large to decode in memory: " + message(e));
        }
    }

    /**
     * The reader ImageIO would pick for the content, trying the provider that read the previous file first:
     * a provider accepts by its format's magic bytes, and the registry lookup otherwise asks every provider.
     */
    private ImageReader readerFor(ImageInputStream in) throws IOException {
        ImageReaderSpi last = lastProvider;
        if (last != null && last.canDecodeInput(in)) {
            return last.createReaderInstance();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        lastProvider = reader.getOriginatingProvider();
        return reader;
    }

    /** Gray when the raw type has one colour component, or is a palette of gray entries only. */
    private static boolean isGray(ImageReader reader) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        if (raw == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            raw = types.hasNext() ? types.next() : null;
        }
        if (raw == null) {
            return false;
        }
        ColorModel model = raw.getColorModel();
        if (model instanceof IndexColorModel palette) {
            return grayPalette(palette);
        }
        return model.getNumColorComponents() == 1;
    }

    private static boolean grayPalette(IndexColorModel palette) {
        for (int i = 0; i < palette.getMapSize(); i++) {
            if (palette.getRed(i) != palette.getGreen(i) || palette.getGreen(i) != palette.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    /** 8-bit HWC samples of a decoded image (see the class comment for which path is taken). */
    static DecodedImage samples(BufferedImage image) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        int type = model.getColorSpace().getType();
        boolean plain = model instanceof ComponentColorModel && !model.isAlphaPremultiplied()
                && (type == ColorSpace.TYPE_GRAY || type == ColorSpace.TYPE_RGB)
                && raster.getNumBands() == model.getNumComponents();
        if (plain && raster.getDataBuffer() instanceof DataBufferByte bytes && bytes.getNumBanks() == 1
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel layout
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && layout.getPixelStride() == layout.getNumBands() && layout.getScanlineStride() == w * layout.getNumBands()
                && inOrder(layout.getBandOffsets()) && bytes.getOffset() == 0) {
            // 8-bit interleaved in R, G, B (or gray) order: the data buffer already is HWC.
            int n = w * h * layout.getNumBands();
            byte[] data = bytes.getData();
            // The image is dropped after this call: hand over its buffer rather than copy 36 MB for a 12 MP photo.
            return new DecodedImage(w, h, layout.getNumBands(), data.length == n ? data : java.util.Arrays.copyOf(data, n));
        }
        if (plain) {
            int bands = raster.getNumBands();
            int[] values = raster.getPixels(raster.getMinX(), raster.getMinY(), w, h, (int[]) null);
            byte[] out = new byte[values.length];
            for (int b = 0; b < bands; b++) {
                int bits = model.getComponentSize(b);
                long max = (1L << bits) - 1;
                for (int i = b; i < values.length; i += bands) {
                    out[i] = (byte) (bits == 8 ? values[i] : to8bit(values[i] & 0xFFFFFFFFL, max));
                }
            }
            return new DecodedImage(w, h, bands, out);
        }
        boolean alpha = model.hasAlpha();
        boolean gray = model instanceof IndexColorModel palette && grayPalette(palette);
        int channels = (gray ? 1 : 3) + (alpha ? 1 : 0);
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] out = new byte[w * h * channels];
        for (int i = 0, o = 0; i < argb.length; i++) {
            int p = argb[i];
            out[o++] = (byte) (p >>> 16);
            if (!gray) {
                out[o++] = (byte) (p >>> 8);
                out[o++] = (byte) p;
            }
            if (alpha) {
                out[o++] = (byte) (p >>> 24);
            }
        }
        return new DecodedImage(w, h, channels, out);
    }

    private static boolean inOrder(int[] offsets) {
        for (int i = 0; i < offsets.length; i++) {
            if (offsets[i] != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * Nearest 8-bit value of an n-bit sample: round(v * 255 / max). For 16 bit this inverts the usual
     * 8-to-16 expansion v * 257 exactly.
     */
    static int to8bit(long value, long max) {
        return (int) ((value * 255 + max / 2) / max);
    }

    private static String message(Throwable e) {
        String text = e.getMessage();
        if (text == null || text.isBlank()) {
            text = e.getClass().getSimpleName();
        }
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
