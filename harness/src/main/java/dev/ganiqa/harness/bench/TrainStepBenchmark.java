package dev.ganiqa.harness.bench;

import dev.ganiqa.datasets.Batch;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.trainers.Budget;
import dev.ganiqa.trainers.GanVariant;
import dev.ganiqa.trainers.GanVariants;
import dev.ganiqa.trainers.Lipschitz;
import dev.ganiqa.trainers.TrainConfig;
import dev.ganiqa.trainers.TrainingSteps;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One critic step and one generator step (batch 64, 28x28x1, default widths: z 100, ngf = ndf = 64, embedding 50)
 * of each variant with its default hyper-parameters, as Fashion-MNIST trains them. The PyTorch peer is
 * benchmarks/torch_gan_step.py (same architecture, losses and optimizers).
 * Run: {@code benchmarks/trainers.sh} (JMH from the harness classpath, then the peer).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class TrainStepBenchmark {
    @Param({"dcgan", "cdcgan", "wgan", "cwgan", "wgan-clip"})
    public String variant;

    /** TF intra/inter-op threads; 0 = TF's default (one per core). */
    @Param({"0"})
    public int threads;

    private TrainingSteps steps;
    private Batch batch;

    @Setup(Level.Trial)
    public void setUp() {
        boolean clip = variant.endsWith("-clip");
        GanVariant v = GanVariants.get(clip ? variant.substring(0, variant.length() - 5) : variant);
        TrainConfig config = new TrainConfig(v, clip ? v.defaults(Lipschitz.CLIP) : v.defaults(), Budget.epochs(1),
                64, 1, threads);
        ImageShape shape = new ImageShape(28, 28, 1);
        int classes = v.conditional() ? 10 : 0;
        steps = new TrainingSteps(config, shape, classes);
        SplittableRandom random = new SplittableRandom(3);
        float[] pixels = new float[64 * shape.values()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextDouble(-1, 1);
        }
        int[] labels = new int[64];
        int[] indices = new int[64];
        for (int i = 0; i < 64; i++) {
            labels[i] = i % 10;
            indices[i] = i;
        }
        batch = new Batch(indices, pixels, v.conditional() ? labels : null, shape);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        steps.close();
    }

    @Benchmark
    public float[] criticStep() {
        return steps.criticStep(batch);
    }

    @Benchmark
    public float generatorStep() {
        return steps.generatorStep(batch.labels(), batch.size());
    }
}
