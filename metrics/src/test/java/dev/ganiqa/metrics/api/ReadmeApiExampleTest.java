package dev.ganiqa.metrics.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageFolderWriter;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.metrics.eval.Evaluation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java example of README ("From Java") compiled and run as a user would, on two folders of real Fashion-MNIST
 * images, and the API's numbers equal to the evaluation they wrap.
 */
class ReadmeApiExampleTest {
    @TempDir
    Path tmp;

    private String example() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("user.dir")).getParent().resolve("README.md"));
        int marker = readme.indexOf("<!-- api-example -->");
        assertThat(marker).as("README marks its Java example").isNotNegative();
        int start = readme.indexOf("```java\n", marker) + "```java\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void theReadmeExampleCompilesAndRuns() throws Exception {
        Path real = tmp.resolve("real");
        Path fake = tmp.resolve("fake");
        ImageFolderWriter.write(SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST), 300, 1), real, 300);
        ImageFolderWriter.write(SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TRAIN), 300, 2), fake,
                300);
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("FidExample.java"), example());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int code = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
                src.toString(), src.resolve("FidExample.java").toString());
        assertThat(code).as("javac of the README example").isZero();
        System.setProperty("ganiqa.cache", tmp.resolve("cache").toString());
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {src.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            loader.loadClass("FidExample").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {fake.toString(), real.toString()});
        } finally {
            System.setOut(out);
            System.clearProperty("ganiqa.cache");
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        double fid = Double.parseDouble(printed.lines().filter(l -> l.startsWith("FID ")).findFirst().orElseThrow()
                .substring(4));
        // Real against real: small, positive (two samples of one distribution, 300 images each).
        assertThat(fid).isPositive().isLessThan(60);
        assertThat(printed).contains("precision (ganiqa-fmnist-v17").contains("KID (ganiqa-fmnist-v17)");
        assertThat(Files.list(tmp.resolve("cache")).map(p -> p.getFileName().toString()).toList())
                .contains("stats", "features");
    }

    @Test
    void theApiGivesTheEvaluationsNumbersAndNamesBadSets() throws Exception {
        Path real = tmp.resolve("r");
        ImageFolderWriter.write(SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST), 200, 3), real, 200);
        Ganiqa.Options options = Ganiqa.Options.defaults().withThreads(2).withCache(false);
        Evaluation.Result r = Ganiqa.evaluate("fashion-mnist@test", real.toString(), options);
        double fid = Ganiqa.fid(real.toString(), "fashion-mnist@test", options);
        assertThat(r.metrics().get("fid").value()).isEqualTo(fid);
        assertThat(r.metrics()).containsKeys("precision", "recall", "density", "coverage", "kid", "is", "ood_share");
        assertThat(SetSpec.parse("fashion-mnist@test")).isEqualTo(new SetSpec.Images("fashion-mnist@test",
                "fashion-mnist", Split.TEST, true));
        assertThat(SetSpec.parse("stats.NPZ")).isInstanceOf(SetSpec.Statistics.class);
        assertThatThrownBy(() -> SetSpec.parse("fashion-mnist@validation"))
                .hasMessage("fashion-mnist@validation: expected the split suffix @train or @test, found @validation");
        assertThatThrownBy(() -> Ganiqa.evaluate(real.toString(), tmp.resolve("x.npz").toString(), options))
                .hasMessageContaining("found a statistics file");
        assertThat(List.of(options.threads(), options.cache() ? 1 : 0)).containsExactly(2, 0);
    }
}
