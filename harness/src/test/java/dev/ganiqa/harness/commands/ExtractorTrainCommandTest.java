package dev.ganiqa.harness.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.harness.cli.Cli;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.datasets.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ganiqa extractor train} on a small real IDX folder cut from Fashion-MNIST. */
class ExtractorTrainCommandTest {
    @TempDir
    Path dir;

    private static void writeIdx(Path folder, String prefix, ImageDataset source, int n) throws IOException {
        try (DataOutputStream img = new DataOutputStream(new GZIPOutputStream(
                Files.newOutputStream(folder.resolve(prefix + "-images-idx3-ubyte.gz"))));
             DataOutputStream lab = new DataOutputStream(new GZIPOutputStream(
                     Files.newOutputStream(folder.resolve(prefix + "-labels-idx1-ubyte.gz"))))) {
            img.writeInt(0x803);
            img.writeInt(n);
            img.writeInt(28);
            img.writeInt(28);
            lab.writeInt(0x801);
            lab.writeInt(n);
            for (int i = 0; i < n; i++) {
                img.write(source.image(i));
                lab.writeByte(source.label(i));
            }
        }
    }

    /** {@code idx:} specs of the first {@code train} training and {@code test} test images, written under dir/data. */
    private String[] idxData(int train, int test) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        DatasetSource fmnist = Datasets.open("fashion-mnist");
        writeIdx(data, "train", fmnist.open(Split.TRAIN), train);
        writeIdx(data, "t10k", fmnist.open(Split.TEST), test);
        return new String[] {
            "idx:" + data.resolve("train-images-idx3-ubyte.gz") + "," + data.resolve("train-labels-idx1-ubyte.gz"),
            "idx:" + data.resolve("t10k-images-idx3-ubyte.gz") + "," + data.resolve("t10k-labels-idx1-ubyte.gz")};
    }

    private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return new Cli(dev.ganiqa.harness.Commands.registry(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void trainsWritesAFrozenGraphASavedModelAndAJsonRecord() throws Exception {
        String[] specs = idxData(600, 200);
        Path out = dir.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = run(stdout, stderr, "extractor", "train", "--data", specs[0], "--test", specs[1],
                "--epochs", "1", "--reject", "60",
                "--seed", "5", "--name", "tiny", "--out", out.toString());
        assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("extractor.json").toFile());
        assertThat(json.get("epochs").asInt()).isEqualTo(1);
        assertThat(json.get("seed").asLong()).isEqualTo(5);
        assertThat(json.get("test_images").asInt()).isEqualTo(200);
        assertThat(json.get("sha256").asText()).isEqualTo(Sha256.hex(out.resolve("tiny.pb")));
        assertThat(json.get("test_accuracy").asDouble()).isBetween(0.3, 1.0);
        assertThat(json.get("train_images").asInt()).isEqualTo(600);
        // The rejection class is trained but not exported as a class: 10 classes, as in the data.
        assertThat(json.get("rejection_images").asInt()).isEqualTo(60);
        assertThat(json.get("classes").asInt()).isEqualTo(10);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("60 rejection images");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("tiny sha256 " + json.get("sha256").asText());
        try (FeatureExtractor e = Extractors.open(out.resolve("savedmodel").toString(), Map.of(), 1)) {
            assertThat(e.info().featureDim()).isEqualTo(json.get("feature_dim").asInt());
            assertThat(e.info().classes()).isEqualTo(10);
        }
        try (FeatureExtractor e = Extractors.open("frozen:" + out.resolve("tiny.pb"), Map.of(), 1)) {
            assertThat(e.info().classes()).isEqualTo(10);
        }
    }

    /**
     * {@code --rotation one-threshold} (the shipped v6's recipe): one calibrated threshold for every class, recorded
     * per class name; the SavedModel exports the score and the surprise; an unknown head is a usage error.
     */
    @Test
    void aRotationHeadWithOneThresholdRecordsItForEveryClass() throws Exception {
        String[] specs = idxData(600, 100);
        Path out = dir.resolve("rot");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = run(stdout, stderr, "extractor", "train", "--data", specs[0], "--test", specs[1], "--epochs", "1",
                "--reject", "60", "--negatives", "composed", "--rotation", "one-threshold", "--out", out.toString());
        assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("extractor.json").toFile());
        assertThat(json.get("name").asText()).isEqualTo("ganiqa-fmnist-rotation");
        assertThat(json.get("rotation").asText()).isEqualTo("one-threshold");
        assertThat(json.get("calibration_images").asInt()).isEqualTo(50);
        assertThat(json.get("train_images").asInt()).isEqualTo(550);
        JsonNode thresholds = json.get("rotation_thresholds");
        assertThat(thresholds.size()).isEqualTo(10);
        double first = thresholds.elements().next().asDouble();
        assertThat(first).isPositive();
        thresholds.forEach(t -> assertThat(t.asDouble()).isEqualTo(first));
        try (FeatureExtractor e = Extractors.open("frozen:" + out.resolve("ganiqa-fmnist-rotation.pb"), Map.of(), 1)) {
            var f = e.extract(Datasets.open("fashion-mnist").open(Split.TEST).image(0), 1, e.info().input());
            assertThat(f.rejection()).as("the out-of-distribution score").hasSize(1);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(new ByteArrayOutputStream(), err, "extractor", "train", "--rotation", "sideways", "--out",
                dir.resolve("bad").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rotation: expected one of none, one-threshold, "
                + "per-class, found sideways");
    }

    @Test
    void aSourceWithoutATestSplitGetsASeededHeldOutPart() throws Exception {
        Path out = dir.resolve("synthetic");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = run(stdout, stderr, "extractor", "train", "--data", "synthetic:shapes?size=16&channels=3&n=300&seed=2",
                "--epochs", "1", "--name", "shapes", "--out", out.toString());
        assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("holding out 30 images");
        JsonNode json = new ObjectMapper().readTree(out.resolve("extractor.json").toFile());
        assertThat(json.get("rejection_images").asInt()).isZero();
        assertThat(json.get("test_images").asInt()).isEqualTo(30);
        assertThat(json.get("train_images").asInt()).isEqualTo(270);
        try (FeatureExtractor e = Extractors.open("frozen:" + out.resolve("shapes.pb"), Map.of(), 1)) {
            assertThat(e.info().input()).hasToString("16x16x3");
        }
    }

    @Test
    void aMissingDataFolderIsAOneLineError() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = run(stdout, stderr, "extractor", "train", "--data", dir.resolve("nope").toString(),
                "--out", dir.resolve("out").toString());
        assertThat(code).isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8).strip())
                .startsWith("ganiqa: data: ").contains("nope").doesNotContain("\n");
    }

    /** {@code --shape} trains at the size GANs make (as compare --shape does): the graph's input is that shape. */
    @Test
    void shapeBringsTheImagesToTheTrainingSize() throws Exception {
        Path out = dir.resolve("small");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = run(stdout, stderr, "extractor", "train", "--data", "synthetic:shapes?size=32&channels=3&n=300",
                "--shape", "16x16x3", "--epochs", "1", "--name", "small", "--out", out.toString());
        assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("extractor.json").toFile());
        assertThat(json.get("input").asText()).isEqualTo("16x16x3");
        try (FeatureExtractor e = Extractors.open("frozen:" + out.resolve("small.pb"), Map.of(), 1)) {
            assertThat(e.info().input()).isEqualTo(new dev.ganiqa.datasets.ImageShape(16, 16, 3));
        }
    }
}
