package dev.ganiqa.reports;

import dev.ganiqa.reports.io.FileOutput;
import java.nio.file.Files;

/**
 * The {@link FileOutput} reports' own tests use: a plain write. reports depends on no other ganiqa module, so
 * its tests cannot use the codebase's atomic writer; atomicity is that writer's test (datasets AtomicFilesTest).
 */
public final class PlainOutput {
    public static final FileOutput PLAIN = (target, bytes) -> {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, bytes);
    };

    private PlainOutput() {
    }
}
