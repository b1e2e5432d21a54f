package dev.ganiqa.reports.model;

import java.util.List;
import java.util.Map;

/**
 * One (variant, seed) unit.
 *
 * @param variant       variant name, e.g. {@code cwgan}
 * @param seed          its seed
 * @param status        outcome
 * @param reason        why it diverged or failed (null when OK)
 * @param training      steps and images seen (equal epochs are not equal compute)
 * @param timings       wall time per phase
 * @param curve         per-epoch points (FID on a small sample, mean losses), in epoch order
 * @param best          best epoch by the curve's FID (null without a curve)
 * @param metrics       final metrics by metric id (see {@link MetricCatalog}); empty unless OK
 * @param imageMeasures per-image measure id (e.g. {@code sharpness}) to its distribution over the samples
 * @param perClass      per-class FID (null for unlabelled data)
 * @param sampleGrid    the fixed-noise, fixed-label sample grid of the final epoch
 * @param neighbours    nearest-training-neighbour pairs for the memorisation panel
 * @param convergence   whether the learning curve had flattened when the budget ended (null without a curve
 *                      or in files written before it was recorded)
 * @param budget        the comparison's budget this unit was last trained to: the run's own once the unit has
 *                      caught up, an earlier one when an extension stopped before reaching it (the unit is then
 *                      behind, and its numbers are not comparable with those of units at the run's budget); null for
 *                      a unit that never trained and in files written before it was recorded (then
 *                      {@link RunResults#budgetOf} infers it from {@code training})
 */
public record UnitResult(String variant, long seed, UnitStatus status, String reason, TrainingStats training,
                         PhaseTimes timings, List<EpochPoint> curve, BestEpoch best, Map<String, MetricValue> metrics,
                         Map<String, Distribution> imageMeasures, PerClassFid perClass, ImageRef sampleGrid,
                         List<NeighbourPair> neighbours, Convergence convergence, Budget budget) {
    public UnitResult {
        Checks.text(variant, "variant");
        Checks.present(status, "status of " + variant + "/" + seed);
        if (status != UnitStatus.OK && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("unit " + variant + "/" + seed + ": expected a reason for status "
                    + status + ", found none");
        }
        curve = Checks.list(curve);
        metrics = Checks.map(metrics);
        imageMeasures = Checks.map(imageMeasures);
        neighbours = Checks.list(neighbours);
    }

    /** Without the budget reached (callers and files from before it was recorded). */
    public UnitResult(String variant, long seed, UnitStatus status, String reason, TrainingStats training,
                      PhaseTimes timings, List<EpochPoint> curve, BestEpoch best, Map<String, MetricValue> metrics,
                      Map<String, Distribution> imageMeasures, PerClassFid perClass, ImageRef sampleGrid,
                      List<NeighbourPair> neighbours, Convergence convergence) {
        this(variant, seed, status, reason, training, timings, curve, best, metrics, imageMeasures, perClass,
                sampleGrid, neighbours, convergence, null);
    }

    public UnitResult(String variant, long seed, UnitStatus status, String reason, TrainingStats training,
                      PhaseTimes timings, List<EpochPoint> curve, BestEpoch best, Map<String, MetricValue> metrics,
                      Map<String, Distribution> imageMeasures, PerClassFid perClass, ImageRef sampleGrid,
                      List<NeighbourPair> neighbours) {
        this(variant, seed, status, reason, training, timings, curve, best, metrics, imageMeasures, perClass,
                sampleGrid, neighbours, null);
    }

    /** The same unit recorded as trained to {@code reached}. */
    public UnitResult withBudget(Budget reached) {
        return new UnitResult(variant, seed, status, reason, training, timings, curve, best, metrics, imageMeasures,
                perClass, sampleGrid, neighbours, convergence, reached);
    }

    /** The same unit with its images replaced (the site's and the bundle's copies embed them). */
    public UnitResult withImages(ImageRef grid, List<NeighbourPair> pairs) {
        return new UnitResult(variant, seed, status, reason, training, timings, curve, best, metrics, imageMeasures,
                perClass, grid, pairs, convergence, budget);
    }

    public boolean ok() {
        return status == UnitStatus.OK;
    }
}
