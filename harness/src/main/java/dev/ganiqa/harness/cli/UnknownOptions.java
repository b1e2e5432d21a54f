package dev.ganiqa.harness.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterDescription;
import com.beust.jcommander.WrappedParameter;
import java.util.List;
import java.util.Optional;

/**
 * Finds an option no command on the command line declares. JCommander itself words this three ways, depending on
 * the command: a command with a main parameter takes {@code --bogus} as one more input (so {@code fid --bogus a b}
 * failed later as "found 3 inputs"), one without says "Was passed main parameter '--bogus' but no main parameter
 * was defined in your arg class", and a missing required option is reported first. Scanning the arguments the way
 * JCommander walks them gives every command one answer. Run after {@code parse} (failed or not): only then does
 * JCommander list the root's own options.
 */
final class UnknownOptions {
    /** The option as typed, and the command it was given to ({@code ganiqa datasets info}). */
    record Unknown(String option, String command) {
    }

    private UnknownOptions() {
    }

    /**
     * Walks {@code args} from {@code root}: a command name selects that subcommand, a known option skips the
     * values it takes, anything else is an input; the first argument that looks like an option ({@code -x},
     * {@code --xyz}; a lone "-" is not one) and is none of the current command's is returned.
     */
    static Optional<Unknown> find(JCommander root, List<String> args) {
        JCommander current = root;
        StringBuilder command = new StringBuilder("ganiqa");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            JCommander sub = current.getCommands().get(arg);
            if (sub != null) {
                current = sub;
                command.append(' ').append(arg);
            } else if (arg.length() > 1 && arg.startsWith("-")) {
                ParameterDescription option = option(current, arg);
                if (option == null) {
                    return Optional.of(new Unknown(arg, command.toString()));
                }
                i += values(option);
            }
        }
        return Optional.empty();
    }

    private static ParameterDescription option(JCommander commander, String name) {
        for (ParameterDescription d : commander.getParameters()) {
            if (List.of(d.getParameter().names()).contains(name)) {
                return d;
            }
        }
        return null;
    }

    /** How many of the following arguments the option consumes: its arity, else 0 for a flag and 1 otherwise. */
    private static int values(ParameterDescription option) {
        WrappedParameter p = option.getParameter();
        if (p.arity() >= 0) {
            return p.arity();
        }
        Class<?> type = option.getParameterized().getType();
        return type == boolean.class || type == Boolean.class ? 0 : 1;
    }
}
