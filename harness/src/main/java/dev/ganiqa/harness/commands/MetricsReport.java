package dev.ganiqa.harness.commands;

import dev.ganiqa.datasets.AtomicFiles;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.datasets.SkippedFile;
import dev.ganiqa.metrics.eval.Evaluation;
import dev.ganiqa.metrics.image.DatasetMeasurement;
import dev.ganiqa.metrics.image.ImageMeasures;
import dev.ganiqa.metrics.image.Measure;
import dev.ganiqa.metrics.image.MeasureSummary;
import dev.ganiqa.metrics.image.MeasureValue;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outputs of {@code ganiqa metrics}: stdout table, per-image CSV and summary JSON (both written atomically).
 * CSV width, height and channels are each image's own as measured: channels 1 (gray, gray + alpha) or 3 (RGB,
 * RGBA), alpha being dropped before measuring.
 */
final class MetricsReport {
    static final String CSV_HEADER = "file,width,height,channels,laplacian_var,tenengrad,immerkaer_sigma,"
            + "wavelet_sigma,chroma_noise,hf_energy_ratio,saturation";

    /**
     * The JSON document: what was measured, per-measure summaries, the skipped files and, with {@code --real},
     * the set metrics ({@code features}; absent without it).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Summary(String source, String dataset, int images, int measured, Map<String, MeasureSummary> measures,
                   List<SkippedFile> skipped, FeatureMetrics features) {
    }

    /** Which network produced the features: numbers from different extractors are never comparable. */
    record Extractor(String name, String version, String sha256, String label) {
    }

    /** One side of the comparison; {@code adaptation} is null when REAL was a feature or statistics file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Side(String source, String kind, int images, String adaptation) {
    }

    /** The set metrics of {@code metrics --real}, each labelled with the extractor, and what could not be computed. */
    record FeatureMetrics(Extractor extractor, Side real, Side fake, Map<String, Evaluation.Value> metrics,
                          Map<String, String> unavailable) {
    }

    private final String source;
    private final DatasetMeasurement.Result result;
    private final FeatureMetrics features;

    MetricsReport(String source, DatasetMeasurement.Result result, FeatureMetrics features) {
        this.source = source;
        this.result = result;
        this.features = features;
    }

    Summary summary() {
        Map<String, MeasureSummary> measures = new LinkedHashMap<>();
        result.summaries().forEach((m, s) -> measures.put(m.column(), s));
        int measured = (int) result.images().stream().filter(java.util.Objects::nonNull).count();
        return new Summary(source, result.set().description(), result.images().size(), measured, measures,
                result.skipped(), features);
    }

    void printSummary(PrintStream out) {
        if (features != null) {
            printFeatureMetrics(out);
        }
        Summary s = summary();
        out.printf("%d images measured, %d skipped (%s)%n", s.measured(), s.skipped().size(), s.source());
        out.printf("%-16s %8s %14s %14s %14s %14s %14s%n", "measure", "count", "mean", "std", "median", "p5", "p95");
        s.measures().forEach((name, m) -> out.printf("%-16s %8d %14.6g %14.6g %14.6g %14.6g %14.6g%n", name, m.count(),
                m.mean(), m.std(), m.median(), m.p5(), m.p95()));
    }

    private void printFeatureMetrics(PrintStream out) {
        printFeatureMetrics(features, out);
    }

    /** How an extractor is named in the JSON and on stdout. */
    static Extractor extractor(dev.ganiqa.metrics.features.ExtractorInfo info) {
        return new Extractor(info.name(), info.version(), info.sha256(), info.label());
    }

    /** The set metrics as {@code metrics} and {@code compare-features} print them: one labelled line each. */
    static void printFeatureMetrics(FeatureMetrics features, PrintStream out) {
        Extractor e = features.extractor();
        out.printf("extractor: %s v%s, sha256 %s%n", e.name(), e.version(), e.sha256());
        for (Side side : List.of(features.fake(), features.real())) {
            out.printf("%s: %s, %s, %s%n", side == features.fake() ? "fake" : "real", side.source(),
                    side.images() > 0 ? side.images() + (side.kind().equals("features") ? " vectors" : " images")
                            : "image count not recorded",
                    side.adaptation() != null ? side.adaptation() : "precomputed " + side.kind());
        }
        features.metrics().values().forEach(v -> {
            StringBuilder line = new StringBuilder(String.format("%-36s %14.6g", v.label(), v.value()));
            if (v.std() != null) {
                line.append(String.format(" +- %.6g", v.std()));
            }
            if (v.splits() != null) {
                line.append(String.format(" (%d splits, %d samples)", v.splits(), v.samples()));
            } else if (v.subsets() != null) {
                line.append(String.format(" (%d subsets of %d)", v.subsets(), v.subsetSize()));
            }
            out.println(line);
        });
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        features.unavailable().forEach((id, why) -> byReason.computeIfAbsent(why, k -> new java.util.ArrayList<>()).add(id));
        byReason.forEach((why, ids) -> out.printf("not computed: %s (%s)%n", String.join(", ", ids), why));
        out.println();
    }

    void writeCsv(Path file) throws IOException {
        ImageSet set = result.set();
        AtomicFiles.write(file, stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            w.write(CSV_HEADER);
            w.write('\n');
            List<ImageMeasures> images = result.images();
            for (int i = 0; i < images.size(); i++) {
                ImageMeasures m = images.get(i);
                if (m == null) {
                    continue;
                }
                StringBuilder row = new StringBuilder(csvField(set.name(i)));
                row.append(',').append(m.shape().width()).append(',').append(m.shape().height()).append(',')
                        .append(m.shape().channels());
                for (Measure measure : Measure.values()) {
                    MeasureValue v = m.get(measure);
                    row.append(',');
                    if (v.isPresent()) {
                        row.append(v.value());
                    }
                }
                w.write(row.append('\n').toString());
            }
            w.flush();
        });
    }

    void writeJson(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(file, out -> mapper.writeValue(out, summary()));
    }

    /** RFC 4180: quote fields with commas, quotes or line breaks, doubling inner quotes. */
    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
