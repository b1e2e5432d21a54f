package dev.ganiqa.datasets;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A stream whose failures (a full disk, a quota, an I/O error) name the file the user asked for: the JDK's message
 * for a failed write is the bare reason ("No space left on device"), and the code writing may be deep inside an
 * encoder that knows no file name. {@link AtomicFiles} wraps its temporary file's stream in one, naming the target.
 */
final class NamedOutputStream extends FilterOutputStream {
    private final Path file;

    NamedOutputStream(OutputStream out, Path file) {
        super(out);
        this.file = file;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw IoErrors.named(file, e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw IoErrors.named(file, e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw IoErrors.named(file, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw IoErrors.named(file, e);
        }
    }
}
