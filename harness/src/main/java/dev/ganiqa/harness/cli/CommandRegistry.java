package dev.ganiqa.harness.cli;

import dev.ganiqa.harness.commands.CompareFeaturesCommand;
import dev.ganiqa.harness.commands.DatasetsCommand;
import dev.ganiqa.harness.commands.PublishCommand;
import dev.ganiqa.harness.commands.ReportCommand;
import dev.ganiqa.harness.commands.FidCommand;
import dev.ganiqa.harness.commands.MetricsCommand;
import dev.ganiqa.harness.commands.StatsCommand;
import dev.ganiqa.harness.commands.ExtractorCommand;
import dev.ganiqa.harness.commands.SampleCommand;
import dev.ganiqa.harness.commands.TrainCommand;
import java.util.List;
import java.util.function.Supplier;

/** The subcommands of {@code ganiqa}, in the order {@code --help} lists them. */
public final class CommandRegistry {
    private final List<Supplier<Object>> factories;

    public CommandRegistry(List<Supplier<Object>> factories) {
        this.factories = List.copyOf(factories);
    }

    /** Fresh command objects for one parse (JCommander fills their fields). */
    public List<Object> create() {
        return factories.stream().map(Supplier::get).toList();
    }

    public static CommandRegistry defaults() {
        return new CommandRegistry(List.of(
                DatasetsCommand::new,
                TrainCommand::new,
                SampleCommand::new,
                MetricsCommand::withDatasets,
                FidCommand::new,
                StatsCommand::new,
                CompareFeaturesCommand::new,
                ExtractorCommand::new,
                ReportCommand::new,
                PublishCommand::new));
    }
}
