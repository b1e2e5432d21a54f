package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.harness.compare.stats.SeedStatistics;
import dev.ganiqa.reports.model.Provenance;
import dev.ganiqa.reports.model.ResultsJson;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.trainers.Budget;
import dev.ganiqa.trainers.GanVariants;
import dev.ganiqa.trainers.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules for continuing a comparison from what its run folder records: which units are finished and what is
 * left of the others' budget, the units a killed run's workers finished after the last results.json, and the
 * refusals (other data, other recipes) that keep one comparison from mixing two. {@link Comparison} keeps the loop.
 */
final class Continuation {
    private final CompareConfig config;
    private final Path runDir;
    private final List<String> commandLine;

    Continuation(CompareConfig config, Path runDir, List<String> commandLine) {
        this.config = config;
        this.runDir = runDir;
        this.commandLine = List.copyOf(commandLine);
    }

    /** The statistics across seeds of {@code r}, with what it lacks of {@code plan} recorded first. */
    static RunResults statistics(RunResults r, Plan plan) {
        return SeedStatistics.apply(PlannedUnits.record(r, plan));
    }

    /** Seeds outer, variants inner, as the plan lists the units (units of other seeds or variants last). */
    Comparator<UnitResult> planOrder() {
        return Comparator.comparingInt((UnitResult u) -> position(config.seeds(), u.seed()))
                .thenComparingInt(u -> position(config.variants(), u.variant()));
    }

    private static <T> int position(List<T> list, T value) {
        int i = list.indexOf(value);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** The plan's units that still need work, by what {@code results} records (all of them when it is null). */
    List<Plan.Entry> left(Plan plan, RunResults recorded) {
        return plan.units().stream().filter(e -> recorded == null
                || recorded.unit(e.variant(), e.seed()).map(u -> !finished(u)).orElse(true)).toList();
    }

    /**
     * Units that a killed parallel run's workers finished after its coordinator wrote results.json for the last
     * time: their unit.json is newer than what results.json records; a finished one is taken as it is.
     */
    RunResults mergeUnitFiles(RunResults results, Plan plan) throws IOException {
        RunResults out = results;
        for (Plan.Entry e : left(plan, results)) {
            Optional<UnitFile> file = UnitFile.read(runDir, e.name());
            if (file.isPresent() && finished(file.get().result())) {
                out = statistics(out.withUnit(file.get().result()).withUnitsSorted(planOrder())
                        .withProvenance(out.provenance()
                        .withExecution((out.provenance().execution() == null ? Comparison.LOCAL : out.provenance().execution())
                                .withUnit(e.name(), file.get().node(), file.get().threads()))), plan);
            }
        }
        return out;
    }

    /** The share of its training an OK unit recorded under an earlier (smaller) budget has left under this one. */
    double share(UnitResult unit) {
        if (unit.training() == null) {
            return 1.0;
        }
        return share(unit.training().epochs(), unit.training().generatorSteps(), unit.training().wallSeconds());
    }

    /**
     * The share of training left to a unit that stopped without a result (a killed run) at its last checkpoint in
     * {@code trainDir}: 1 when it has none.
     */
    double shareFromCheckpoint(Path trainDir) {
        return Trainer.checkpointed(trainDir)
                .map(s -> share(s.epoch(), s.generatorSteps(), s.wallSeconds())).orElse(1.0);
    }

    private double share(int epochs, long generatorSteps, double wallSeconds) {
        Budget b = config.budget();
        double done = switch (b.kind()) {
            case EPOCHS -> epochs / (double) b.epochs();
            case GENERATOR_STEPS -> generatorSteps / (double) b.generatorSteps();
            case TIME -> wallSeconds / (b.minutes() * 60.0);
        };
        // The share itself, however small: a unit's evaluation is forecast apart from its training
        // (Estimate.unitSeconds).
        return Math.max(0.0, Math.min(1.0, 1.0 - done));
    }

    /**
     * Whether a recorded unit needs no more work: a diverged one stays diverged; an OK one is done once it reached
     * the budget (an extended comparison continues it); a failed one is tried again.
     */
    boolean finished(UnitResult unit) {
        return switch (unit.status()) {
            case DIVERGED -> true;
            case FAILED -> false;
            case OK -> unit.training() == null || config.budget().reached(unit.training().epochs(),
                    unit.training().generatorSteps(), unit.training().wallSeconds());
        };
    }

    /**
     * Continuing on other images would mix two datasets in one comparison: the checksum of the splits as read now
     * must equal the one recorded when the comparison began.
     */
    void checkSameData(RunResults earlier, ImageDataset train, ImageDataset validation, ImageDataset test) {
        String recorded = earlier.provenance().dataset().sha256();
        String now = ProvenanceFactory.sha256(train, validation, test);
        if (!now.equals(recorded)) {
            throw new RunFolder.RunFolderException(runDir + ": expected the data the comparison began with ("
                    + config.dataSpec() + ", sha256 " + abbreviate(recorded) + " in " + ResultsJson.FILE_NAME
                    + "), found other images (sha256 " + abbreviate(now) + "); use another --out for a new comparison");
        }
    }

    /**
     * Units not yet trained take the variants' current defaults: when those changed since the comparison began (a
     * newer ganiqa), continuing would mix two recipes under one variant name. Trained units resume from their own
     * config.json either way.
     */
    void checkSameRecipes(RunResults earlier) {
        Map<String, Map<String, Object>> recorded = earlier.provenance().variantConfigs();
        for (String name : config.variants()) {
            Map<String, Object> then = recorded.get(name);
            if (then == null) {
                continue;
            }
            List<String> changed = Overrides.differences(then, Overrides.apply(GanVariants.get(name), config.settings()));
            if (!changed.isEmpty()) {
                throw new RunFolder.RunFolderException(runDir + ": expected " + name + "'s hyper-parameters the "
                        + "comparison began with (" + ResultsJson.FILE_NAME + "), found other defaults: "
                        + String.join(", ", changed) + " (the ganiqa that began it had other defaults); finish it with "
                        + "that version or use another --out");
            }
        }
    }

    private static String abbreviate(String sha) {
        return sha == null ? "none" : sha.substring(0, Math.min(12, sha.length()));
    }

    /** The provenance of an extended comparison: the new budget and command, unfinished until it ends. */
    Provenance extended(Provenance p) {
        return p.extendedTo(ResultsMapping.budget(config), commandLine);
    }
}
