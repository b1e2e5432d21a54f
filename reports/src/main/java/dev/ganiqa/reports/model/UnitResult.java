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
 */
public record UnitResult(String variant, long seed, UnitStatus status, String reason, TrainingStats training,
                         PhaseTimes timings, List<EpochPoint> curve, BestEpoch best, Map<String, MetricValue> metrics,
                         Map<String, Distribution> imageMeasures, PerClassFid perClass, ImageRef sampleGrid,
                         List<NeighbourPair> neighbours, Convergence convergence) {
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

    public UnitResult(String variant, long seed, UnitStatus status, String reason, TrainingStats training,
                      PhaseTimes timings, List<EpochPoint> curve, BestEpoch best, Map<String, MetricValue> metrics,
                      Map<String, Distribution> imageMeasures, PerClassFid perClass, ImageRef sampleGrid,
                      List<NeighbourPair> neighbours) {
        this(variant, seed, status, reason, training, timings, curve, best, metrics, imageMeasures, perClass,
                sampleGrid, neighbours, null);
    }

    public boolean ok() {
        return status == UnitStatus.OK;
    }
}
