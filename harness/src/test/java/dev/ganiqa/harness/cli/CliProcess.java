package dev.ganiqa.harness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code ganiqa} command line in a JVM of its own, for tests that need what {@link CliRun} cannot give:
 * a heap cap (e.g. {@code -Xmx512m}, so an allocation sized by a hostile file fails the way it would for a user)
 * and the real exit code of {@link dev.ganiqa.harness.Main}. Output goes through files in {@code dir}, so a child
 * that writes much cannot block on a full pipe.
 */
public record CliProcess(int code, String out, String err) {
    /** Far above what a refused model needs (a JVM start and one model load); only a hang reaches it. */
    private static final long TIMEOUT_SECONDS = 120;

    /**
     * @param jvm options before the main class, e.g. {@code -Xmx512m}
     * @param env added to this process's environment (e.g. GANIQA_CACHE in a temporary folder)
     */
    public static CliProcess of(Path dir, List<String> jvm, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-cp", classPath, "dev.ganiqa.harness.Main"));
        command.addAll(List.of(args));
        Files.createDirectories(dir);
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("ganiqa " + String.join(" ", args) + " still running after "
                        + TIMEOUT_SECONDS + " s; stderr so far: " + Files.readString(err, StandardCharsets.UTF_8));
            }
        } finally {
            p.destroyForcibly().waitFor();
        }
        return new CliProcess(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The last line of stderr: where the CLI reports why it stopped. */
    public String lastErrorLine() {
        List<String> lines = err.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
