package dev.ganiqa.reports.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an incomplete run lacks, in the words the verdict, the report and {@code publish} share: planned units
 * without a result, and OK units behind the run's budget (an extension stopped before it continued them).
 *
 * @param planned the units of the plan: those recorded and those missing
 * @param missing planned units without a result
 * @param behind  OK units trained to an earlier budget, each with that budget
 * @param budget  the run's budget
 */
public record Completeness(int planned, List<UnitId> missing, List<Behind> behind, Budget budget) {
    /** A unit behind the run's budget and the budget it reached. */
    public record Behind(UnitId unit, Budget reached) {
    }

    public Completeness {
        missing = Checks.list(missing);
        behind = Checks.list(behind);
    }

    public static Completeness of(RunResults results) {
        Set<UnitId> all = new LinkedHashSet<>();
        results.units().forEach(u -> all.add(UnitId.of(u)));
        all.addAll(results.missing());
        List<Behind> behind = results.behind().stream()
                .map(u -> new Behind(UnitId.of(u), results.budgetOf(u))).toList();
        return new Completeness(all.size(), results.missing(), behind, results.provenance().budget());
    }

    public boolean complete() {
        return missing.isEmpty() && behind.isEmpty();
    }

    /**
     * E.g. "3 of 4 planned units have no result (dcgan-seed2, wgan-seed1, wgan-seed2); 1 unit is behind the run's
     * budget of 2 epochs (dcgan-seed1 at 1 epoch)"; empty when complete.
     */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (!missing.isEmpty()) {
            b.append(missing.size()).append(" of ").append(planned).append(" planned units ")
                    .append(missing.size() == 1 ? "has" : "have").append(" no result (")
                    .append(missing.stream().map(UnitId::name).collect(Collectors.joining(", "))).append(')');
        }
        if (!behind.isEmpty()) {
            b.append(b.isEmpty() ? "" : "; ").append(behind.size())
                    .append(behind.size() == 1 ? " unit is" : " units are")
                    .append(" behind the run's budget of ").append(budget.describe()).append(" (")
                    .append(behind.stream().map(x -> x.unit().name() + " at " + x.reached().describe())
                            .collect(Collectors.joining(", "))).append(')');
        }
        return b.toString();
    }
}
