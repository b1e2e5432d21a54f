package dev.ganiqa.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The mark of an export in progress: {@value #MARKER} in the export folder, holding the request (source, split,
 * count, shape), written before the first image and deleted after the last. A folder that keeps it after the
 * process ended (a full disk, a kill) holds a partial export that only the same request may continue: every
 * image in it is whole ({@link AtomicFiles}), so a rerun writes the missing ones. Any other non-empty folder is
 * refused, so an export never mixes its files with someone else's. Hidden, so folder readers skip it.
 */
public final class PartialExport {
    public static final String MARKER = ".ganiqa-partial-export";
    /** The temporary files {@link AtomicFiles} leaves when its process is killed mid-write. */
    private static final Pattern STALE_TEMPORARY = Pattern.compile("\\..+\\.[0-9a-z]+\\.tmp");

    private final Path folder;
    private final boolean resumed;

    private PartialExport(Path folder, boolean resumed) {
        this.folder = folder;
        this.resumed = resumed;
    }

    /**
     * Refuses {@code folder} unless it is missing, empty or a partial export: cheap, so it runs before the data
     * is read. IOException naming the folder.
     */
    public static void check(Path folder) throws IOException {
        if (!Files.exists(folder) || Files.isRegularFile(folder.resolve(MARKER))) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": expected a new or empty folder, found a file");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            long count = entries.count();
            if (count > 0) {
                throw new IOException(folder + ": expected a new or empty folder, found " + count + " entries");
            }
        }
    }

    /**
     * Starts (marking {@code folder}) or continues (the same {@code request} found in its mark) an export.
     * Continuing clears the temporary files a killed writer left; a mark of another request is refused.
     */
    public static PartialExport start(Path folder, String request) throws IOException {
        check(folder);
        Path marker = folder.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            AtomicFiles.write(marker, (request + "\n").getBytes(StandardCharsets.UTF_8));
            return new PartialExport(folder, false);
        }
        String found = Files.readString(marker, StandardCharsets.UTF_8).strip();
        if (!found.equals(request)) {
            throw new IOException(folder + ": expected a new or empty folder or a partial export of " + request
                    + ", found a partial export of " + found + " (rerun that export to finish it, or choose "
                    + "another folder)");
        }
        for (Path stale : staleTemporaries(folder)) {
            Files.deleteIfExists(stale);
        }
        return new PartialExport(folder, true);
    }

    /** True when an earlier run of the same request had started: its images are kept, the missing ones added. */
    public boolean resumed() {
        return resumed;
    }

    /** Removes the mark: every image is written. */
    public void finish() throws IOException {
        Files.delete(folder.resolve(MARKER));
    }

    /** AtomicFiles temporaries in the folder and its class folders (the two levels an export writes). */
    private static List<Path> staleTemporaries(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder, 2)) {
            return files.filter(f -> Files.isRegularFile(f)
                    && STALE_TEMPORARY.matcher(f.getFileName().toString()).matches()).toList();
        }
    }
}
