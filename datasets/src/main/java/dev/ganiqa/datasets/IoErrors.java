package dev.ganiqa.datasets;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The operating system's reason for a failed file operation, as a user reads it ("Permission denied", "No space
 * left on device"). The JDK keeps it in {@link FileSystemException#getReason()}, except for the errors it maps to
 * their own exception classes (ENOENT, EACCES, EEXIST, ENOTDIR, ENOTEMPTY), whose reason it drops: for those the
 * strerror text is restored here. Other exceptions give their message, which for stream writes is the reason
 * itself ("No space left on device").
 */
public final class IoErrors {
    private IoErrors() {
    }

    public static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** {@code file: reason}, for an error whose own message names another path or none. */
    public static IOException named(Path file, IOException e) {
        return new IOException(file + ": " + reason(e), e);
    }
}
