package dev.ganiqa.metrics.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The published coordinates: every module's artifactId says it is ganiqa's, the BOM (which has no parent, so that
 * importing it manages only ganiqa's artifacts) carries the project's version and lists every module, and the
 * metrics artifact leaves TF's natives and ONNX Runtime to its consumer (scripts/consumer-check.sh builds a
 * consumer project).
 */
class ArtifactsTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    private static String first(String xml, String regex) {
        Matcher m = Pattern.compile(regex).matcher(xml);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    @Test
    void theBomListsEveryModuleAtTheProjectsVersion() throws Exception {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        assertThat(bom).doesNotContain("<parent>");
        assertThat(first(bom, "<artifactId>(ganiqa-bom)</artifactId>")).isEqualTo("ganiqa-bom");
        assertThat(first(bom, "\n  <version>([^<]+)</version>")).isEqualTo(first(parent, "\n  <version>([^<]+)</version>"));
        for (String module : List.of("datasets", "trainers", "metrics", "reports", "harness")) {
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            assertThat(first(pom, "\n  <artifactId>([^<]+)</artifactId>")).isEqualTo("ganiqa-" + module);
            assertThat(pom).contains("<ganiqa.module>dev.ganiqa." + module + "</ganiqa.module>");
            assertThat(bom).contains("<artifactId>ganiqa-" + module + "</artifactId>");
        }
    }

    @Test
    void metricsLeavesNativesToItsConsumer() throws Exception {
        String pom = Files.readString(ROOT.resolve("metrics/pom.xml"));
        assertThat(Pattern.compile("<artifactId>tensorflow-core-platform</artifactId><scope>test</scope>").matcher(pom)
                .find()).isTrue();
        assertThat(pom).contains("<artifactId>onnxruntime</artifactId><optional>true</optional>");
        assertThat(pom).doesNotContain("<artifactId>tensorflow-core-platform</artifactId></dependency>");
    }
}
