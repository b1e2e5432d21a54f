package dev.ganiqa.harness.compare.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The Slurm jobs submitted for a run folder, one line each in {@code slurm/jobs.txt} ({@code array:123},
 * {@code collect:124}), appended by the coordinating {@code compare} as each submission returns its id.
 */
final class SlurmJobs {
    static final String FILE = "jobs.txt";

    private SlurmJobs() {
    }

    static Path dir(Path runDir) {
        return runDir.resolve("slurm");
    }

    static void append(Path runDir, String kind, String id) throws IOException {
        Files.createDirectories(dir(runDir));
        Files.writeString(dir(runDir).resolve(FILE), kind + ":" + id + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static List<String> read(Path runDir) throws IOException {
        Path file = dir(runDir).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
