package dev.ganiqa.harness;

import dev.ganiqa.harness.cli.Cli;
import dev.ganiqa.harness.cli.Logging;


/** Entry point of the {@code ganiqa} command line; exit codes 0 success, 2 usage error, 1 failure. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Logging.quietLibraries();
        int code = new Cli(Commands.registry(), System.out, System.err).run(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
