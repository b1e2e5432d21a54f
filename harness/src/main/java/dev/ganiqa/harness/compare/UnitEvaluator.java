package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.metrics.eval.Evaluation;
import dev.ganiqa.metrics.eval.ExtractedSet;
import dev.ganiqa.metrics.eval.Reference;
import dev.ganiqa.metrics.eval.SetEvaluation;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.Progress;
import dev.ganiqa.metrics.image.DatasetMeasurement;
import dev.ganiqa.metrics.image.PrimaryMeasures;

/**
 * Evaluates one image set of a comparison (generated samples, or real training images for the reference row)
 * against the real test set by one call into the metrics module ({@link SetEvaluation}: the set metrics of
 * {@code ganiqa metrics --real}, per-image measures, per-class FID), into the results model through
 * {@link ResultsMapping}. No metric math here.
 */
public final class UnitEvaluator {
    private final Reference real;
    private final FeatureExtractor extractor;
    private final int threads;
    private final PrimaryMeasures primary;

    public UnitEvaluator(Reference real, FeatureExtractor extractor, int threads) {
        this(real, extractor, threads, null);
    }

    /** @param primary the real images' per-image measures for the signed shifts, or null for none */
    public UnitEvaluator(Reference real, FeatureExtractor extractor, int threads, PrimaryMeasures primary) {
        this.real = real;
        this.extractor = extractor;
        this.threads = threads;
        this.primary = primary;
    }

    /** The real images' per-image measures, fitted for the signed shifts of every set evaluated against them. */
    public static PrimaryMeasures primaryMeasures(ImageDataset real, int threads) throws InterruptedException {
        return PrimaryMeasures.fit(real, DatasetMeasurement.run(real, threads, done -> { }));
    }

    /** The real reference every set is measured against. */
    public Reference reference() {
        return real;
    }

    /** The real test set as the reference of a comparison (vectors kept for every metric). */
    public static Reference reference(ImageDataset test, FeatureExtractor extractor) {
        return Reference.of(ExtractedSet.of(ImageSet.of(test), extractor, Progress.NONE));
    }

    /** One call into the metrics module ({@link SetEvaluation}), its numbers mapped into the results model. */
    public UnitEvaluation evaluate(ImageDataset images) throws InterruptedException {
        SetEvaluation.Result r = SetEvaluation.of(real, extractor, images, primary, threads);
        return new UnitEvaluation(ResultsMapping.metrics(r, (int) real.size()), ResultsMapping.distributions(r.perImage()),
                ResultsMapping.perClass(r.perClass()), r.features(), r.featureSeconds(), r.metricSeconds());
    }

    /** FID against the real statistics only. */
    public double fid(ImageDataset images) {
        return Evaluation.fid(real, ExtractedSet.statistics(ImageSet.of(images), extractor, Progress.NONE));
    }

    /** Bootstrap resamples of a learning-curve point; none above this feature width (a d x d square root each). */
    static final int CURVE_RESAMPLES = 20;
    static final int CURVE_RESAMPLES_MAX_DIM = 512;

    /**
     * The number of a learning-curve point: FID and its sampling spread ({@link Evaluation#fidSpread}, null for
     * extractors wider than {@link #CURVE_RESAMPLES_MAX_DIM}), from one extraction.
     */
    public double[] curveFid(ImageDataset images, long seed) {
        ExtractedSet fake = ExtractedSet.of(ImageSet.of(images), extractor, Progress.NONE);
        double fid = Evaluation.fid(real, fake);
        double spread = fake.features().cols() <= CURVE_RESAMPLES_MAX_DIM && fake.size() > 1
                ? Evaluation.fidSpread(real, fake, CURVE_RESAMPLES, seed) : Double.NaN;
        return new double[] {fid, spread};
    }
}
