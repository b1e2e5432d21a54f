package dev.ganiqa.metrics.features.train;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.FeatureRunner;
import dev.ganiqa.metrics.features.FrozenGraphs;
import dev.ganiqa.metrics.features.RunnerOptions;
import dev.ganiqa.datasets.Sha256;

/** Top-1 accuracy of a frozen classifier graph over a labelled dataset, through the extractor path. */
public final class FrozenAccuracy {
    private FrozenAccuracy() {
    }

    public static double measure(byte[] graphDef, ImageDataset data, int batchSize, int threads) {
        try (FeatureExtractor extractor = FrozenGraphs.open(graphDef, "candidate", "0", Sha256.hex(graphDef), threads)) {
            return measure(extractor, data, batchSize);
        }
    }

    public static double measure(FeatureExtractor extractor, ImageDataset data, int batchSize) {
        int classes = extractor.info().classes();
        long[] correct = new long[1];
        new FeatureRunner(RunnerOptions.withBatch(batchSize)).run(data, extractor, batch -> {
            float[] p = batch.features().probabilities();
            for (int i = 0; i < batch.size(); i++) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (p[i * classes + c] > p[i * classes + best]) {
                        best = c;
                    }
                }
                if (best == data.label(batch.indices()[i])) {
                    correct[0]++;
                }
            }
        });
        return (double) correct[0] / data.size();
    }
}
