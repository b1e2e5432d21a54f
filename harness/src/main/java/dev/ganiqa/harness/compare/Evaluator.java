package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.harness.features.SetMetrics;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.image.DatasetMeasurement;
import dev.ganiqa.metrics.image.ImageMeasures;
import dev.ganiqa.metrics.image.Measure;
import dev.ganiqa.metrics.image.MeasureValue;
import dev.ganiqa.metrics.stats.FrechetDistance;
import dev.ganiqa.metrics.stats.GaussianStats;
import dev.ganiqa.reports.model.Distribution;
import dev.ganiqa.reports.model.MetricCatalog;
import dev.ganiqa.reports.model.MetricValue;
import dev.ganiqa.reports.model.PerClassFid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates one image set (generated samples, or the real training subset for the reference row) against the
 * real test features: FID, KID, IS, precision/recall, density/coverage from the extractor, the per-image
 * sharpness and noise measures, and FID per class.
 */
public final class Evaluator {
    /** Below this many images of a class in either set, its FID would be mostly noise: left out. */
    static final int MIN_CLASS_IMAGES = 20;

    private final RealSet real;
    private final FeatureExtractor extractor;
    private final int threads;

    public Evaluator(RealSet real, FeatureExtractor extractor, int threads) {
        this.real = real;
        this.extractor = extractor;
        this.threads = threads;
    }

    public Evaluation evaluate(ImageDataset images) throws InterruptedException {
        long t0 = System.nanoTime();
        ExtractedSet fake = ExtractedSet.of(images, extractor);
        long t1 = System.nanoTime();
        Map<String, MetricValue> metrics = setMetrics(fake);
        Map<String, Distribution> measures = imageMeasures(images, metrics);
        PerClassFid perClass = perClass(images, fake);
        long t2 = System.nanoTime();
        return new Evaluation(metrics, measures, perClass, fake, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    /** FID against the real statistics only: the cheap number of the learning curve. */
    public double fid(ImageDataset images) {
        ExtractedSet fake = ExtractedSet.of(images, extractor);
        return FrechetDistance.compute(real.stats(), GaussianStats.of(fake.features()));
    }

    /** The set metrics exactly as {@code ganiqa metrics FAKE --real REAL} computes them, with the real work shared. */
    private Map<String, MetricValue> setMetrics(ExtractedSet fake) {
        int n = fake.size();
        int r = real.features().size();
        SetMetrics.Result result = SetMetrics.compute(extractor.info(), fake.features(), fake.probabilities(),
                real.features().features(), real.stats(), real.radii(), real.kidTerms());
        Map<String, MetricValue> out = new LinkedHashMap<>();
        result.metrics().forEach((id, v) -> out.put(id, switch (id) {
            case MetricCatalog.KID -> new MetricValue(v.value(), v.std(), n, r, v.subsets());
            case MetricCatalog.IS -> new MetricValue(v.value(), v.std(), n, 0, v.splits());
            default -> MetricValue.of(v.value(), n, r);
        }));
        return out;
    }

    /**
     * Every per-image measure as a distribution; the catalog's "sharpness" and "noise" columns are the means
     * of laplacian_var and immerkaer_sigma, the two measures of the study's "blur and RGB noise" finding.
     */
    private Map<String, Distribution> imageMeasures(ImageDataset images, Map<String, MetricValue> metrics)
            throws InterruptedException {
        DatasetMeasurement.Result result = DatasetMeasurement.run(images, threads, done -> { });
        Map<String, Distribution> out = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            double[] values = result.images().stream().filter(Objects::nonNull).map((ImageMeasures i) -> i.get(m))
                    .filter(MeasureValue::isPresent).mapToDouble(MeasureValue::value).toArray();
            if (values.length > 0) {
                out.put(m.column(), Distribution.of(values));
            }
        }
        Distribution sharp = out.get(Measure.LAPLACIAN_VAR.column());
        if (sharp != null) {
            metrics.put(MetricCatalog.SHARPNESS, MetricValue.of(sharp.mean(), (int) sharp.count(), 0));
        }
        Distribution noise = out.get(Measure.IMMERKAER_SIGMA.column());
        if (noise != null) {
            metrics.put(MetricCatalog.NOISE, MetricValue.of(noise.mean(), (int) noise.count(), 0));
        }
        return out;
    }

    /**
     * FID per class: generated images grouped by their label when the set is labelled (conditional samples,
     * the real training subset), else by the extractor's predicted class; each group against the real test
     * images of that class.
     */
    private PerClassFid perClass(ImageDataset images, ExtractedSet fake) {
        List<String> names = real.classNames();
        if (names.isEmpty()) {
            return null;
        }
        boolean labelled = images.hasLabels() && images.classNames().equals(names);
        if (!labelled && fake.probabilities() == null) {
            return null;
        }
        Map<String, Double> fid = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < fake.size(); i++) {
                int group = labelled ? images.label(i) : fake.predictedClass(i);
                if (group == c) {
                    rows.add(i);
                }
            }
            counts.put(names.get(c), rows.size());
            GaussianStats realClass = real.classStats(c);
            if (rows.size() >= MIN_CLASS_IMAGES && realClass != null) {
                ExtractedSet group = fake.select(rows.stream().mapToInt(Integer::intValue).toArray());
                fid.put(names.get(c), FrechetDistance.compute(realClass, GaussianStats.of(group.features())));
            }
        }
        return new PerClassFid(labelled ? "label" : "predicted", fid, counts);
    }
}
