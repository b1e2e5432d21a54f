package dev.ganiqa.harness.cli;

import dev.ganiqa.datasets.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a command's output path before the work starts, so that an extraction or a check of several minutes does
 * not end on "cannot write": a file must not be a folder, a folder must not be a file, and the nearest folder that
 * exists must accept a new file, tried for real (a probe created and deleted at once) because permission bits do
 * not tell (root, read-only mounts, /proc, /sys). The error names the path the user gave and the OS reason,
 * {@code ganiqa: <command>: <path>: cannot write there: <reason>}, exit 1.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /** A file the command will write (replacing it when it exists); returns it as a Path. */
    public static Path file(String command, String path) {
        Path target = Path.of(path);
        if (Files.isDirectory(target)) {
            throw new CliException(command, path + ": expected a file to write, found a folder");
        }
        probe(command, path, target.toAbsolutePath().getParent());
        return target;
    }

    /** A folder the command will write into (created when missing); returns it as a Path. */
    public static Path folder(String command, Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new CliException(command, folder + ": expected a folder to write into, found a file");
        }
        probe(command, folder.toString(), folder.toAbsolutePath());
        return folder;
    }

    /** Creates and deletes a file in the nearest existing folder of {@code dir}, where the writer will create. */
    private static void probe(String command, String path, Path dir) {
        Path existing = dir;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            throw new CliException(command, path + ": cannot write there: Not a directory (" + existing
                    + " is a file)");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".ganiqa-probe-", ".tmp"));
        } catch (IOException e) {
            throw new CliException(command, path + ": cannot write there: " + IoErrors.reason(e)
                    + (existing.equals(dir) ? "" : " (in " + existing + ")"), 1, e);
        }
    }
}
