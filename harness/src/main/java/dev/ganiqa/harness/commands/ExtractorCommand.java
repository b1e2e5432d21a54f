package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameters;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.cli.CommandGroup;
import java.util.List;

/** {@code ganiqa extractor train}: feature extractors for the metrics. */
@Parameters(commandNames = "extractor", commandDescription = "Feature extractors for FID/KID/IS (train, bench, check)")
public final class ExtractorCommand extends BaseCommand implements CommandGroup {
    @Override
    public List<Object> subcommands() {
        return List.of(new ExtractorTrainCommand(), new ExtractorBenchCommand(), new ExtractorCheckCommand(), new ExtractorUnionCommand());
    }

    @Override
    public int run(CommandContext context) {
        return 2;
    }
}
