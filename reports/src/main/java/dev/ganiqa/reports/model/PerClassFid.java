package dev.ganiqa.reports.model;

import java.util.Map;

/**
 * FID per class.
 *
 * @param groupedBy {@code label} for conditional variants (samples generated per class), {@code predicted} for
 *                  unconditional ones (samples grouped by the extractor's predicted class)
 * @param fid       class name to FID against that class's real images
 * @param counts    class name to the number of generated images in the group
 */
public record PerClassFid(String groupedBy, Map<String, Double> fid, Map<String, Integer> counts) {
    public PerClassFid {
        Checks.text(groupedBy, "per-class groupedBy");
        fid = Checks.map(fid);
        counts = Checks.map(counts);
    }
}
