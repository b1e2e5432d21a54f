package dev.ganiqa.metrics.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An input file that cannot be used: malformed, or holding values that are not features or statistics (NaN, a
 * sigma that is no covariance). The message is one line, {@code FILE: expected X, found Y}; the CLI prints it as
 * {@code ganiqa: FILE: expected X, found Y} and exits with 1, since the file, not the command line, is wrong.
 */
public final class MalformedFileException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String problem;

    public MalformedFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file.toString();
        this.problem = problem;
    }

    /** The file as given (an .npz entry reads {@code a.npz[mu.npy]}). */
    public String file() {
        return file;
    }

    /** What is wrong, "expected X, found Y". */
    public String problem() {
        return problem;
    }
}
