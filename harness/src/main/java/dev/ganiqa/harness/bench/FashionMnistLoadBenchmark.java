package dev.ganiqa.harness.bench;

import dev.ganiqa.datasets.DatasetOptions;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** Loading Fashion-MNIST train (gzipped IDX, 60000 x 28x28) into one in-memory pixel array; target under 2 s. */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class FashionMnistLoadBenchmark {
    @Benchmark
    public ImageDataset loadTrain() {
        // A fresh source each time: nothing is cached between invocations.
        return Datasets.open("fashion-mnist", DatasetOptions.defaults().withInstallMissing(false)).open(Split.TRAIN);
    }
}
