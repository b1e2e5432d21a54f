package dev.ganiqa.reports.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How a run was made, enough to repeat it and to refuse to compare it with an incompatible one.
 *
 * @param ganiqaVersion  project version
 * @param dataset        data and splits
 * @param variantConfigs variant name to its hyper-parameter record, flattened to a map (name, value)
 * @param seeds          the seeds every variant ran with
 * @param budget         the equal budget
 * @param extractor      the feature extractor all extractor-based metrics used
 * @param environment    machine and library versions
 * @param startedAt      wall clock at start
 * @param finishedAt     wall clock at end (null while running)
 * @param wallSeconds    total wall time
 * @param commandLine    the arguments as given
 * @param earlierBudgets the budgets this comparison ran to before it was extended, oldest first (empty if never)
 * @param execution      where the units ran: executor, scheduler job ids, each unit's node (null in files
 *                       written before it was recorded)
 * @param tuning         the search that chose the variants' tuned settings ({@code compare --tuned}), or null
 */
public record Provenance(String ganiqaVersion, DatasetInfo dataset, Map<String, Map<String, Object>> variantConfigs,
                         List<Long> seeds, Budget budget, ExtractorInfo extractor, Environment environment,
                         Instant startedAt, Instant finishedAt, double wallSeconds, List<String> commandLine, Execution execution,
                         List<Budget> earlierBudgets, Tuning tuning) {
    public Provenance {
        earlierBudgets = earlierBudgets == null ? List.of() : List.copyOf(earlierBudgets);
        Checks.text(ganiqaVersion, "ganiqaVersion");
        Checks.present(dataset, "dataset");
        Checks.present(extractor, "extractor");
        Checks.present(budget, "budget");
        variantConfigs = Checks.map(variantConfigs);
        seeds = Checks.list(seeds);
        commandLine = Checks.list(commandLine);
    }

    public Provenance(String ganiqaVersion, DatasetInfo dataset, Map<String, Map<String, Object>> variantConfigs,
                      List<Long> seeds, Budget budget, ExtractorInfo extractor, Environment environment,
                      Instant startedAt, Instant finishedAt, double wallSeconds, List<String> commandLine,
                      Execution execution, List<Budget> earlierBudgets) {
        this(ganiqaVersion, dataset, variantConfigs, seeds, budget, extractor, environment, startedAt, finishedAt,
                wallSeconds, commandLine, execution, earlierBudgets, null);
    }

    /** Without a recorded execution (files and callers from before it was recorded). */
    public Provenance(String ganiqaVersion, DatasetInfo dataset, Map<String, Map<String, Object>> variantConfigs,
                      List<Long> seeds, Budget budget, ExtractorInfo extractor, Environment environment,
                      Instant startedAt, Instant finishedAt, double wallSeconds, List<String> commandLine) {
        this(ganiqaVersion, dataset, variantConfigs, seeds, budget, extractor, environment, startedAt, finishedAt,
                wallSeconds, commandLine, null, List.of());
    }

    /** Without the budgets of earlier extensions (files and callers from before they were recorded). */
    public Provenance(String ganiqaVersion, DatasetInfo dataset, Map<String, Map<String, Object>> variantConfigs,
                      List<Long> seeds, Budget budget, ExtractorInfo extractor, Environment environment,
                      Instant startedAt, Instant finishedAt, double wallSeconds, List<String> commandLine,
                      Execution execution) {
        this(ganiqaVersion, dataset, variantConfigs, seeds, budget, extractor, environment, startedAt, finishedAt,
                wallSeconds, commandLine, execution, List.of());
    }

    public Provenance withExecution(Execution e) {
        return new Provenance(ganiqaVersion, dataset, variantConfigs, seeds, budget, extractor, environment, startedAt,
                finishedAt, wallSeconds, commandLine, e, earlierBudgets, tuning);
    }

    public Provenance withTuning(Tuning t) {
        return new Provenance(ganiqaVersion, dataset, variantConfigs, seeds, budget, extractor, environment, startedAt,
                finishedAt, wallSeconds, commandLine, execution, earlierBudgets, t);
    }

    public Provenance withTimes(Instant finished, double wall) {
        return new Provenance(ganiqaVersion, dataset, variantConfigs, seeds, budget, extractor, environment, startedAt,
                finished, wall, commandLine, execution, earlierBudgets, tuning);
    }

    /** The provenance of this comparison extended to {@code next}: the current budget joins the earlier ones. */
    public Provenance extendedTo(Budget next, List<String> command) {
        List<Budget> earlier = new java.util.ArrayList<>(earlierBudgets);
        earlier.add(budget);
        return new Provenance(ganiqaVersion, dataset, variantConfigs, seeds, next, extractor, environment, startedAt,
                null, wallSeconds, command, execution, earlier, tuning);
    }
}
