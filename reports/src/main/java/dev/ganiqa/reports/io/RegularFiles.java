package dev.ganiqa.reports.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * How the reports module reads a file: only a regular one. Opening a FIFO for reading blocks until a writer comes,
 * which may be never, and a device may never end; {@code report}, {@code bundle} and {@code publish} would hang
 * with no message. The type is checked on the path (links followed) just before the read.
 */
public final class RegularFiles {
    private RegularFiles() {
    }

    /**
     * The whole content of {@code file}; a NoSuchFileException when it is missing, an IOException naming it when
     * it is not a regular file.
     */
    public static byte[] read(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IOException(file + ": expected a regular file, found " + kind(file, attributes));
        }
        return Files.readAllBytes(file);
    }

    /** What {@code file} is instead, from the POSIX mode where the platform gives it (Linux, macOS). */
    static String kind(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a folder";
        }
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return "a special file";
        }
    }
}
