package dev.ganiqa.harness.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganiqa.harness.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ganiqa extractor check} through the CLI: the table, the JSON report, and an exit code that follows it. */
class ExtractorCheckCommandTest {
    @Test
    void printsTheTableWritesTheReportAndExitsOneWhenAnExpectationFails(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("check.json");
        CliRun run = CliRun.of("extractor", "check", "--images", "300", "--json", json.toString());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("extractor").asText()).isEqualTo("ganiqa-fmnist-v1");
        assertThat(report.get("rows").size()).isGreaterThan(10);
        boolean passed = report.get("passed").asBoolean();
        assertThat(run.code()).as(run.err()).isEqualTo(passed ? 0 : 1);
        assertThat(run.out()).contains("uniform noise").contains("precision").contains(passed
                ? "extractor check passed" : "extractor check failed");
    }
}
