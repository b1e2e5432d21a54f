package dev.ganiqa.reports.model;

import java.util.List;
import java.util.Map;

/**
 * The data a run trained and evaluated on.
 *
 * @param spec       dataset spec as given, e.g. {@code fashion-mnist}; with {@code sha256} it keys a leaderboard
 * @param sha256     checksum of the dataset content (the pipeline decides what it hashes; documented there)
 * @param splitSizes split name to image count, e.g. {@code train -> 10000, test -> 10000}
 * @param width      image width in pixels
 * @param height     image height in pixels
 * @param channels   1 or 3
 * @param classNames class names in label order (may be empty for unlabelled data)
 */
public record DatasetInfo(String spec, String sha256, Map<String, Integer> splitSizes, int width, int height,
                          int channels, List<String> classNames) {
    public DatasetInfo {
        Checks.text(spec, "dataset spec");
        splitSizes = Checks.map(splitSizes);
        classNames = Checks.list(classNames);
    }
}
