package dev.ganiqa.reports.model;

/** Wall seconds per phase of one unit (BENCHMARKS.md reads where the time goes from these). */
public record PhaseTimes(double trainingSeconds, double samplingSeconds, double featureSeconds,
                         double metricSeconds) {
    public double totalSeconds() {
        return trainingSeconds + samplingSeconds + featureSeconds + metricSeconds;
    }
}
