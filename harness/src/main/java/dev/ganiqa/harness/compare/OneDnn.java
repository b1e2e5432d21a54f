package dev.ganiqa.harness.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether TensorFlow runs its oneDNN kernels in this process, by TF's own rule (TF 2.16, {@code IsMKLEnabled} in
 * tensorflow/core/util/util.cc): {@code TF_ENABLE_ONEDNN_OPTS} read once when TF first asks, "1"/"true" on and
 * "0"/"false" off (any case; other values keep the default); unset, on for x86 Linux CPUs with the neural-network
 * features AVX512_VNNI, AVX512_BF16, AVX_VNNI or AMX, so off on AVX2-only CPUs such as the AMD EPYC Milan machines
 * of this project. A convolution-heavy training step costs 2.4x more without them (BENCHMARKS.md), which is why the
 * {@code ganiqa} launcher sets {@code TF_ENABLE_ONEDNN_OPTS=1} when the user has not chosen: Java cannot set an
 * environment variable of its own process, and TF reads it before a ganiqa class could.
 *
 * @param on     whether the kernels are on
 * @param reason why, in words, for the provenance
 */
public record OneDnn(boolean on, String reason) {
    public static final String VARIABLE = "TF_ENABLE_ONEDNN_OPTS";
    /** The CPU features (as /proc/cpuinfo names them) that make TF turn oneDNN on by default. */
    static final List<String> DEFAULT_ON_FEATURES = List.of("avx512_vnni", "avx512_bf16", "avx_vnni", "amx_tile",
            "amx_int8", "amx_bf16");

    /** This process: its environment and this machine's CPU flags. */
    public static OneDnn current() {
        return of(System.getenv(), cpuFlags(), System.getProperty("os.arch"));
    }

    static OneDnn of(Map<String, String> env, Set<String> cpuFlags, String arch) {
        if (!List.of("amd64", "x86_64").contains(arch)) {
            return new OneDnn(false, "not decided on " + arch + " (ganiqa reads TF's rule for x86 only)");
        }
        String value = env.get(VARIABLE);
        if (value != null) {
            String v = value.toLowerCase(Locale.ROOT);
            if (v.equals("1") || v.equals("true")) {
                return new OneDnn(true, VARIABLE + "=" + value);
            }
            if (v.equals("0") || v.equals("false")) {
                return new OneDnn(false, VARIABLE + "=" + value);
            }
        }
        List<String> present = DEFAULT_ON_FEATURES.stream().filter(cpuFlags::contains).toList();
        String ignored = value == null ? "" : VARIABLE + "='" + value + "' is not a boolean to TF; ";
        return present.isEmpty()
                ? new OneDnn(false, ignored + "TF's default on this CPU (none of " + String.join(", ",
                        DEFAULT_ON_FEATURES) + ")")
                : new OneDnn(true, ignored + "TF's default on this CPU (" + String.join(", ", present) + ")");
    }

    /** The flags line of /proc/cpuinfo (empty where there is none). */
    static Set<String> cpuFlags() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                    if (line.startsWith("flags")) {
                        return new TreeSet<>(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                    }
                }
            }
        } catch (IOException e) {
            return Set.of();
        }
        return Set.of();
    }

    public String describe() {
        return "oneDNN " + (on ? "on" : "off") + " (" + reason + ")";
    }
}
