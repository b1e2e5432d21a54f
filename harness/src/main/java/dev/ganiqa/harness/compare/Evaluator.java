package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.metrics.eval.ClassFid;
import dev.ganiqa.metrics.eval.Evaluation;
import dev.ganiqa.metrics.eval.ExtractedSet;
import dev.ganiqa.metrics.eval.MetricDefinitions;
import dev.ganiqa.metrics.eval.Reference;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.Progress;
import dev.ganiqa.metrics.image.DatasetMeasurement;
import dev.ganiqa.metrics.image.Measure;
import dev.ganiqa.metrics.image.PrimaryMeasures;
import dev.ganiqa.reports.model.Distribution;
import dev.ganiqa.reports.model.MetricValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates one image set of a comparison (generated samples, or real training images for the reference row)
 * against the real test set through the metrics module's one evaluation ({@link Evaluation}, the code behind
 * {@code ganiqa fid} and {@code ganiqa metrics --real}), its per-class FID ({@link ClassFid}) and the per-image
 * measures, into the results model through {@link ResultsMapping}. No metric math here.
 */
public final class Evaluator {
    private final Reference real;
    private final FeatureExtractor extractor;
    private final int threads;
    private final PrimaryMeasures primary;

    public Evaluator(Reference real, FeatureExtractor extractor, int threads) {
        this(real, extractor, threads, null);
    }

    /** @param primary the real images' per-image measures for the signed shifts, or null for none */
    public Evaluator(Reference real, FeatureExtractor extractor, int threads, PrimaryMeasures primary) {
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

    public UnitEvaluation evaluate(ImageDataset images) throws InterruptedException {
        long t0 = System.nanoTime();
        ExtractedSet fake = ExtractedSet.of(ImageSet.of(images), extractor, Progress.NONE);
        long t1 = System.nanoTime();
        Map<String, MetricValue> metrics = setMetrics(fake);
        Map<String, Distribution> measures = imageMeasures(images, metrics);
        ClassFid perClass = ClassFid.compute(real, fake);
        long t2 = System.nanoTime();
        return new UnitEvaluation(metrics, measures, ResultsMapping.perClass(perClass), fake,
                (t1 - t0) / 1e9, (t2 - t1) / 1e9);
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

    /** The set metrics exactly as {@code ganiqa metrics FAKE --real REAL} computes them, with the real work shared. */
    private Map<String, MetricValue> setMetrics(ExtractedSet fake) {
        int n = fake.size();
        int r = (int) real.size();
        return ResultsMapping.setMetrics(Evaluation.evaluate(extractor.info(), real, fake), n, r);
    }

    /**
     * Every per-image measure as a distribution; the catalogue's "sharpness" and "noise" columns are the means
     * of laplacian_var and immerkaer_sigma, the two measures of the study's "blur and RGB noise" finding.
     */
    private Map<String, Distribution> imageMeasures(ImageDataset images, Map<String, MetricValue> metrics)
            throws InterruptedException {
        DatasetMeasurement.Result result = DatasetMeasurement.run(images, threads, done -> { });
        if (primary != null) {
            PrimaryMeasures.Shifts shifts = primary.of(images, result);
            metrics.put(MetricDefinitions.SHARPNESS_SHIFT, ResultsMapping.measured(shifts.sharpness(), images.size()));
            metrics.put(MetricDefinitions.NOISE_SHIFT, ResultsMapping.measured(shifts.noise(), images.size()));
            if (Double.isFinite(shifts.chroma())) {
                metrics.put(MetricDefinitions.CHROMA_SHIFT, ResultsMapping.measured(shifts.chroma(), images.size()));
            }
        }
        Map<String, Distribution> out = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            double[] values = result.values(m);
            if (values.length > 0) {
                out.put(m.column(), ResultsMapping.distribution(values));
            }
        }
        Distribution sharp = out.get(Measure.LAPLACIAN_VAR.column());
        if (sharp != null) {
            metrics.put(MetricDefinitions.SHARPNESS, ResultsMapping.measured(sharp.mean(), (int) sharp.count()));
        }
        Distribution noise = out.get(Measure.IMMERKAER_SIGMA.column());
        if (noise != null) {
            metrics.put(MetricDefinitions.NOISE, ResultsMapping.measured(noise.mean(), (int) noise.count()));
        }
        return out;
    }
}
