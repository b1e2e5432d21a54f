package dev.ganiqa.harness.compare;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a comparison's units run ({@code --executor}): chosen once, by type, from the option's text. LOCAL runs
 * them on this machine ({@link Comparison}, one process per unit when jobs run side by side: {@link LocalWorkers});
 * SLURM submits one array task per unit and a collect job ({@link dev.ganiqa.harness.compare.slurm.SlurmExecutor}); PRINT writes the same sbatch
 * scripts and commands and submits nothing.
 */
public enum ExecutorKind {
    LOCAL,
    SLURM,
    PRINT;

    /** The option's spelling, e.g. {@code slurm}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the units run through Slurm's sbatch scripts (submitted or printed). */
    public boolean scripted() {
        return this != LOCAL;
    }

    /** The kind named {@code text}, or an error naming the choices. */
    public static ExecutorKind parse(String text) {
        for (ExecutorKind k : values()) {
            if (k.label().equals(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException("expected --executor " + String.join(", ",
                Arrays.stream(values()).map(ExecutorKind::label).toList()).replaceFirst(", (\\w+)$", " or $1")
                + ", found '" + text + "'");
    }
}
