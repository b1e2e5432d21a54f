package dev.ganiqa.metrics.eval;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.Progress;
import dev.ganiqa.metrics.image.DatasetMeasurement;
import dev.ganiqa.metrics.image.Measure;
import dev.ganiqa.metrics.image.PrimaryMeasures;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one image set gets against a reference, in one call (what {@code ganiqa compare} records per unit and
 * for the real-data row): the set metrics of {@link Evaluation#evaluate}, the per-image sharpness and noise measures
 * with their set means and, given the real images' {@link PrimaryMeasures}, the signed shifts from real; per-class
 * FID ({@link ClassFid}); and the extracted features, which callers keep for nearest training neighbours. The
 * callers convert; no caller computes.
 */
public final class SetEvaluation {
    private SetEvaluation() {
    }

    /**
     * @param set       the set metrics (ids of {@link MetricDefinitions}), as {@code ganiqa metrics --real} gives them
     * @param measured  sharpness, noise and their shifts (ids of {@link MetricDefinitions}), measured on the set alone
     * @param perImage  every per-image measure's values, in image order (measures that do not apply are absent)
     * @param perClass  FID per class, or null without labels
     */
    public record Result(Evaluation.Result set, Map<String, Evaluation.Value> measured, Map<Measure, double[]> perImage,
                         ClassFid perClass, ExtractedSet features, double featureSeconds, double metricSeconds) {
    }

    /**
     * @param primary the real images' per-image measures for the signed shifts, or null for none
     * @param threads threads for the per-image measures
     */
    public static Result of(Reference real, FeatureExtractor extractor, ImageDataset images, PrimaryMeasures primary,
                            int threads) throws InterruptedException {
        long t0 = System.nanoTime();
        ExtractedSet fake = ExtractedSet.of(ImageSet.of(images), extractor, Progress.NONE);
        long t1 = System.nanoTime();
        Evaluation.Result set = Evaluation.evaluate(extractor.info(), real, fake);
        DatasetMeasurement.Result measures = DatasetMeasurement.run(images, threads, done -> { });
        Map<String, Evaluation.Value> measured = new LinkedHashMap<>();
        int n = images.size();
        if (primary != null) {
            PrimaryMeasures.Shifts shifts = primary.of(images, measures);
            measured.put(MetricDefinitions.SHARPNESS_SHIFT, value(MetricDefinitions.SHARPNESS_SHIFT, shifts.sharpness(), n));
            measured.put(MetricDefinitions.NOISE_SHIFT, value(MetricDefinitions.NOISE_SHIFT, shifts.noise(), n));
            if (Double.isFinite(shifts.chroma())) {
                measured.put(MetricDefinitions.CHROMA_SHIFT, value(MetricDefinitions.CHROMA_SHIFT, shifts.chroma(), n));
            }
            if (Double.isFinite(shifts.saturation())) {
                measured.put(MetricDefinitions.SATURATION_SHIFT,
                        value(MetricDefinitions.SATURATION_SHIFT, shifts.saturation(), n));
            }
            if (Double.isFinite(shifts.hue())) {
                measured.put(MetricDefinitions.HUE_DISTANCE, value(MetricDefinitions.HUE_DISTANCE, shifts.hue(), n));
            }
        }
        Map<Measure, double[]> perImage = new LinkedHashMap<>();
        for (Measure m : Measure.values()) {
            double[] values = measures.values(m);
            if (values.length > 0) {
                perImage.put(m, values);
            }
        }
        // The catalogue's "sharpness" and "noise" are the means of laplacian_var and immerkaer_sigma, the two
        // measures of the study's "blur and RGB noise" finding.
        mean(perImage.get(Measure.LAPLACIAN_VAR), MetricDefinitions.SHARPNESS, measured);
        mean(perImage.get(Measure.IMMERKAER_SIGMA), MetricDefinitions.NOISE, measured);
        ClassFid perClass = ClassFid.compute(real, fake);
        long t2 = System.nanoTime();
        return new Result(set, measured, perImage, perClass, fake, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    private static Evaluation.Value value(String id, double v, int n) {
        String label = MetricDefinitions.all().stream().filter(d -> d.id().equals(id)).findFirst()
                .map(MetricDefinitions.Definition::label).orElse(id);
        return Evaluation.Value.of(label, v, n, 0);
    }

    /**
     * The mean as the results' distributions compute it (the reports module's {@code Distribution.of}): summed in
     * ascending order, so the set's number and its distribution's mean are the same double.
     */
    private static void mean(double[] values, String id, Map<String, Evaluation.Value> out) {
        if (values != null) {
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            double sum = 0;
            for (double v : sorted) {
                sum += v;
            }
            out.put(id, value(id, sum / sorted.length, sorted.length));
        }
    }
}
