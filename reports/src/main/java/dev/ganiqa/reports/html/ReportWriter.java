package dev.ganiqa.reports.html;

import dev.ganiqa.reports.FileOutput;
import dev.ganiqa.reports.model.RunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Renders one run's results into a document. */
public interface ReportWriter {
    /**
     * The document for {@code results}; image paths in the model are resolved against {@code runDir} (may be
     * null when every image is embedded).
     */
    String render(RunResults results, Path runDir) throws IOException;

    /** Renders and writes {@code out} through {@code output} (the caller's atomic writer). */
    default void write(RunResults results, Path runDir, Path out, FileOutput output) throws IOException {
        String document = render(results, runDir);
        output.write(out, document.getBytes(StandardCharsets.UTF_8));
    }
}
