package dev.ganiqa.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a data file, inflating it when its first two bytes are the gzip magic (1f 8b), whatever its name. */
final class DataFiles {
    private static final int BUFFER = 1 << 16;

    private DataFiles() {
    }

    static InputStream open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new DatasetException(file + ": expected a file, found a directory");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(raw, BUFFER);
        }
        return raw;
    }

    /** Reads exactly {@code n} bytes or fails naming what was expected and found. */
    static byte[] readExactly(InputStream in, int n, Path file, String what) throws IOException {
        byte[] data = in.readNBytes(n);
        if (data.length != n) {
            throw new DatasetException(file + ": short payload: expected " + n + " bytes of " + what
                    + ", found " + data.length);
        }
        return data;
    }

    static String io(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return file + ": not found";
        }
        return file + ": cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
