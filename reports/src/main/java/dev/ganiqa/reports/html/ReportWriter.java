package dev.ganiqa.reports.html;

import dev.ganiqa.reports.io.FileOutput;
import dev.ganiqa.reports.model.RunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Renders one run's results into a document. */
public interface ReportWriter {
    /**
     * The document for {@code results}; image paths in the model are resolved against {@code runDir} (may be
     * null when every image is embedded).
     *
     * @param runFolder the run folder as the reader types it in commands (extend, finish), or null when the document
     *                  is not rendered from one (a bundle, a site): the commands then name the folder recorded with
     *                  the run
     */
    String render(RunResults results, Path runDir, Path runFolder) throws IOException;

    /** Renders outside a known run folder: commands name the folder recorded with the run. */
    default String render(RunResults results, Path runDir) throws IOException {
        return render(results, runDir, null);
    }

    /** Renders and writes {@code out} through {@code output} (the caller's atomic writer). */
    default void write(RunResults results, Path runDir, Path out, FileOutput output) throws IOException {
        write(results, runDir, null, out, output);
    }

    /** Renders with commands naming {@code runFolder}, and writes {@code out} through {@code output}. */
    default void write(RunResults results, Path runDir, Path runFolder, Path out, FileOutput output)
            throws IOException {
        String document = render(results, runDir, runFolder);
        output.write(out, document.getBytes(StandardCharsets.UTF_8));
    }
}
