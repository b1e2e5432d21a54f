package dev.ganiqa.reports.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Headless Debian Chromium, started fresh (own profile, no network services) for each call. */
public final class Chromium {
    public static final Path BINARY = Path.of(System.getenv().getOrDefault("GANIQA_CHROMIUM", "/usr/bin/chromium"));

    public record Output(String stdout, String stderr) {
        /** Console lines and CSP refusals Chromium logs to stderr with --enable-logging=stderr. */
        public List<String> consoleProblems() {
            return stderr.lines().filter(l -> l.contains("CONSOLE") || l.contains("Refused to")
                    || l.contains("Content Security Policy")).toList();
        }
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    public static Output run(Path profile, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("chromium: expected to finish within 120 s, found it still running");
        }
        return new Output(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
