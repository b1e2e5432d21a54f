package dev.ganiqa.reports.model;

/**
 * The machine and runtime, so timings are read against the hardware that produced them.
 *
 * @param oneDnn whether TensorFlow's oneDNN kernels were on and why ("on (TF_ENABLE_ONEDNN_OPTS=1)"): they change
 *               the speed 2-3x and the last bits of the numbers; null in files written before it was recorded
 */
public record Environment(String javaVersion, String tensorflowVersion, String os, String cpu, int cores,
                          String oneDnn) {
    public Environment(String javaVersion, String tensorflowVersion, String os, String cpu, int cores) {
        this(javaVersion, tensorflowVersion, os, cpu, cores, null);
    }
}
