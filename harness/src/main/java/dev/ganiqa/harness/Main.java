package dev.ganiqa.harness;

import dev.ganiqa.harness.cli.Cli;
import dev.ganiqa.harness.cli.CommandRegistry;

/** Entry point of the {@code ganiqa} command line; exit codes 0 success, 2 usage error, 1 failure. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = new Cli(CommandRegistry.defaults(), System.out, System.err).run(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
