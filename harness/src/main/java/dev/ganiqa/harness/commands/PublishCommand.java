package dev.ganiqa.harness.commands;

import dev.ganiqa.datasets.AtomicFiles;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.cli.OutputPaths;
import dev.ganiqa.reports.site.SitePublisher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ganiqa publish RUN_DIR... --site DIR}: adds runs to a static site with leaderboards. */
@Parameters(commandNames = "publish", commandDescription = "Publish runs to a static site (index, leaderboards, reports)")
public final class PublishCommand extends BaseCommand {
    @Parameter(description = "RUN_DIR...")
    public List<String> runDirs = new ArrayList<>();

    @Parameter(names = "--site", description = "Site folder (created if missing; existing runs are kept)",
            required = true)
    public String site;

    @Override
    public int run(CommandContext context) {
        if (runDirs.isEmpty()) {
            throw CliException.usage("publish", "expected at least one RUN_DIR, found none");
        }
        Path siteDir = OutputPaths.folder("publish", Path.of(site));
        List<Path> pages;
        try {
            pages = new SitePublisher(AtomicFiles::write).publish(runDirs.stream().map(Path::of).toList(), siteDir);
        } catch (IOException e) {
            throw new CliException("publish", e.getMessage(), 1, e);
        }
        pages.forEach(context.out()::println);
        context.out().println(siteDir.resolve(SitePublisher.PAGE));
        return 0;
    }
}
