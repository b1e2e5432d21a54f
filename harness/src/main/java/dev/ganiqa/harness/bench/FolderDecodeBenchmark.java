package dev.ganiqa.harness.bench;

import dev.ganiqa.datasets.DatasetOptions;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageFolderReader;
import dev.ganiqa.datasets.ImageFolderWriter;
import dev.ganiqa.datasets.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Image-folder decoding (walk, header pass, decode, preprocessing into one array) of 10,000 Fashion-MNIST
 * PNGs exported by {@code ganiqa datasets export}; images/s = 10000 / score. {@code dir} names an existing
 * export (the benchmark script shares it with the Python peer); empty exports one into a temporary folder.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Djava.awt.headless=true"})
@State(Scope.Benchmark)
public class FolderDecodeBenchmark {
    public static final int IMAGES = 10_000;

    @Param({"1", "2"})
    public int threads;

    @Param({""})
    public String dir;

    private Path folder;
    private DatasetOptions options;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        if (dir.isEmpty()) {
            folder = Files.createTempDirectory("ganiqa-bench-");
            ImageDataset train = Datasets.open("fashion-mnist", DatasetOptions.defaults().withInstallMissing(false)).open(Split.TRAIN);
            ImageFolderWriter.write(train, folder, IMAGES);
        } else {
            folder = Path.of(dir);
        }
        options = DatasetOptions.defaults().withThreads(threads);
    }

    @Benchmark
    public ImageDataset decodeFolder() {
        ImageDataset dataset = ImageFolderReader.read(folder, options);
        if (dataset.size() != IMAGES) {
            throw new IllegalStateException("expected " + IMAGES + " images in " + folder + ", found " + dataset.size());
        }
        return dataset;
    }
}
