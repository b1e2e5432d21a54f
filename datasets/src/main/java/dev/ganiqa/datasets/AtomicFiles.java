package dev.ganiqa.datasets;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old content or the whole new one, never half a file: the bytes go
 * to a hidden temporary file in the same folder (hidden, so folder readers skip it; same file system, so the move
 * is a rename) which is then moved over the target. The one atomic writer of the codebase: every module that
 * writes results, reports, samples, statistics or checkpoint metadata uses it (reports through its output port).
 *
 * <p>The file ends with the permissions a file written in place would have: a new file those of any file the user
 * creates (0666 less the umask, as the temporary file is opened with a plain {@code CREATE_NEW}, not
 * {@code Files.createTempFile}, which makes it 0600 whatever the umask), a replaced file its previous ones. A file
 * system that cannot rename atomically is an error naming the file, not a silent non-atomic copy.
 */
public final class AtomicFiles {
    /** Attempts at a fresh temporary name before giving up (each collides only with a concurrent writer's). */
    private static final int NAME_ATTEMPTS = 100;

    /** What to write into the temporary file; the stream is buffered and closed by {@link #write}. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} from {@code body}. A failure of the file system (no such folder, permission, no space
     * left) names {@code target} and the OS reason, never the hidden temporary file, which the user did not ask
     * for and which is gone by then.
     */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(absolute + ": Not a directory (" + e.getFile() + " is a file)", e);
        } catch (IOException e) {
            throw failure(absolute, e, null);
        }
        Path tmp = null;
        OutputStream raw = null;
        for (int attempt = 0; raw == null; attempt++) {
            tmp = dir.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(
                    ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                raw = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt == NAME_ATTEMPTS) {
                    throw new IOException(absolute + ": expected a free temporary name, found " + NAME_ATTEMPTS
                            + " taken (" + tmp.getFileName() + ")", e);
                }
            } catch (IOException e) {
                throw failure(absolute, e, tmp);
            }
        }
        try {
            try (OutputStream out = new BufferedOutputStream(new NamedOutputStream(raw, absolute), 1 << 16)) {
                body.write(out);
            }
            if (Files.exists(absolute) && Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(absolute));
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException(absolute + ": expected a file system that renames atomically, found "
                        + Files.getFileStore(dir).type() + " refusing (" + e.getMessage() + ")", e);
            } catch (IOException e) {
                throw failure(absolute, e, tmp);
            }
        } finally {
            raw.close();
            Files.deleteIfExists(tmp);
        }
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * {@code target: reason}, plus the path the OS named when it is another one the user may need to see (a folder
     * that could not be created), but not {@code hidden}, the temporary file.
     */
    private static IOException failure(Path target, IOException e, Path hidden) {
        if (e instanceof FileSystemException f && f.getFile() != null && !Path.of(f.getFile()).equals(hidden)
                && !Path.of(f.getFile()).equals(target)) {
            return new IOException(target + ": " + IoErrors.reason(e) + " (" + f.getFile() + ")", e);
        }
        return IoErrors.named(target, e);
    }
}
