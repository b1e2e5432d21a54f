package dev.ganiqa.harness.cli;

import java.util.List;

/** A subcommand that only groups further subcommands, e.g. {@code ganiqa datasets info}. */
public interface CommandGroup {
    List<Object> subcommands();
}
