package dev.ganiqa.datasets;

/** A file that a reader refused, with the one-line reason; reported, never fatal for the whole folder. */
public record SkippedFile(String path, String reason) {
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
