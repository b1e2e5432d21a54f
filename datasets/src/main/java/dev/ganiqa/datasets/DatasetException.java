package dev.ganiqa.datasets;

/** A dataset source that is wholly unusable; the message is one line naming the file and the reason. */
public class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
