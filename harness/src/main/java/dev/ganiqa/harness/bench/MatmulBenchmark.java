package dev.ganiqa.harness.bench;

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
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * An n x n float32 matmul through TF Java (2 n^3 FLOP), the machine's practical dense-compute ceiling next to
 * which the training steps' GFLOP/s are reported. Operands live in variables, so no copy is timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class MatmulBenchmark {
    @Param({"2048"})
    public int n;

    private Graph graph;
    private Session session;
    private Operand<TFloat32> sum;

    @Setup(Level.Trial)
    public void setUp() {
        graph = new Graph();
        Ops tf = Ops.create(graph);
        Variable<TFloat32> a = tf.variable(tf.random.statelessRandomNormal(tf.constant(new long[] {n, n}),
                tf.constant(new long[] {1, 2})));
        Variable<TFloat32> b = tf.variable(tf.random.statelessRandomNormal(tf.constant(new long[] {n, n}),
                tf.constant(new long[] {3, 4})));
        // Reduce to a scalar so that only the product, not a 16 MB copy to Java, is timed.
        sum = tf.sum(tf.linalg.matMul(a, b), tf.constant(new int[] {0, 1}));
        session = new Session(graph);
        session.initialize();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
        graph.close();
    }

    @Benchmark
    public float matmul() {
        try (Result r = session.runner().fetch(sum).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }
}
