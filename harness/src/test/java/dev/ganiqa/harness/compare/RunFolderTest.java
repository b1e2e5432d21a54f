package dev.ganiqa.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageFolderWriter;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.harness.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that cannot corrupt each other: one process per run folder, the same data to continue, no stale temps. */
class RunFolderTest {
    @TempDir
    Path temp;

    static String[] compare(Path out, String data, int trainLimit) {
        return new String[] {"compare", "--data", data, "--variants", "dcgan", "--seeds", "1", "--epochs", "1",
            "--train-limit", Integer.toString(trainLimit), "--samples", "60", "--curve-samples", "0", "--batch", "32", "--out", out.toString()};
    }

    @Test
    void secondProcessIsRefusedAndTheLockOfAKilledOneIsTakenOver() throws Exception {
        Path run = temp.resolve("run");
        String[] args = compare(run, "fashion-mnist", 320);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.ganiqa.harness.Main"));
        command.addAll(List.of(args));
        Process first = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve("first.log").toFile()).start();
        try {
            Path lock = run.resolve(RunFolder.LOCK);
            String pid = Long.toString(first.pid());
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (first.isAlive() && System.nanoTime() < deadline
                    && !(Files.exists(lock) && Files.readString(lock, StandardCharsets.US_ASCII).strip().equals(pid))) {
                Thread.sleep(50);
            }
            assertThat(first.isAlive()).as("the first comparison should hold the folder").isTrue();
            CliRun second = CliRun.of(args);
            assertThat(second.code()).isEqualTo(1);
            assertThat(second.err()).contains("in use by another ganiqa compare (process " + pid + ",");
        } finally {
            first.destroyForcibly().waitFor();
        }
        // Leftovers of interrupted writes, as a kill or a full disk leaves them.
        Path unit = run.resolve("units/dcgan-seed1");
        Path samplesTmp = Files.createDirectories(unit.resolve("samples.tmp"));
        Files.write(samplesTmp.resolve("0.png"), new byte[10]);
        Path checkpointTmp = Files.createDirectories(unit.resolve("train/checkpoints/ckpt-000000000005.tmp"));
        Files.write(checkpointTmp.resolve("ckpt.data-00000-of-00001"), new byte[1000]);
        Path hidden = Files.write(run.resolve(".results.json123456.tmp"), new byte[10]);

        CliRun again = CliRun.of(args);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("removed units/dcgan-seed1/samples.tmp, left by an interrupted write");
        assertThat(samplesTmp).doesNotExist();
        assertThat(checkpointTmp).doesNotExist();
        assertThat(hidden).doesNotExist();
        assertThat(Files.readString(run.resolve(RunFolder.LOCK)).strip())
                .isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }

    @Test
    void anOlderCompareJsonIsRefusedInOneLineAndTheLockHoldsInProcessToo() throws Exception {
        Path run = Files.createDirectories(temp.resolve("old"));
        Files.writeString(run.resolve("compare.json"), "{\"dataSpec\":\"fashion-mnist\",\"variants\":[\"dcgan\"],"
                + "\"epochs\":3,\"seeds\":[1],\"samples\":100}");
        CompareConfig config = new CompareConfig("fashion-mnist", List.of("dcgan"), dev.ganiqa.trainers.Budget.epochs(3),
                0, List.of(1L), 100, 0, 0, "x", 64, "default", List.of(), null);
        try (RunFolder folder = RunFolder.lock(run)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> folder.check(config))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(run.resolve("compare.json") + ": expected a compare.json of this ganiqa version")
                    .hasMessageNotContaining("\n");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunFolder.lock(run))
                    .isInstanceOf(RunFolder.RunFolderException.class)
                    .hasMessageContaining("in use by another ganiqa compare (process " + ProcessHandle.current().pid());
        }
        RunFolder.lock(run).close();
    }

    @Test
    void spellingsOfOneConfigurationContinueItAndAnAllowedExtensionIsNoDifference() throws Exception {
        Path run = temp.resolve("spellings");
        CompareConfig recorded = config(dev.ganiqa.metrics.features.Extractors.DEFAULT, List.of(), 1);
        try (RunFolder folder = RunFolder.lock(run)) {
            folder.record(recorded);
            // The documented alias of the default extractor, and a default value set explicitly: the same comparison.
            assertThat(folder.check(config("default", List.of("dcgan.beta1=0.5"), 1))).isEmpty();
            assertThat(folder.check(config("", List.of("dcgan.beta1=.50", "wgan.nCritic=5", "cwgan.beta1=0.3"), 1)))
                    .isEmpty();
            assertThat(folder.check(config("default", List.of("dcgan.beta1=0.5"), 2)))
                    .contains(dev.ganiqa.trainers.Budget.epochs(1));
            // A value that changes the recipe is refused, and a larger budget is not named among the differences.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> folder.check(config("default",
                            List.of("dcgan.beta1=0.6"), 2)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("found a different settings;").hasMessageNotContaining("budget");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> folder.check(config("ganiqa-fmnist-v1",
                            List.of(), 3)))
                    .hasMessageContaining("found a different extractor;").hasMessageNotContaining("budget");
            // A smaller budget is still named: it is not an extension.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> folder.check(config("ganiqa-fmnist-v1",
                            List.of(), 0 /* gsteps */)))
                    .hasMessageContaining("found a different budget, extractor;");
        }
    }

    /** dcgan and wgan on Fashion-MNIST, {@code epochs} epochs (0: 50 generator steps, another axis). */
    private static CompareConfig config(String extractor, List<String> settings, int epochs) {
        return new CompareConfig("fashion-mnist", List.of("dcgan", "wgan"), epochs == 0
                ? dev.ganiqa.trainers.Budget.generatorSteps(50) : dev.ganiqa.trainers.Budget.epochs(epochs), 320,
                List.of(1L), 60, 0, 0, extractor, 32, "default", settings, null);
    }

    @Test
    void continuingOnChangedDataIsRefused() throws Exception {
        Path folder = temp.resolve("images");
        ImageDataset source = SubsetDataset.sample(Datasets.open("fashion-mnist").open(Split.TEST), 400, 3);
        byte[] pixels = new byte[source.size() * source.shape().values()];
        int[] labels = new int[source.size()];
        for (int i = 0; i < source.size(); i++) {
            System.arraycopy(source.image(i), 0, pixels, i * source.shape().values(), source.shape().values());
            labels[i] = source.label(i) % 2;
        }
        ImageFolderWriter.write(new ArrayDataset("folder", source.shape(), pixels, labels, List.of("a", "b"), null,
                List.of()), folder, Integer.MAX_VALUE);
        Path run = temp.resolve("run");
        // All images in use (--train-limit 0), so that any changed image is one the comparison reads.
        String[] args = compare(run, folder.toString(), 0);
        CliRun first = CliRun.of(args);
        assertThat(first.code()).as(first.err()).isZero();

        // Same folder, same number of images, one image replaced by another: only the checksum can tell.
        List<Path> pngs;
        try (Stream<Path> s = Files.walk(folder)) {
            pngs = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        Files.copy(pngs.get(1), pngs.get(0), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRun again = CliRun.of(args);
        assertThat(again.code()).isEqualTo(1);
        List<String> lines = again.err().strip().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("ganiqa: compare: " + run + ": expected the data the comparison began with")
                .contains("found other images").endsWith("use another --out for a new comparison");
        assertThat(again.err()).doesNotContain("unit 1/1");
    }
}
