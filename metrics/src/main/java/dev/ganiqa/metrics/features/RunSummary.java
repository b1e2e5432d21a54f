package dev.ganiqa.metrics.features;

/**
 * What a {@link FeatureRunner} pass did: how images were adapted, and where the time went.
 * {@code images} counts the images extracted; {@code skipped} lists the files left out with why.
 * {@code sessionSeconds} is time inside {@code Session.run}; everything else (decode, adapt, conversion to
 * float, tensor copies, waiting) is outside the network.
 */
public record RunSummary(int images, int batches, String adaptation, ExtractorInfo extractor, double seconds,
        double sessionSeconds, double prepareSeconds, java.util.List<dev.ganiqa.datasets.SkippedFile> skipped) {
    public double imagesPerSecond() {
        return seconds > 0 ? images / seconds : 0;
    }

    /** Share of the wall time not spent inside the TF session. */
    public double outsideSessionShare() {
        return seconds > 0 ? 1 - sessionSeconds / seconds : 0;
    }
}
