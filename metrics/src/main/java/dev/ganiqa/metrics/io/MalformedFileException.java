package dev.ganiqa.metrics.io;

import java.io.IOException;
import java.nio.file.Path;

/** A numpy file that cannot be used, with a one-line message {@code FILE: expected X, found Y}. */
public final class MalformedFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedFileException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
