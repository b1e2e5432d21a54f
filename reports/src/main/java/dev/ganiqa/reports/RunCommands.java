package dev.ganiqa.reports;

import dev.ganiqa.reports.model.Budget;
import dev.ganiqa.reports.model.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Commands that continue a comparison in its run folder, made from the recorded command line: {@link #of} extends it
 * to twice its budget (every unit continues from its checkpoint, nothing is trained twice), {@link #finish} runs
 * what an interrupted run left undone. Both name the run folder as the caller sees it now, never the recorded
 * {@code --out}: a copied or moved folder would otherwise be sent back to the original.
 */
public final class RunCommands {
    private RunCommands() {
    }

    /** @param runDir the run folder as the user should type it now; replaces any recorded {@code --out} */
    public static List<String> of(Provenance provenance, String runDir) {
        List<String> args = rewrite(provenance, runDir, true);
        args.addAll(args.size() - 2, List.of("--budget", doubled(provenance.budget())));
        return args;
    }

    /** The recorded command on {@code runDir}: a rerun trains and evaluates only what has no result yet. */
    public static List<String> finish(Provenance provenance, String runDir) {
        return rewrite(provenance, runDir, false);
    }

    /** The {@code --out} of the recorded command, or null: where the run was made, for a page away from it. */
    public static String recordedFolder(Provenance provenance) {
        List<String> args = provenance.commandLine();
        String out = null;
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--out")) {
                out = args.get(++i);
            }
        }
        return out;
    }

    /** The recorded arguments after "ganiqa", without --out (and the budget when {@code dropBudget}), then --out. */
    private static List<String> rewrite(Provenance provenance, String runDir, boolean dropBudget) {
        List<String> args = new ArrayList<>(provenance.commandLine());
        if (!args.isEmpty() && args.get(0).equals("ganiqa")) {
            args.remove(0);
        }
        List<String> kept = new ArrayList<>(List.of("ganiqa"));
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean valued = i + 1 < args.size();
            if (dropBudget && (a.equals("--epochs") || a.equals("--budget")) && valued || a.equals("--out") && valued) {
                i++;
            } else {
                kept.add(a);
            }
        }
        kept.add("--out");
        kept.add(runDir);
        return kept;
    }

    static String doubled(Budget b) {
        return switch (b.kind()) {
            case Budget.GENERATOR_STEPS -> Budget.GENERATOR_STEPS + ":" + 2 * b.generatorSteps();
            case Budget.TIME -> Budget.TIME + ":" + String.format(Locale.ROOT, "%s", 2 * b.minutes());
            default -> Budget.EPOCHS + ":" + 2 * b.epochs();
        };
    }

    /** The arguments as one shell line, quoting what a shell would split or expand. */
    public static String shell(List<String> args) {
        return String.join(" ", args.stream()
                .map(a -> a.matches("[A-Za-z0-9_./:=,@+-]+") ? a : "'" + a.replace("'", "'\\''") + "'").toList());
    }
}
