package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.datasets.AtomicFiles;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.compare.PlannedUnits;
import dev.ganiqa.harness.cli.OutputPaths;
import dev.ganiqa.reports.html.HtmlReport;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.site.SelfContained;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ganiqa bundle RUN_DIR --out DIR}: the part of a run worth keeping in a repository or sending to a
 * colleague: DIR/results.json with its sample grids embedded and DIR/report.html rendered from it. Samples and
 * checkpoints stay behind, so {@code ganiqa report DIR} and {@code ganiqa publish DIR} work from the folder alone.
 * Refuses a DIR that holds another run's results.json, so a bundle never replaces a different run.
 */
@Parameters(commandNames = "bundle",
        commandDescription = "Copy a run's results.json (grids embedded) and report.html to a self-contained folder")
public final class BundleCommand extends BaseCommand {
    @Parameter(description = "RUN_DIR")
    public List<String> runDirs = new ArrayList<>();

    @Parameter(names = "--out", required = true, description = "Folder to write results.json and report.html into")
    public String out;

    @Override
    public int run(CommandContext context) {
        if (runDirs.size() != 1) {
            throw CliException.usage("bundle", "expected one RUN_DIR, found " + runDirs.size());
        }
        Path runDir = Path.of(runDirs.get(0));
        Path folder = Files.isDirectory(runDir) ? runDir : runDir.toAbsolutePath().getParent();
        Path target = OutputPaths.folder("bundle", Path.of(out));
        Path results = target.resolve(ResultsJson.FILE_NAME);
        Path report = target.resolve("report.html");
        try {
            if (Files.isDirectory(target) && Files.isSameFile(folder, target)) {
                throw new IOException(target + ": expected a folder other than the run's own, found the run folder "
                        + "(the bundle would rewrite a results.json that compare may still be writing)");
            }
            RunResults bundled = SelfContained.of(PlannedUnits.refresh(ResultsJson.read(runDir), folder), folder);
            refuseOtherRun(results, bundled);
            // Both files are made in memory before either is written, the page from the bytes as written, so
            // `ganiqa report DIR` renders the same page later and a failure leaves no half-made pair.
            byte[] json = ResultsJson.toBytes(bundled);
            byte[] html = new HtmlReport().render(ResultsJson.parse(json, results), null)
                    .getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(results, json);
            AtomicFiles.write(report, html);
            context.out().println(results);
            context.out().println(report);
        } catch (IOException e) {
            throw new CliException("bundle", e.getMessage(), 1, e);
        }
        return 0;
    }

    /** The same run (id and start) may be bundled again, e.g. after it was extended; another run may not. */
    private static void refuseOtherRun(Path existing, RunResults run) throws IOException {
        if (!Files.exists(existing)) {
            return;
        }
        RunResults there = ResultsJson.read(existing);
        if (!there.sameRun(run)) {
            throw new IOException(existing + ": expected no results.json or one of run " + run.runId()
                    + ", found run " + there.runId() + " (choose another --out)");
        }
    }
}
