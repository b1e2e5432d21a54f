package dev.ganiqa.metrics.stats;

/**
 * The set metrics of a real and a generated feature matrix by direct calls to this package's functions, for tests
 * of the functions themselves (the pipeline's route is {@code eval.Evaluation}, tested there).
 */
record SetMetricPair(FeatureMatrix real, FeatureMatrix fake) {
    double fid() {
        return FrechetDistance.compute(GaussianStats.of(real), GaussianStats.of(fake));
    }

    KernelInceptionDistance.Result kid(KidConfig config) {
        return KernelInceptionDistance.compute(real, fake, config);
    }

    NearestNeighbourMetrics.PrecisionRecall precisionRecall() {
        return NearestNeighbourMetrics.precisionRecall(real, fake, NearestNeighbourMetrics.PRECISION_RECALL_K);
    }

    NearestNeighbourMetrics.DensityCoverage densityCoverage() {
        return NearestNeighbourMetrics.densityCoverage(real, fake, NearestNeighbourMetrics.DENSITY_COVERAGE_K);
    }
}
