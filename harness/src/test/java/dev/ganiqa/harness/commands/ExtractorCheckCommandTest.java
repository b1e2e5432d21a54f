package dev.ganiqa.harness.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganiqa.metrics.features.EmbeddedExtractor;
import dev.ganiqa.harness.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ganiqa extractor check} through the CLI: the table, the three out-of-distribution groups, the JSON
 * report, and an exit code that follows it (0 only when every expectation and every group holds); ganiqa-fmnist-v1
 * fails on pure noise.
 */
class ExtractorCheckCommandTest {
    @Test
    void theDefaultMeetsEveryExpectationPrintsEachGroupAndExitsAsTheReportSays(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("check.json");
        CliRun run = CliRun.of("extractor", "check", "--images", "300", "--json", json.toString());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("extractor").asText()).isEqualTo(EmbeddedExtractor.NAME);
        assertThat(report.get("rows").size()).isGreaterThan(10);
        report.get("rows").forEach(r -> assertThat(r.get("pass").asBoolean()).as(r.toString()).isTrue());
        assertThat(report.get("tuningPassed").asBoolean()).as(run.out()).isTrue();
        assertThat(run.out()).contains("uniform noise").contains("precision")
                .contains("out of distribution, the kinds extractors may be built or tuned with:")
                .contains("out of distribution, held out").contains("out of distribution, final group")
                .contains("groups: tuning passed, held out ");
        boolean passed = report.get("passed").asBoolean();
        assertThat(passed).isEqualTo(report.get("heldOutPassed").asBoolean() && report.get("finalPassed").asBoolean());
        assertThat(run.code()).as(run.err()).isEqualTo(passed ? 0 : 1);
        assertThat(run.out()).contains(passed ? "extractor check passed" : "extractor check failed");
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
