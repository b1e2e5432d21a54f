package dev.ganiqa.harness.cli;

import com.beust.jcommander.Parameter;

/** Options every subcommand accepts. */
public abstract class BaseCommand implements Command {
    @Parameter(names = {"--help", "-h"}, help = true, description = "Show this command's options")
    public boolean help;

    @Parameter(names = "--verbose", description = "Print stack traces on errors")
    public boolean verbose;
}
