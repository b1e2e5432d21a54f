package dev.ganiqa.reports;

import dev.ganiqa.reports.model.Budget;
import dev.ganiqa.reports.model.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command that extends a comparison to twice its budget in the same run folder: the recorded command line
 * with its budget replaced. Rerunning {@code compare} with a larger budget on the same axis continues every unit
 * from its checkpoint, so nothing is trained twice.
 */
public final class ExtendCommand {
    private ExtendCommand() {
    }

    /**
     * @param runDir the run folder as the user should type it, used when the recorded command had no {@code --out}
     */
    public static List<String> of(Provenance provenance, String runDir) {
        List<String> args = new ArrayList<>(provenance.commandLine());
        if (!args.isEmpty() && args.get(0).equals("ganiqa")) {
            args.remove(0);
        }
        String out = runDir;
        List<String> kept = new ArrayList<>(List.of("ganiqa"));
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean valued = i + 1 < args.size();
            if ((a.equals("--epochs") || a.equals("--budget")) && valued) {
                i++;
            } else if (a.equals("--out") && valued) {
                out = args.get(++i);
            } else {
                kept.add(a);
            }
        }
        kept.add("--budget");
        kept.add(doubled(provenance.budget()));
        kept.add("--out");
        kept.add(out);
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
