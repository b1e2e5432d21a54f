package dev.ganiqa.metrics.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code .npy} format, version 1.0 to 3.0 (numpy.lib.format, NEP 1): magic {@code \x93NUMPY}, version,
 * header length, a Python dict literal with {@code descr}, {@code fortran_order} and {@code shape}, then the
 * raw values. Reads {@code <f4} and {@code <f8} in C order; writes {@code <f8} version 1.0 like
 * {@code numpy.save}.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** The most data bytes one array may hold: its raw bytes are read into one Java array. */
    static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 16;

    /** Reads one array; {@code file} names the source in error messages (an .npz entry is "a.npz[mu.npy]"). */
    public static NpyArray read(InputStream in, Path file) throws IOException {
        return read(in, file, -1);
    }

    /**
     * {@link #read(InputStream, Path)} knowing the size of the whole {@code .npy} in bytes (the file's, or the
     * zip entry's uncompressed size), or -1 when unknown: a header whose shape needs more data than that is
     * refused before anything is allocated, so an absurd shape in a small file costs nothing.
     */
    public static NpyArray read(InputStream in, Path file, long size) throws IOException {
        byte[] head = in.readNBytes(8);
        if (head.length < 8 || !java.util.Arrays.equals(java.util.Arrays.copyOf(head, 6), MAGIC)) {
            throw new MalformedFileException(file, "expected the .npy magic \\x93NUMPY, found a different file");
        }
        int major = head[6];
        int headerLength;
        if (major == 1) {
            byte[] b = in.readNBytes(2);
            checkRead(b, 2, file, "header length");
            headerLength = (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
        } else if (major == 2 || major == 3) {
            byte[] b = in.readNBytes(4);
            checkRead(b, 4, file, "header length");
            headerLength = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (headerLength < 0 || headerLength > 1 << 20) {
                throw new MalformedFileException(file, "expected a header under 1 MiB, found " + headerLength + " bytes");
            }
        } else {
            throw new MalformedFileException(file, "expected .npy format version 1, 2 or 3, found " + major);
        }
        byte[] hb = in.readNBytes(headerLength);
        checkRead(hb, headerLength, file, "header");
        String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, file, "descr");
        if (group(FORTRAN, header, file, "fortran_order").equals("True")) {
            throw new MalformedFileException(file, "expected C order, found fortran_order True (use np.ascontiguousarray)");
        }
        int width;
        if (descr.equals("<f8")) {
            width = 8;
        } else if (descr.equals("<f4")) {
            width = 4;
        } else {
            throw new MalformedFileException(file, "expected dtype <f4 or <f8 (little-endian float), found " + descr);
        }
        int[] shape = parseShape(group(SHAPE, header, file, "shape"), file);
        long bytes = width;
        for (int dim : shape) {
            // Both factors are below 2^31 and bytes stays below 2^31 * 8 here, so the product cannot overflow.
            bytes *= dim;
            if (bytes > MAX_DATA_BYTES) {
                throw new MalformedFileException(file, "expected under 2 GiB of values, found shape "
                        + shapeText(shape) + " of " + descr + " (" + bytesText(shape, width) + " bytes)");
            }
        }
        long count = bytes / width;
        long headerBytes = 8 + (major == 1 ? 2 : 4) + headerLength;
        if (size >= 0 && headerBytes + bytes > size) {
            throw new MalformedFileException(file, "expected " + bytes + " data bytes for shape " + shapeText(shape)
                    + " of " + descr + ", found " + Math.max(0, size - headerBytes) + " (truncated or wrong shape)");
        }
        byte[] raw = in.readNBytes((int) bytes);
        if (raw.length != bytes) {
            throw new MalformedFileException(file, "expected " + bytes + " data bytes for shape " + shapeText(shape)
                    + " of " + descr + ", found " + raw.length + " (truncated or wrong shape)");
        }
        ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        double[] data = new double[(int) count];
        if (width == 8) {
            buf.asDoubleBuffer().get(data);
        } else {
            for (int i = 0; i < data.length; i++) {
                data[i] = buf.getFloat(4 * i);
            }
        }
        return new NpyArray(shape, data, descr);
    }

    /** Writes {@code <f8}, C order, format 1.0, header padded to a multiple of 64 bytes as numpy does. */
    public static void write(OutputStream out, int[] shape, double[] data) throws IOException {
        write(out, shape, data, false);
    }

    /**
     * Writes {@code <f4} when {@code float32} (each value rounded to the nearest float: exact for values that came
     * from float32, as extractor outputs do), else {@code <f8}; C order, format 1.0, header padded as numpy does.
     */
    public static void write(OutputStream out, int[] shape, double[] data, boolean float32) throws IOException {
        String descr = float32 ? "<f4" : "<f8";
        new NpyArray(shape, data, descr);
        StringBuilder dims = new StringBuilder();
        for (int s : shape) {
            dims.append(s).append(", ");
        }
        String shapeText = shape.length == 1 ? shape[0] + "," : shape.length == 0 ? ""
                : dims.substring(0, dims.length() - 2);
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shapeText + "), }";
        int total = MAGIC.length + 4 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(MAGIC);
        head.write(1);
        head.write(0);
        head.write(header.length() & 0xFF);
        head.write(header.length() >>> 8);
        head.write(header.getBytes(StandardCharsets.ISO_8859_1));
        out.write(head.toByteArray());
        if (float32) {
            ByteBuffer buf = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : data) {
                buf.putFloat((float) v);
            }
            out.write(buf.array());
        } else {
            ByteBuffer buf = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
            buf.asDoubleBuffer().put(data);
            out.write(buf.array());
        }
    }

    private static int[] parseShape(String text, Path file) throws MalformedFileException {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            long dim;
            try {
                dim = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
            } catch (NumberFormatException e) {
                throw new MalformedFileException(file, "expected integer dimensions in shape, found (" + text + ")");
            }
            if (dim < 0) {
                throw new MalformedFileException(file, "expected non-negative dimensions in shape, found (" + text + ")");
            }
            if (dim > Integer.MAX_VALUE) {
                throw new MalformedFileException(file, "expected dimensions under 2^31 in shape, found (" + text + ")");
            }
            dims.add((int) dim);
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** numpy's notation: (3,), (2, 4). */
    static String shapeText(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(')').toString();
    }

    /** The byte count of a shape, exact even beyond long range. */
    private static String bytesText(int[] shape, int width) {
        java.math.BigInteger n = java.math.BigInteger.valueOf(width);
        for (int dim : shape) {
            n = n.multiply(java.math.BigInteger.valueOf(dim));
        }
        return n.toString();
    }

    private static String group(Pattern p, String header, Path file, String key) throws MalformedFileException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new MalformedFileException(file, "expected '" + key + "' in the .npy header, found " + header.strip());
        }
        return m.group(1);
    }

    private static void checkRead(byte[] b, int n, Path file, String what) throws MalformedFileException {
        if (b.length != n) {
            throw new MalformedFileException(file, "expected a complete .npy " + what + ", found end of file");
        }
    }
}
