package dev.ganiqa.harness.cli;

import java.util.List;
import java.util.function.Supplier;

/**
 * Subcommands in the order {@code --help} lists them. The command line's own list is
 * {@code dev.ganiqa.harness.Commands#registry()}: the cli package knows no command (no package cycle).
 */
public final class CommandRegistry {
    private final List<Supplier<Object>> factories;

    public CommandRegistry(List<Supplier<Object>> factories) {
        this.factories = List.copyOf(factories);
    }

    /** Fresh command objects for one parse (JCommander fills their fields). */
    public List<Object> create() {
        return factories.stream().map(Supplier::get).toList();
    }
}
