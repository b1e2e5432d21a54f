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
 */
public record Provenance(String ganiqaVersion, DatasetInfo dataset, Map<String, Map<String, Object>> variantConfigs,
                         List<Long> seeds, Budget budget, ExtractorInfo extractor, Environment environment,
                         Instant startedAt, Instant finishedAt, double wallSeconds, List<String> commandLine) {
    public Provenance {
        Checks.text(ganiqaVersion, "ganiqaVersion");
        Checks.present(dataset, "dataset");
        Checks.present(extractor, "extractor");
        Checks.present(budget, "budget");
        variantConfigs = Checks.map(variantConfigs);
        seeds = Checks.list(seeds);
        commandLine = Checks.list(commandLine);
    }
}
