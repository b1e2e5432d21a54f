package dev.ganiqa.harness.commands;

import dev.ganiqa.datasets.AtomicFiles;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.compare.PlannedUnits;
import dev.ganiqa.harness.cli.OutputPaths;
import dev.ganiqa.reports.html.HtmlReport;
import dev.ganiqa.reports.html.MarkdownReport;
import dev.ganiqa.reports.html.ReportWriter;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ganiqa report RUN_DIR [--format html|markdown] [--out FILE]}: re-renders a run's report from its
 * results.json alone: the self-contained HTML page, or the same tables as Markdown for a README or a pull request.
 */
@Parameters(commandNames = "report", commandDescription = "Render a run's report (HTML or Markdown) from RUN_DIR/results.json")
public final class ReportCommand extends BaseCommand {
    @Parameter(description = "RUN_DIR")
    public List<String> runDirs = new ArrayList<>();

    @Parameter(names = "--out", description = "Report file to write (default RUN_DIR/report.html or report.md)")
    public String out;

    @Parameter(names = "--format", description = "html (the page with grids and charts) or markdown (the tables)")
    public String format = "html";

    @Override
    public int run(CommandContext context) {
        if (runDirs.size() != 1) {
            throw CliException.usage("report", "expected one RUN_DIR, found " + runDirs.size());
        }
        ReportWriter writer = switch (format) {
            case "html" -> new HtmlReport();
            case "markdown" -> new MarkdownReport();
            default -> throw CliException.usage("--format", "expected html or markdown, found '" + format + "'");
        };
        Path runDir = Path.of(runDirs.get(0));
        Path target = out != null ? Path.of(out) : runDir.resolve(format.equals("html") ? "report.html" : "report.md");
        Path folder = Files.isDirectory(runDir) ? runDir : runDir.toAbsolutePath().getParent();
        try {
            OutputPaths.file("report", target.toString());
            ReportTarget.check(folder, target);
            // A results.json written before missing units were recorded still reports its run as incomplete.
            RunResults results = PlannedUnits.refresh(ResultsJson.read(runDir), folder);
            // Commands in the report name the run folder as it is now (it may have been copied or moved); a folder
            // without the run's configuration (a bundle) is none to continue, so they name the recorded one.
            writer.write(results, folder, PlannedUnits.isRunFolder(folder) ? folder : null, target, AtomicFiles::write);
        } catch (IOException e) {
            throw new CliException("report", e.getMessage(), 1, e);
        }
        context.out().println(target);
        return 0;
    }
}
