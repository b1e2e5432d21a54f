package dev.ganiqa.harness.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ganiqa.datasets.AtomicFiles;
import dev.ganiqa.reports.model.UnitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The result of one unit run as a task of its own ({@code ganiqa unit}), written atomically as
 * {@code units/<name>/unit.json}; {@code ganiqa collect} merges these files into results.json.
 *
 * @param name       the unit's folder name, e.g. {@code dcgan-seed1}
 * @param node       the host it ran on
 * @param jobId      the scheduler's id of its task ({@code 123_4}), or null outside a scheduler
 * @param finishedAt ISO-8601 wall clock at the end
 * @param result     the unit's result, as results.json records it
 * @param startedAt  ISO-8601 wall clock at the start of this session of the unit (null in older files)
 * @param threads    the TF threads it ran with (null in older files)
 */
public record UnitFile(String name, String node, String jobId, String finishedAt, UnitResult result,
                       String startedAt, Integer threads) {
    public static final String FILE = "unit.json";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    public UnitFile {
        if (name == null || name.isBlank() || result == null) {
            throw new IllegalArgumentException("expected a unit name and a result, found " + name + ", " + result);
        }
    }

    public UnitFile(String name, String node, String jobId, String finishedAt, UnitResult result) {
        this(name, node, jobId, finishedAt, result, null, null);
    }

    public static Path path(Path runDir, String name) {
        return runDir.resolve("units").resolve(name).resolve(FILE);
    }

    public void write(Path runDir) throws IOException {
        Path file = path(runDir, name);
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, out -> JSON.writeValue(out, this));
    }

    /** The unit's file, or empty when the unit has not finished. */
    public static Optional<UnitFile> read(Path runDir, String name) throws IOException {
        Path file = path(runDir, name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(RunJson.read(JSON, file, UnitFile.class, "a unit result", "a unit result"));
    }
}
