package dev.ganiqa.harness.bench;

import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.metrics.image.ImageMeasurer;
import dev.ganiqa.metrics.image.Measure;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One pass over a whole image set: the 10,000 Fashion-MNIST test images or the four 1536x2048 photos that
 * metrics_peers.py wrote as PNG. Megapixels/s = set megapixels / time per pass (28x28 x 10,000 = 7.84 MP;
 * photos 12.58 MP). Single-thread runs compare with the Python peers (one call per image); the
 * two-thread run is what {@code ganiqa metrics} does on this 2-core machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ImageMeasuresBench {
    @Param({"fashion-mnist-10k", "photos-4x1536x2048"})
    public String set;

    private List<byte[]> images;
    private List<ImageShape> shapes;

    @Setup(Level.Trial)
    public void load() throws IOException {
        if (set.startsWith("fashion")) {
            images = List.of(BenchData.fashionMnistTest());
            shapes = java.util.Collections.nCopies(images.size(), new ImageShape(28, 28, 1));
        } else {
            List<BenchData.Photo> photos = BenchData.photos();
            images = photos.stream().map(BenchData.Photo::hwc).toList();
            shapes = photos.stream().map(p -> new ImageShape(p.height(), p.width(), p.channels())).toList();
        }
    }

    private void pass(ImageMeasurer measurer, Blackhole bh) {
        for (int i = 0; i < images.size(); i++) {
            bh.consume(measurer.measure(images.get(i), shapes.get(i)));
        }
    }

    @Benchmark
    public void allMeasuresOneThread(Blackhole bh) {
        pass(new ImageMeasurer(), bh);
    }

    @Benchmark
    public void laplacianVarOneThread(Blackhole bh) {
        pass(new ImageMeasurer(EnumSet.of(Measure.LAPLACIAN_VAR)), bh);
    }

    @Benchmark
    public void allMeasuresTwoThreads(Blackhole bh) {
        IntStream.range(0, 2).parallel().forEach(t -> {
            ImageMeasurer measurer = new ImageMeasurer();
            for (int i = t; i < images.size(); i += 2) {
                bh.consume(measurer.measure(images.get(i), shapes.get(i)));
            }
        });
    }
}
