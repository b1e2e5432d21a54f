package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameters;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.cli.CommandGroup;
import java.util.List;

/** {@code ganiqa datasets info|export}. */
@Parameters(commandNames = "datasets", commandDescription = "Inspect and export datasets (info, export)")
public final class DatasetsCommand extends BaseCommand implements CommandGroup {
    @Override
    public List<Object> subcommands() {
        return List.of(new InfoCommand(), new ExportCommand());
    }

    @Override
    public int run(CommandContext context) {
        return 2;
    }
}
