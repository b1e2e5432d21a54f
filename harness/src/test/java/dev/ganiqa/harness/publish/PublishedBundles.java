package dev.ganiqa.harness.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ganiqa.reports.html.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The checks every published benchmark gets: its report opens offline, and README quotes its numbers. */
final class PublishedBundles {
    private PublishedBundles() {
    }

    /**
     * {@code dir}/report.html opens offline in headless Chromium, as the report's browser test checks a fresh one: no
     * console error, no request leaving the file, {@code onThePage} in its DOM; a screenshot at 1280 px is kept as
     * target/{@code shot} to look at. Skipped without Chromium.
     */
    static void opensOfflineInChromium(Path dir, List<String> onThePage, String shot) throws Exception {
        Assumptions.assumeTrue(Chromium.available(), "needs Debian chromium (scripts/install-deps.sh installs it)");
        String page = dir.resolve("report.html").toUri().toString();
        Chromium.Output dom = Chromium.run(Files.createTempDirectory("ganiqa-published-chromium"), "--dump-dom", page);
        assertThat(dom.consoleProblems()).isEmpty();
        for (String text : onThePage) {
            assertThat(dom.stdout()).contains(text);
        }
        Path png = Path.of("target", shot).toAbsolutePath();
        Chromium.run(Files.createTempDirectory("ganiqa-published-chromium-2"), "--window-size=1280,4000",
                "--screenshot=" + png, page);
        assertThat(png).isNotEmptyFile();
    }

    /**
     * README's section that starts with {@code heading} (to the next second-level heading, or the end) quotes each
     * variant's mean FID over seeds of {@code results} as the report prints it (three significant digits).
     */
    static void readmeQuotesEachMeanFid(Path readme, String heading, JsonNode results) throws IOException {
        String text = Files.readString(readme);
        int at = text.indexOf(heading);
        assertThat(at).as("README has a '" + heading + "' section").isNotNegative();
        int end = text.indexOf("\n## ", at + heading.length());
        String section = text.substring(at, end < 0 ? text.length() : end);
        for (JsonNode v : results.get("variants")) {
            JsonNode fid = v.path("metrics").path("fid");
            if (fid.isMissingNode() || !fid.has("mean")) {
                continue;
            }
            String mean = dev.ganiqa.reports.Numbers.format(fid.get("mean").asDouble());
            assertThat(section).as(v.get("variant").asText() + " FID " + mean).contains(mean);
        }
    }
}
