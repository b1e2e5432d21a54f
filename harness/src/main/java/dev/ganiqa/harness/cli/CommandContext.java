package dev.ganiqa.harness.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Where a command writes: results to {@code out}, progress and notices to {@code err}; {@code args} is the
 * command line as given, for provenance.
 */
public record CommandContext(PrintStream out, PrintStream err, boolean verbose, List<String> args) {
    public CommandContext {
        args = List.copyOf(args);
    }

    public void notice(String message) {
        err.println("ganiqa: " + message);
    }
}
