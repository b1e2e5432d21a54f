package dev.ganiqa.harness;

import dev.ganiqa.harness.cli.CommandRegistry;
import dev.ganiqa.harness.commands.BundleCommand;
import dev.ganiqa.harness.commands.CollectCommand;
import dev.ganiqa.harness.commands.CompareCommand;
import dev.ganiqa.harness.commands.TuneCommand;
import dev.ganiqa.harness.commands.UnitCommand;
import dev.ganiqa.harness.commands.CompareFeaturesCommand;
import dev.ganiqa.harness.commands.DatasetsCommand;
import dev.ganiqa.harness.commands.ExtractorCommand;
import dev.ganiqa.harness.commands.FidCommand;
import dev.ganiqa.harness.commands.MetricsCommand;
import dev.ganiqa.harness.commands.PublishCommand;
import dev.ganiqa.harness.commands.ReportCommand;
import dev.ganiqa.harness.commands.SampleCommand;
import dev.ganiqa.harness.commands.FeaturesCommand;
import dev.ganiqa.harness.commands.StatsCommand;
import dev.ganiqa.harness.commands.TrainCommand;
import java.util.List;

/** The subcommands of {@code ganiqa}, in the order {@code --help} lists them. */
public final class Commands {
    private Commands() {
    }

    public static CommandRegistry registry() {
        return new CommandRegistry(List.of(
                CompareCommand::new,
                TuneCommand::new,
                UnitCommand::new,
                CollectCommand::new,
                DatasetsCommand::new,
                TrainCommand::new,
                SampleCommand::new,
                MetricsCommand::withDatasets,
                FidCommand::new,
                StatsCommand::new,
                FeaturesCommand::new,
                CompareFeaturesCommand::new,
                ExtractorCommand::new,
                ReportCommand::new,
                BundleCommand::new,
                PublishCommand::new));
    }
}
