package dev.ganiqa.reports.model;

import java.util.List;

/**
 * Everything one {@code ganiqa compare} run produced: the root of results.json and the report's only input.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written; readers refuse newer major versions
 * @param runId         stable id, e.g. {@code 20261122-143551-fashion-mnist}; names the run's folder on a site
 * @param provenance    how the numbers were made
 * @param metrics       the metric ids used in this file with their direction (written by the pipeline from the metrics module's definitions)
 * @param units         one entry per (variant, seed), including diverged and failed ones
 * @param reference     the real-data row (test split vs train split through the same pipeline); may be null
 * @param variants      per-variant aggregates across seeds, in the pipeline's variant order
 * @param tests         pairwise tests between variants, already Holm-corrected
 * @param verdict       the one-sentence answer; may be null until statistics ran
 * @param claims        the study's claims answered from the units (empty until statistics ran)
 * @param missing       the planned units that have no result yet, in the plan's order (empty when every planned
 *                      unit has one, and in files written before it was recorded); a run with missing units is
 *                      incomplete ({@link #incomplete()})
 */
public record RunResults(int schemaVersion, String runId, Provenance provenance, List<MetricInfo> metrics,
                         List<UnitResult> units, RealReference reference, List<VariantSummary> variants,
                         List<PairwiseTest> tests, Verdict verdict, List<Claim> claims, List<UnitId> missing) {
    public static final int SCHEMA_VERSION = 1;

    public RunResults {
        if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion: expected 1.." + SCHEMA_VERSION + ", found "
                    + schemaVersion);
        }
        Checks.text(runId, "runId");
        Checks.present(provenance, "provenance");
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        units = Checks.list(units);
        variants = Checks.list(variants);
        tests = Checks.list(tests);
        claims = Checks.list(claims);
        missing = Checks.list(missing);
    }

    /** Without missing units (callers and files from before they were recorded). */
    public RunResults(int schemaVersion, String runId, Provenance provenance, List<MetricInfo> metrics,
                      List<UnitResult> units, RealReference reference, List<VariantSummary> variants,
                      List<PairwiseTest> tests, Verdict verdict, List<Claim> claims) {
        this(schemaVersion, runId, provenance, metrics, units, reference, variants, tests, verdict, claims, List.of());
    }

    public RunResults(int schemaVersion, String runId, Provenance provenance, List<MetricInfo> metrics,
                      List<UnitResult> units, RealReference reference, List<VariantSummary> variants,
                      List<PairwiseTest> tests, Verdict verdict) {
        this(schemaVersion, runId, provenance, metrics, units, reference, variants, tests, verdict, List.of());
    }

    /** A copy with the study's claims answered. */
    public RunResults withClaims(List<Claim> claims) {
        return new RunResults(schemaVersion, runId, provenance, metrics, units, reference, variants, tests, verdict,
                claims, missing);
    }

    /** The metric's description from {@link #metrics()}, or a neutral one for an id it does not list. */
    public MetricInfo metric(String id) {
        return MetricCatalog.find(metrics, id)
                .orElseGet(() -> new MetricInfo(id, id, Direction.NEUTRAL, false, ""));
    }

    /** True when {@code other} is this run (same id and start), e.g. written again after it was extended. */
    public boolean sameRun(RunResults other) {
        return runId.equals(other.runId())
                && java.util.Objects.equals(provenance.startedAt(), other.provenance().startedAt());
    }

    /** The recorded unit of (variant, seed), if any: a resumed run skips units already recorded. */
    public java.util.Optional<UnitResult> unit(String variant, long seed) {
        return units.stream().filter(u -> u.variant().equals(variant) && u.seed() == seed).findFirst();
    }

    /** A copy with {@code unit} added, or replacing the unit of the same (variant, seed) in place. */
    public RunResults withUnit(UnitResult unit) {
        List<UnitResult> next = new java.util.ArrayList<>(units);
        int at = -1;
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).variant().equals(unit.variant()) && next.get(i).seed() == unit.seed()) {
                at = i;
            }
        }
        if (at >= 0) {
            next.set(at, unit);
        } else {
            next.add(unit);
        }
        // A unit with a result is no longer missing.
        List<UnitId> left = missing.stream().filter(m -> !m.equals(UnitId.of(unit))).toList();
        return new RunResults(schemaVersion, runId, provenance, metrics, next, reference, variants, tests, verdict,
                claims, left);
    }

    /**
     * A copy with the units in {@code order} (units of a parallel comparison finish in any order; results.json keeps
     * the plan's).
     */
    public RunResults withUnitsSorted(java.util.Comparator<UnitResult> order) {
        List<UnitResult> next = new java.util.ArrayList<>(units);
        next.sort(order);
        return new RunResults(schemaVersion, runId, provenance, metrics, next, reference, variants, tests, verdict,
                claims, missing);
    }

    /** A copy with the real-data row set. */
    public RunResults withReference(RealReference reference) {
        return new RunResults(schemaVersion, runId, provenance, metrics, units, reference, variants, tests, verdict,
                claims, missing);
    }

    /** A copy with new provenance (e.g. the end time and wall time once the run finished). */
    public RunResults withProvenance(Provenance provenance) {
        return new RunResults(schemaVersion, runId, provenance, metrics, units, reference, variants, tests, verdict,
                claims, missing);
    }

    /** A copy with the statistics across seeds replaced. */
    public RunResults withStatistics(List<VariantSummary> variants, List<PairwiseTest> tests, Verdict verdict) {
        return new RunResults(schemaVersion, runId, provenance, metrics, units, reference, variants, tests, verdict,
                claims, missing);
    }

    /** A copy recording {@code planned} units without a result as missing. */
    public RunResults withMissing(List<UnitId> planned) {
        return new RunResults(schemaVersion, runId, provenance, metrics, units, reference, variants, tests, verdict,
                claims, planned);
    }

    /** A copy under another id (a site shows a run under the folder it gave it). */
    public RunResults withRunId(String id) {
        return new RunResults(schemaVersion, id, provenance, metrics, units, reference, variants, tests, verdict,
                claims, missing);
    }

    /**
     * The budget {@code unit} was last trained to: as recorded, or for a unit recorded before that was, the largest
     * of this run's budgets (earlier ones, then its own) that its training reached; null when it did not train or
     * reached none of them (a unit that diverged early).
     */
    public Budget budgetOf(UnitResult unit) {
        if (unit.budget() != null || unit.training() == null) {
            return unit.budget();
        }
        List<Budget> history = new java.util.ArrayList<>(provenance.earlierBudgets());
        history.add(provenance.budget());
        Budget reached = null;
        for (Budget b : history) {
            if (b.reachedBy(unit.training()) && (reached == null || reached.behind(b))) {
                reached = b;
            }
        }
        return reached;
    }

    /**
     * OK units trained to less than the run's budget: an extension stopped before it continued them. Their numbers
     * are those of an earlier budget, so nothing ranks them with the units at the run's budget.
     */
    public List<UnitResult> behind() {
        return units.stream().filter(u -> {
            Budget b = u.ok() ? budgetOf(u) : null;
            return b != null && b.behind(provenance.budget());
        }).toList();
    }

    /** Whether planned units are missing or behind the run's budget: the run then draws no verdict. */
    public boolean incomplete() {
        return !missing.isEmpty() || !behind().isEmpty();
    }

    public List<UnitResult> unitsOf(String variant) {
        return units.stream().filter(u -> u.variant().equals(variant)).toList();
    }
}
