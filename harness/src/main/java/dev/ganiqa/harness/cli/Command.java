package dev.ganiqa.harness.cli;

/**
 * One {@code ganiqa} subcommand. Implementations are JCommander parameter objects annotated with
 * {@code @Parameters(commandNames = ..., commandDescription = ...)}, usually extending {@link BaseCommand}.
 */
public interface Command {
    /** Runs the command after its parameters were parsed; returns the exit code (0 success). */
    int run(CommandContext context) throws Exception;
}
