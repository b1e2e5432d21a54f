package dev.ganiqa.harness.bench;

import dev.ganiqa.metrics.io.NpyArray;
import dev.ganiqa.metrics.io.NumpyFiles;
import dev.ganiqa.metrics.stats.FrechetDistance;
import dev.ganiqa.metrics.stats.LinearAlgebra;
import java.io.IOException;
import java.util.Map;
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

/** Frechet distance on the statistics metrics_peers.py timed with scipy sqrtm, numpy eigvals and eigh. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
public class FrechetBench {
    @Param({"64", "512", "2048"})
    public int d;

    private double[] mu1;
    private double[] sigma1;
    private double[] mu2;
    private double[] sigma2;

    @Setup(Level.Trial)
    public void load() throws IOException {
        LinearAlgebra.requireNative();
        System.err.println("netlib backend: " + LinearAlgebra.backend());
        Map<String, NpyArray> z = NumpyFiles.readArchive(BenchData.dir().resolve("fid-d" + d + ".npz"));
        mu1 = z.get("mu1").data();
        sigma1 = z.get("sigma1").data();
        mu2 = z.get("mu2").data();
        sigma2 = z.get("sigma2").data();
        System.err.println("FID d=" + d + ": " + FrechetDistance.compute(mu1, sigma1, mu2, sigma2));
    }

    @Benchmark
    public double frechet() {
        return FrechetDistance.compute(mu1, sigma1, mu2, sigma2);
    }
}
