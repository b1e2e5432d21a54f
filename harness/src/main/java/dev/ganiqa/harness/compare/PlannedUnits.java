package dev.ganiqa.harness.compare;

import dev.ganiqa.harness.compare.stats.SeedStatistics;
import dev.ganiqa.reports.model.Budget;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitId;
import dev.ganiqa.reports.model.UnitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What results.json records of a run's plan: the planned units that have no result (a killed comparison, Slurm
 * tasks that never wrote their file) and the budget each unit was trained to. The report reads results.json alone,
 * so an incomplete run must say so there, not only in the run folder's plan.
 */
public final class PlannedUnits {
    private PlannedUnits() {
    }

    /** Whether {@code dir} is a run folder a comparison can continue: it holds the configuration compare.json. */
    public static boolean isRunFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(RunFolder.CONFIG));
    }

    /**
     * The plan of the comparison in {@code dir}: plan.json (parallel and Slurm runs), else the one compare.json
     * implies; empty for a folder without either (a bundle, a copy of results.json) or a tuning search's folder.
     */
    public static Optional<Plan> of(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(Plan.FILE))) {
            Plan plan = Plan.read(dir);
            return plan.validationOnly() ? Optional.empty() : Optional.of(plan);
        }
        return isRunFolder(dir) ? Optional.of(Plan.of(RunFolder.readConfig(dir))) : Optional.empty();
    }

    /**
     * {@code results} with the units of {@code plan} that have no result recorded as missing, and with the budget
     * of every unit recorded before it was written inferred from its training ({@link RunResults#budgetOf}).
     */
    public static RunResults record(RunResults results, Plan plan) {
        List<UnitId> missing = plan.units().stream().map(e -> new UnitId(e.variant(), e.seed()))
                .filter(id -> results.unit(id.variant(), id.seed()).isEmpty()).distinct().toList();
        RunResults out = results.withMissing(missing);
        for (UnitResult u : results.units()) {
            Budget reached = u.budget() == null ? out.budgetOf(u) : null;
            if (reached != null) {
                out = out.withUnit(u.withBudget(reached));
            }
        }
        return out;
    }

    /**
     * The results of the run in {@code dir} brought up to date with its plan before they are rendered or published,
     * statistics recomputed when that changed anything (a results.json written before missing units and budgets
     * were recorded); as they are when {@code dir} holds no plan.
     */
    public static RunResults refresh(RunResults results, Path dir) throws IOException {
        Optional<Plan> plan = of(dir);
        if (plan.isEmpty()) {
            return results;
        }
        RunResults recorded = record(results, plan.get());
        return recorded.equals(results) ? results : SeedStatistics.apply(recorded);
    }
}
