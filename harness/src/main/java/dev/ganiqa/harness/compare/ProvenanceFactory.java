package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.DatasetChecksum;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.reports.model.Budget;
import dev.ganiqa.reports.model.DatasetInfo;
import dev.ganiqa.reports.model.Environment;
import dev.ganiqa.reports.model.ExtractorInfo;
import dev.ganiqa.reports.model.Provenance;
import dev.ganiqa.trainers.GanVariants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the numbers of a comparison come from: data, configs, seeds, budget, extractor, software, machine. */
public final class ProvenanceFactory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProvenanceFactory() {
    }

    @SuppressWarnings("unchecked")
    public static Provenance create(CompareConfig config, String dataSpec, ImageDataset train, ImageDataset validation,
                             ImageDataset test, FeatureExtractor extractor, Instant started, List<String> commandLine) {
        Map<String, Integer> splits = new LinkedHashMap<>();
        splits.put("train", train.size());
        splits.put("validation", validation.size());
        splits.put("test", test.size());
        DatasetInfo dataset = new DatasetInfo(dataSpec, sha256(train, validation, test), splits, train.shape().width(),
                train.shape().height(), train.shape().channels(), train.classNames());
        Map<String, Map<String, Object>> variants = new LinkedHashMap<>();
        for (String name : config.variants()) {
            Map<String, Object> map = new LinkedHashMap<>(JSON.convertValue(
                    Overrides.apply(GanVariants.get(name), config.settings()), Map.class));
            map.put("batchSize", config.batch());
            variants.put(name, map);
        }
        Budget budget = ResultsMapping.budget(config);
        ExtractorInfo ext = ResultsMapping.extractor(extractor.info());
        return new Provenance(version(), dataset, variants, config.seeds(), budget, ext, environment(), started, null,
                0, commandLine);
    }


    /**
     * SHA-256 over the {@link DatasetChecksum}s of the splits as the comparison reads them (after any subsetting),
     * the same content checksum that keys cached statistics.
     */
    static String sha256(ImageDataset... sets) {
        MessageDigest digest = Sha256.newDigest();
        for (ImageDataset set : sets) {
            digest.update(DatasetChecksum.of(set).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return Sha256.hex(digest);
    }

    /**
     * The build's version, with the source commit the launcher passes as {@code -Dganiqa.commit} ({@code git describe
     * --always --dirty}), so a published number names the code that produced it.
     */
    static String version() {
        String v = ProvenanceFactory.class.getPackage().getImplementationVersion();
        String base = v == null ? "dev" : v;
        String commit = System.getProperty("ganiqa.commit", "").strip();
        return commit.isEmpty() ? base : base + " (git " + commit + ")";
    }

    static Environment environment() {
        return new Environment(System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                org.tensorflow.TensorFlow.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                cpuModel(), Runtime.getRuntime().availableProcessors(), oneDnn(OneDnn.current()));
    }

    static String oneDnn(OneDnn d) {
        return (d.on() ? "on" : "off") + " (" + d.reason() + ")";
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return System.getProperty("os.arch");
    }
}
