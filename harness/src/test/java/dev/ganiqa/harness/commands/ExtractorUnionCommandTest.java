package dev.ganiqa.harness.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganiqa.datasets.Sha256;
import dev.ganiqa.harness.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ganiqa extractor union} through the CLI on two shipped classifiers: the gate threshold is the lowest
 * candidate whose class shares on the calibration images stay within --max-out (read back from its own record), the
 * graph it writes is the one the record names and opens as an extractor; a second extractor without a gate is refused
 * in one line.
 */
class ExtractorUnionCommandTest {
    @Test
    void choosesTheLowestThresholdWithinTheRuleAndWritesTheGraph(@TempDir Path tmp) throws Exception {
        CliRun run = CliRun.of("extractor", "union", "--first", "ganiqa-fmnist-v8", "--second", "ganiqa-fmnist-v6",
                "--max-out", "0.3", "--name", "u", "--out", tmp.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode record = new ObjectMapper().readTree(tmp.resolve("u.json").toFile());
        double chosen = record.get("gate_threshold").asDouble();
        List<Double> fits = new ArrayList<>();
        record.get("class_shares_out").fields().forEachRemaining(e -> {
            double max = 0;
            for (JsonNode share : e.getValue()) {
                max = Math.max(max, share.asDouble());
            }
            if (max <= 0.3) {
                fits.add(Double.parseDouble(e.getKey()));
            }
        });
        assertThat(fits).isNotEmpty();
        assertThat(chosen).isEqualTo(fits.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        assertThat(record.get("calibration_images").asInt()).isEqualTo(5000);
        byte[] graph = Files.readAllBytes(tmp.resolve("u.pb"));
        assertThat(record.get("sha256").asText()).isEqualTo(Sha256.hex(graph));
        assertThat(run.out()).contains("gate threshold " + record.get("gate_threshold").asText());
        try (var opened = dev.ganiqa.metrics.features.Extractors.open("frozen:" + tmp.resolve("u.pb"),
                java.util.Map.of(), 1)) {
            assertThat(opened.info().classes()).isEqualTo(10);
            assertThat(opened.info().sha256()).isEqualTo(Sha256.hex(graph));
        }
    }

    /** Two --second: the record names both gates and their checksums, and the graph's gate is their mean. */
    @Test
    void anEnsembleGateNamesEveryMember(@TempDir Path tmp) throws Exception {
        CliRun run = CliRun.of("extractor", "union", "--first", "ganiqa-fmnist-v8", "--second", "ganiqa-fmnist-v6",
                "--second", "ganiqa-fmnist-v3", "--max-out", "0.3", "--name", "e", "--out", tmp.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode record = new ObjectMapper().readTree(tmp.resolve("e.json").toFile());
        assertThat(record.get("second")).extracting(JsonNode::asText).containsExactly("ganiqa-fmnist-v6",
                "ganiqa-fmnist-v3");
        assertThat(record.get("second_sha256")).extracting(JsonNode::asText).containsExactly(
                Sha256.hex(dev.ganiqa.metrics.features.EmbeddedExtractor.verifiedBytes(
                        dev.ganiqa.metrics.features.EmbeddedExtractor.V6)),
                Sha256.hex(dev.ganiqa.metrics.features.EmbeddedExtractor.verifiedBytes(
                        dev.ganiqa.metrics.features.EmbeddedExtractor.V3)));
        var graph = org.tensorflow.proto.GraphDef.parseFrom(Files.readAllBytes(tmp.resolve("e.pb")));
        assertThat(graph.getNodeList()).extracting(org.tensorflow.proto.NodeDef::getName)
                .contains("gate_mean", "gate/rejection", "gate2/rejection");
    }

    /**
     * --per-class: one threshold per class the first extractor predicts, none above the shared one, the record's
     * class shares under them within --max-out, and the graph picks each image's threshold by its predicted class.
     */
    @Test
    void perClassThresholdsStayWithinTheRule(@TempDir Path tmp) throws Exception {
        CliRun run = CliRun.of("extractor", "union", "--first", "ganiqa-fmnist-v8", "--second", "ganiqa-fmnist-v6",
                "--max-out", "0.3", "--per-class", "--name", "p", "--out", tmp.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode record = new ObjectMapper().readTree(tmp.resolve("p.json").toFile());
        double shared = record.get("gate_threshold").asDouble();
        JsonNode byClass = record.get("gate_threshold_by_predicted_class");
        assertThat(byClass.size()).isEqualTo(10);
        List<Double> taus = new ArrayList<>();
        byClass.forEach(t -> taus.add(t.asDouble()));
        assertThat(taus).allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(shared));
        record.get("class_shares_out_by_predicted_class_thresholds")
                .forEach(share -> assertThat(share.asDouble()).isLessThanOrEqualTo(0.3));
        assertThat(run.out()).contains("gate threshold by predicted class");
        var graph = org.tensorflow.proto.GraphDef.parseFrom(Files.readAllBytes(tmp.resolve("p.pb")));
        boolean differ = taus.stream().distinct().count() > 1;
        assertThat(graph.getNodeList()).extracting(org.tensorflow.proto.NodeDef::getName)
                .matches(names -> names.contains("gate_factor") == differ, "a gate_factor node exactly when the "
                        + "thresholds differ between classes");
    }

    @Test
    void refusesASecondExtractorWithoutAGate(@TempDir Path tmp) throws Exception {
        CliRun run = CliRun.of("extractor", "union", "--first", "ganiqa-fmnist-v8", "--second", "ganiqa-fmnist-v1",
                "--out", tmp.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).contains("ganiqa-fmnist-v1").contains("rejection output")
                .doesNotContain("\n");
        assertThat(tmp.resolve("ganiqa-fmnist-union.pb")).doesNotExist();
    }
}
