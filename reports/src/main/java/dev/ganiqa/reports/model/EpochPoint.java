package dev.ganiqa.reports.model;

import java.util.Map;

/**
 * One point of the learning curve, at the end of an epoch or where the budget stopped inside one; it carries its
 * position on every budget axis, so a curve can be drawn against the budget's own (see {@link Budget#position}).
 *
 * @param epoch          1-based epoch the point ends (for a budget that stopped inside an epoch: that epoch)
 * @param fid            FID of {@link Budget#curveSamples()} samples at that point (null if not measured)
 * @param losses         mean loss per name since the previous point, e.g. {@code generator}, {@code critic},
 *                       {@code wasserstein}, {@code gradient_penalty}
 * @param criticSteps    critic steps done at the point (null in files written before axes were recorded)
 * @param generatorSteps generator steps done at the point (likewise)
 * @param imagesSeen     real images seen at the point (likewise)
 * @param wallSeconds    training wall time at the point (likewise)
 * @param fidError       the FID's sampling spread at the point: the standard deviation of bootstrap resamples of the
 *                       curve samples (null in files written before it was recorded)
 */
public record EpochPoint(int epoch, Double fid, Map<String, Double> losses, Long criticSteps, Long generatorSteps,
                         Long imagesSeen, Double wallSeconds, Double fidError) {
    public EpochPoint {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch: expected >= 1, found " + epoch);
        }
        losses = Checks.map(losses);
    }

    public EpochPoint(int epoch, Double fid, Map<String, Double> losses) {
        this(epoch, fid, losses, null, null, null, null, null);
    }

    public EpochPoint(int epoch, Double fid, Map<String, Double> losses, Long criticSteps, Long generatorSteps,
                      Long imagesSeen, Double wallSeconds) {
        this(epoch, fid, losses, criticSteps, generatorSteps, imagesSeen, wallSeconds, null);
    }
}
