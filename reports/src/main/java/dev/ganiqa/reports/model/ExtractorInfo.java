package dev.ganiqa.reports.model;

/**
 * The feature extractor behind every extractor-based metric; with the dataset it keys a leaderboard, because
 * numbers from different extractors are not comparable.
 *
 * @param name         e.g. {@code ganiqa-fmnist-v1} or {@code inception-2015-12-05}
 * @param version      extractor version string
 * @param sha256       checksum of its weights
 * @param featureDim   feature dimension
 */
public record ExtractorInfo(String name, String version, String sha256, int featureDim) {
    public ExtractorInfo {
        Checks.text(name, "extractor name");
    }
}
