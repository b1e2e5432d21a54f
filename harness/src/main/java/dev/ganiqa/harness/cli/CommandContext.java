package dev.ganiqa.harness.cli;

import java.io.PrintStream;

/** Where a command writes: results to {@code out}, progress and notices to {@code err}. */
public record CommandContext(PrintStream out, PrintStream err, boolean verbose) {
    public void notice(String message) {
        err.println("ganiqa: " + message);
    }
}
