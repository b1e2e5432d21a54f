package dev.ganiqa.harness.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the JSON files of a run folder (compare.json, plan.json, unit.json) with one-line errors naming the file. */
final class RunJson {
    private RunJson() {
    }

    /**
     * The value in {@code file}; an IOException "FILE: expected WHAT, found ..." when it is missing or unreadable.
     *
     * @param missing what the file's absence means, e.g. "the plan of a prepared comparison"
     */
    static <T> T read(ObjectMapper json, Path file, Class<T> type, String missing, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": expected " + missing + ", found no such file");
        }
        try {
            return json.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": expected " + what + ", found " + e.getOriginalMessage(), e);
        }
    }
}
