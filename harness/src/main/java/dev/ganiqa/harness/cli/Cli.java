package dev.ganiqa.harness.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParameterException;
import dev.ganiqa.datasets.DatasetException;
import dev.ganiqa.metrics.io.MalformedFileException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Parses arguments, dispatches to a {@link Command}, and turns failures into one-line errors and exit codes. */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private final CommandRegistry registry;
    private final PrintStream out;
    private final PrintStream err;

    public Cli(CommandRegistry registry, PrintStream out, PrintStream err) {
        this.registry = registry;
        this.out = out;
        this.err = err;
    }

    static final class GlobalOptions {
        @Parameter(names = {"--help", "-h"}, help = true, description = "List the subcommands")
        boolean help;

        @Parameter(names = "--verbose", description = "Print stack traces on errors")
        boolean verbose;
    }

    public int run(String... args) {
        GlobalOptions global = new GlobalOptions();
        JCommander root = JCommander.newBuilder().programName("ganiqa").addObject(global).build();
        for (Object command : registry.create()) {
            root.addCommand(command);
            if (command instanceof CommandGroup group) {
                JCommander sub = root.getCommands().get(nameOf(command));
                for (Object child : group.subcommands()) {
                    sub.addCommand(child);
                }
            }
        }
        boolean verbose = List.of(args).contains("--verbose");
        // JCommander knows the root's options only once parse has begun; an unknown option is named whether
        // parse failed (on it, or on a required option it reports first) or took it for an input.
        try {
            root.parse(args);
        } catch (ParameterException e) {
            if (!unknownOption(root, args)) {
                err.println("ganiqa: usage: " + oneLine(e.getMessage()) + " (see ganiqa --help)");
            }
            return USAGE;
        }
        if (unknownOption(root, args)) {
            return USAGE;
        }
        JCommander selected = root;
        Object command = null;
        while (selected.getParsedCommand() != null) {
            selected = selected.getCommands().get(selected.getParsedCommand());
            command = selected.getObjects().get(0);
        }
        if (command == null) {
            if (global.help) {
                listCommands(root);
                return OK;
            }
            err.println("ganiqa: usage: no subcommand given (see ganiqa --help)");
            return USAGE;
        }
        if ((command instanceof BaseCommand base && base.help) || command instanceof CommandGroup) {
            usage(selected);
            return command instanceof BaseCommand b && b.help ? OK : USAGE;
        }
        String name = selected.getProgramName();
        CommandContext context = new CommandContext(out, err, verbose, List.of(args));
        try {
            return ((Command) command).run(context);
        } catch (CliException e) {
            report(e.exitCode() == USAGE ? "usage" : e.what(), e.getMessage(), e, verbose);
            return e.exitCode();
        } catch (ParameterException | IllegalArgumentException e) {
            report("usage", e.getMessage(), e, verbose);
            return USAGE;
        } catch (DatasetException e) {
            report("data", e.getMessage(), e, verbose);
            return FAILURE;
        } catch (MalformedFileException e) {
            // The file is wrong, not the command line: name it, exit 1.
            report(e.file(), e.problem(), e, verbose);
            return FAILURE;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof MalformedFileException m) {
                report(m.file(), m.problem(), e, verbose);
            } else {
                report(name, e.getCause().getMessage(), e, verbose);
            }
            return FAILURE;
        } catch (Exception | OutOfMemoryError e) {
            report(name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e, verbose);
            return FAILURE;
        }
    }

    /** Reports the first unknown option of {@code args} ({@link UnknownOptions}); false when there is none. */
    private boolean unknownOption(JCommander root, String[] args) {
        Optional<UnknownOptions.Unknown> unknown = UnknownOptions.find(root, List.of(args));
        unknown.ifPresent(u -> err.println("ganiqa: usage: unknown option " + u.option() + " (see " + u.command()
                + " --help)"));
        return unknown.isPresent();
    }

    private static String nameOf(Object command) {
        com.beust.jcommander.Parameters p = command.getClass().getAnnotation(com.beust.jcommander.Parameters.class);
        return p.commandNames()[0];
    }

    private void listCommands(JCommander root) {
        out.println("Usage: ganiqa [--verbose] COMMAND [options]   (ganiqa COMMAND --help for its options)");
        out.println();
        out.println("Commands:");
        root.getCommands().forEach((name, commander) -> out.printf("  %-18s %s%n", name,
                root.getUsageFormatter().getCommandDescription(name)));
    }

    private void usage(JCommander commander) {
        StringBuilder text = new StringBuilder();
        commander.getUsageFormatter().usage(text);
        out.print(text);
    }

    private void report(String what, String why, Throwable e, boolean verbose) {
        err.println("ganiqa: " + what + ": " + oneLine(why));
        if (verbose) {
            e.printStackTrace(err);
        }
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
