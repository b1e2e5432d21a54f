package dev.ganiqa.reports.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the reports module writes a whole file (results.json, a report, a site page): replaced as a whole, so a
 * reader never sees half of it. The port exists because reports knows only its results model, no other ganiqa
 * module, while the codebase keeps exactly one atomic writer ({@code dev.ganiqa.datasets.AtomicFiles}, which
 * also gives files the permissions the umask asks for): the harness, which wires every module, passes
 * {@code AtomicFiles::write}; reports' own tests pass a plain writer.
 */
@FunctionalInterface
public interface FileOutput {
    /** Writes {@code bytes} as the whole new content of {@code target}, creating its folders. */
    void write(Path target, byte[] bytes) throws IOException;
}
