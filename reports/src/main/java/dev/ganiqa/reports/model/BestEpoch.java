package dev.ganiqa.reports.model;

/** The epoch with the lowest curve FID, and that FID (small-sample, so not equal to the final FID's scale). */
public record BestEpoch(int epoch, double fid) {
    public BestEpoch {
        Checks.finite(fid, "best fid");
    }
}
