package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.ImageSet;

/**
 * Refuses extractor outputs that are not finite (NaN, infinities) as they leave the extractor. Statistics, FID,
 * KID and k-NN radii made from them are NaN or meaningless, and the fault is the extractor's (a broken export, an
 * overflow inside the network), not the command line's: the one-line error names the extractor, the image and the
 * set it came from, where a check further down (the moments of a feature matrix) could only name a row and column.
 */
final class FiniteFeatures {
    private FiniteFeatures() {
    }

    /**
     * @param indices the set index of each row of {@code f}
     * @throws ExtractorException at the first value that is not finite
     */
    static void require(Features f, int[] indices, ImageSet set, ExtractorInfo info) {
        check(f.features(), f.dim(), "features", indices, set, info);
        if (f.probabilities() != null) {
            check(f.probabilities(), f.classes(), "class probabilities", indices, set, info);
        }
        if (f.rejection() != null) {
            check(f.rejection(), 1, "rejection probabilities", indices, set, info);
        }
    }

    private static void check(float[] values, int cols, String what, int[] indices, ImageSet set, ExtractorInfo info) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                int image = indices[i / cols];
                throw new ExtractorException(info.name() + ": expected finite " + what + ", found " + values[i]
                        + " in column " + i % cols + " of image " + image + " (" + set.name(image) + ") of "
                        + set.description());
            }
        }
    }
}
