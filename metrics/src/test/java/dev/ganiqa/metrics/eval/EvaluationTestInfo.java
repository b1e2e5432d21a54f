package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.metrics.features.ExtractorInfo;

/** A made-up extractor description for evaluation tests on hand-made features (3 features, 2 classes). */
final class EvaluationTestInfo {
    static final ExtractorInfo INFO = new ExtractorInfo("net-y", "1", "f".repeat(64), new ImageShape(8, 8, 1), false,
            "0..255", 3, 2);

    private EvaluationTestInfo() {
    }
}
