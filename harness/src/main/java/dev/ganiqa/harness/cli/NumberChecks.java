package dev.ganiqa.harness.cli;

import com.beust.jcommander.IParameterValidator;
import com.beust.jcommander.ParameterException;

/**
 * Range checks for numeric options, run by JCommander while parsing ({@code validateWith = NumberChecks.Positive.class}),
 * so a count like {@code --images -5} is a usage error (exit 2) saying "expected --images >= 1, found -5" before
 * any work starts, instead of a negative number flowing into the command.
 */
public final class NumberChecks {
    private NumberChecks() {
    }

    /** Counts and sizes: an integer >= 1. */
    public static final class Positive implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            atLeast(name, value, 1);
        }
    }

    /** Limits where 0 means "all" or "default", and indices: an integer >= 0. */
    public static final class NonNegative implements IParameterValidator {
        @Override
        public void validate(String name, String value) {
            atLeast(name, value, 0);
        }
    }

    static void atLeast(String name, String value, long min) {
        long v;
        try {
            v = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ParameterException("expected " + name + " to be an integer >= " + min + ", found '" + value + "'");
        }
        if (v < min) {
            throw new ParameterException("expected " + name + " >= " + min + ", found " + value);
        }
    }
}
