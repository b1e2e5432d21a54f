package dev.ganiqa.reports.model;

import java.util.Map;

/**
 * One point of the learning curve.
 *
 * @param epoch  1-based epoch just finished
 * @param fid    FID of {@link Budget#curveSamples()} samples at the end of the epoch (null if not measured)
 * @param losses mean loss per name over the epoch, e.g. {@code generator}, {@code critic}, {@code wasserstein},
 *               {@code gradient_penalty}
 */
public record EpochPoint(int epoch, Double fid, Map<String, Double> losses) {
    public EpochPoint {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch: expected >= 1, found " + epoch);
        }
        losses = Checks.map(losses);
    }
}
