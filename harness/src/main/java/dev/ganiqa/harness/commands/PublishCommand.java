package dev.ganiqa.harness.commands;

import dev.ganiqa.datasets.AtomicFiles;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.compare.PlannedUnits;
import dev.ganiqa.reports.model.Completeness;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.harness.cli.OutputPaths;
import dev.ganiqa.reports.site.SitePublisher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ganiqa publish RUN_DIR... --site DIR}: adds runs to a static site with leaderboards. An incomplete run
 * (planned units missing, or behind its budget) would put the variants that finished on a leaderboard as if they
 * were the comparison's answer, so it is refused unless {@code --allow-incomplete}; the site then marks it.
 */
@Parameters(commandNames = "publish", commandDescription = "Publish runs to a static site (index, leaderboards, reports)")
public final class PublishCommand extends BaseCommand {
    @Parameter(description = "RUN_DIR...")
    public List<String> runDirs = new ArrayList<>();

    @Parameter(names = "--site", description = "Site folder (created if missing; existing runs are kept)",
            required = true)
    public String site;

    @Parameter(names = "--allow-incomplete", description = "Publish runs with planned units missing or behind the "
            + "budget too; the site marks them incomplete and ranks none of their variants")
    public boolean allowIncomplete;

    @Override
    public int run(CommandContext context) {
        if (runDirs.isEmpty()) {
            throw CliException.usage("publish", "expected at least one RUN_DIR, found none");
        }
        Path siteDir = OutputPaths.folder("publish", Path.of(site));
        List<Path> pages;
        try {
            Map<Path, RunResults> runs = new LinkedHashMap<>();
            for (String name : runDirs) {
                Path dir = Path.of(name);
                Path folder = Files.isDirectory(dir) ? dir : dir.toAbsolutePath().getParent();
                RunResults results = PlannedUnits.refresh(ResultsJson.read(dir), folder);
                Completeness c = Completeness.of(results);
                if (!c.complete() && !allowIncomplete) {
                    throw new CliException("publish", dir + ": expected a complete run, found " + c.describe()
                            + " (finish it with compare on this folder, or publish it marked incomplete with "
                            + "--allow-incomplete)");
                }
                runs.put(dir, results);
            }
            pages = new SitePublisher(AtomicFiles::write).publish(runs, siteDir);
        } catch (IOException e) {
            throw new CliException("publish", e.getMessage(), 1, e);
        }
        pages.forEach(context.out()::println);
        context.out().println(siteDir.resolve(SitePublisher.PAGE));
        return 0;
    }
}
