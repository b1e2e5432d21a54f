package dev.ganiqa.metrics.eval;

import dev.ganiqa.metrics.stats.FrechetDistance;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FID per class: generated images grouped by their label when the set is labelled with the reference's classes
 * (conditional samples, real training images), else by the extractor's predicted class; each group against the
 * real images of that class. Groups with fewer than {@link MetricDefinitions#MIN_CLASS_IMAGES} images in either
 * set are counted but get no FID.
 *
 * @param groupedBy {@code label} or {@code predicted}
 */
public record ClassFid(String groupedBy, Map<String, Double> fid, Map<String, Integer> counts) {

    /** Null when the reference has no classes, or the generated set neither labels nor a class head. */
    public static ClassFid compute(Reference real, ExtractedSet fake) {
        List<String> names = real.classNames();
        int[] group = fake.classGroups(names);
        if (group == null) {
            return null;
        }
        boolean labelled = fake.labelledWith(names);
        Map<String, Double> fid = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            int[] rows = Reference.rowsOf(group, c);
            counts.put(names.get(c), rows.length);
            GaussianStats realClass = real.classStats(c);
            if (rows.length >= MetricDefinitions.MIN_CLASS_IMAGES && realClass != null) {
                fid.put(names.get(c), FrechetDistance.compute(fake.select(rows).stats(), realClass));
            }
        }
        return new ClassFid(labelled ? "label" : "predicted", fid, counts);
    }
}
