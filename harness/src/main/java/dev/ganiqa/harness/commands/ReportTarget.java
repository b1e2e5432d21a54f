package dev.ganiqa.harness.commands;

import dev.ganiqa.harness.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where {@code ganiqa report} may write. Everything in a run folder belongs to the run (results.json, compare.json,
 * plan.json, units/, shared/, slurm/, samples, checkpoints) except its reports, so a report written into the run
 * folder must be an {@code .html} or {@code .md} file; any other name there would replace the run's data with a
 * page, which no later command can undo. Paths are compared after links and {@code ..} are resolved, so
 * {@code RUN/x/../results.json} or a link to the run folder is recognised too.
 */
final class ReportTarget {
    private ReportTarget() {
    }

    /**
     * @param runFolder the folder of the run being reported (the RUN_DIR, or the folder of a results.json named)
     * @param target    the report file to write
     * @throws CliException (exit 1) naming {@code target} when it is not a report file of its own
     */
    static void check(Path runFolder, Path target) throws IOException {
        if (!Files.isDirectory(runFolder)) {
            return; // no run folder to protect: reading results.json fails next, naming it
        }
        Path folder = runFolder.toRealPath();
        Path where = resolved(target);
        String name = where.getFileName().toString().toLowerCase(Locale.ROOT);
        if (where.startsWith(folder) && !(name.endsWith(".html") || name.endsWith(".md"))) {
            throw new CliException("report", target + ": expected a report file (.html or .md) or a path outside "
                    + "the run folder " + runFolder + ", found " + (Files.exists(where, LinkOption.NOFOLLOW_LINKS)
                    ? "a file of the run's own" : "a path inside it") + " (a report never replaces a run's data)");
        }
    }

    /**
     * {@code target} absolute, resolved the way the OS will: the part that exists through its links and {@code ..}
     * ({@code toRealPath}), the rest (folders the writer will create) lexically. The file name itself is kept, as
     * the atomic writer replaces a link rather than writing through it.
     */
    private static Path resolved(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path existing = absolute.getParent();
        Path rest = absolute.getFileName();
        while (!Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        return existing.toRealPath().resolve(rest).normalize();
    }
}
