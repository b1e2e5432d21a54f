package dev.ganiqa.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** ganiqa's reading of whether TF runs its oneDNN kernels, against TF's own rule and TF itself. */
class OneDnnTest {
    @Test
    void theVariableDecidesWhenItIsABooleanElseTheCpuFeatures() {
        Set<String> avx2 = Set.of("avx", "avx2", "fma");
        Set<String> vnni = Set.of("avx2", "avx512f", "avx512_vnni");
        assertThat(OneDnn.of(Map.of(), avx2, "amd64").on()).isFalse();
        assertThat(OneDnn.of(Map.of(), vnni, "amd64")).isEqualTo(new OneDnn(true,
                "TF's default on this CPU (avx512_vnni)"));
        assertThat(OneDnn.of(Map.of(), Set.of("avx_vnni"), "amd64").on()).isTrue();
        assertThat(OneDnn.of(Map.of(OneDnn.VARIABLE, "1"), avx2, "amd64")).isEqualTo(new OneDnn(true,
                "TF_ENABLE_ONEDNN_OPTS=1"));
        assertThat(OneDnn.of(Map.of(OneDnn.VARIABLE, "TRUE"), avx2, "amd64").on()).isTrue();
        assertThat(OneDnn.of(Map.of(OneDnn.VARIABLE, "false"), vnni, "amd64").on()).isFalse();
        // Not a boolean to TF: the CPU's default, and the provenance says why.
        OneDnn yes = OneDnn.of(Map.of(OneDnn.VARIABLE, "yes"), avx2, "amd64");
        assertThat(yes.on()).isFalse();
        assertThat(yes.reason()).contains("'yes' is not a boolean");
        assertThat(OneDnn.of(Map.of(OneDnn.VARIABLE, "1"), Set.of(), "aarch64").reason()).contains("aarch64");
    }

    /**
     * TF says "oneDNN custom operations are on" (at INFO) the first time it asks, and nothing when they are off:
     * a fresh JVM per setting runs one convolution, and ganiqa's reading must match what TF said.
     */
    @Test
    void theReadingMatchesWhatTensorFlowSaysInAFreshProcess() throws Exception {
        assumeTrue(List.of("amd64", "x86_64").contains(System.getProperty("os.arch")), "TF's rule is read for x86");
        for (String value : new String[] {"1", "0", null}) {
            Map<String, String> env = value == null ? Map.of() : Map.of(OneDnn.VARIABLE, value);
            boolean predicted = OneDnn.of(env, OneDnn.cpuFlags(), System.getProperty("os.arch")).on();
            assertThat(saysOn(value)).as("TF_ENABLE_ONEDNN_OPTS=" + value).isEqualTo(predicted);
        }
    }

    private static boolean saysOn(String value) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Convolution.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove(OneDnn.VARIABLE);
        if (value != null) {
            pb.environment().put(OneDnn.VARIABLE, value);
        }
        pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("convolution ran");
        return out.contains("oneDNN custom operations are on");
    }

    /** One 3x3 convolution through a TF session. */
    public static final class Convolution {
        public static void main(String[] args) {
            try (org.tensorflow.Graph g = new org.tensorflow.Graph();
                 org.tensorflow.Session s = new org.tensorflow.Session(g)) {
                org.tensorflow.op.Ops tf = org.tensorflow.op.Ops.create(g);
                var x = tf.constant(new float[1][8][8][1]);
                var w = tf.constant(new float[3][3][1][4]);
                var y = tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "SAME");
                try (var r = s.runner().fetch(y).run()) {
                    System.out.println("convolution ran");
                }
            }
        }
    }
}
