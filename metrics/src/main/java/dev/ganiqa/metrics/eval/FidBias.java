package dev.ganiqa.metrics.eval;

/**
 * FID from fewer images than feature dimensions: the sample covariance then has rank below d and the estimate is
 * strongly biased upwards (Chong and Forsyth, "Effectively Unbiased FID and Inception Score and where to find
 * them", CVPR 2020; pytorch-fid warns likewise). Numbers are still computed, with this warning next to them.
 */
public final class FidBias {
    private FidBias() {
    }

    /** The warning when either set has fewer images than {@code dimension}, else null; 0 means "not recorded". */
    public static String warning(long generated, long real, int dimension) {
        StringBuilder which = new StringBuilder();
        if (generated > 0 && generated < dimension) {
            which.append(generated).append(" generated");
        }
        if (real > 0 && real < dimension) {
            which.append(which.length() > 0 ? " and " : "").append(real).append(" real");
        }
        if (which.length() == 0) {
            return null;
        }
        return "FID from " + which + " images, fewer than the " + dimension + " feature dimensions: the covariance is "
                + "rank-deficient and FID is biased upwards; compare only numbers from equal sample counts";
    }
}
