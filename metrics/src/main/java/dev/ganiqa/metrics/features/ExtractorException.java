package dev.ganiqa.metrics.features;

/** An extractor that cannot be opened or used; the message is one line naming the file and the reason. */
public class ExtractorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExtractorException(String message) {
        super(message);
    }

    public ExtractorException(String message, Throwable cause) {
        super(message, cause);
    }
}
