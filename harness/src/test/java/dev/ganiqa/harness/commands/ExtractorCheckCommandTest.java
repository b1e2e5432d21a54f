package dev.ganiqa.harness.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganiqa.harness.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ganiqa extractor check} through the CLI: the table, the JSON report, and an exit code that follows it:
 * 0 for the default extractor (ganiqa-fmnist-v2), 1 for ganiqa-fmnist-v1 (pure noise scores as real).
 */
class ExtractorCheckCommandTest {
    @Test
    void theDefaultExtractorPassesAndExitsZero(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("check.json");
        CliRun run = CliRun.of("extractor", "check", "--images", "300", "--json", json.toString());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("extractor").asText()).isEqualTo("ganiqa-fmnist-v2");
        assertThat(report.get("rows").size()).isGreaterThan(10);
        assertThat(report.get("passed").asBoolean()).as(run.out()).isTrue();
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("uniform noise").contains("precision").contains("extractor check passed");
    }

    @Test
    void v1FailsOnPureNoiseAndExitsOne(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("check.json");
        CliRun run = CliRun.of("extractor", "check", "--extractor", "ganiqa-fmnist-v1", "--images", "300",
                "--json", json.toString());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("extractor").asText()).isEqualTo("ganiqa-fmnist-v1");
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("uniform noise").contains("extractor check failed");
    }
}
