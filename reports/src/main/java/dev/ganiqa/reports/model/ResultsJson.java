package dev.ganiqa.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ganiqa.reports.io.FileOutput;
import dev.ganiqa.reports.io.RegularFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes results.json. Writing is atomic; reading fails with one line naming the file. */
public final class ResultsJson {
    public static final String FILE_NAME = "results.json";

    /*
     * Unknown properties are ignored so that a reader of schema 1.x accepts files with added fields (additive
     * changes keep the version); a breaking change raises SCHEMA_VERSION and old readers refuse the file.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private ResultsJson() {
    }

    /** Writes {@code file} through {@code output} (the caller's atomic writer). */
    public static void write(RunResults results, Path file, FileOutput output) throws IOException {
        output.write(file, toBytes(results));
    }

    public static byte[] toBytes(RunResults results) {
        try {
            return MAPPER.writeValueAsBytes(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results.json: cannot serialise: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a results.json; {@code path} may also be a run folder holding one (any path not ending in .json). */
    public static RunResults read(Path path) throws IOException {
        boolean folder = Files.isDirectory(path) || !Files.exists(path) && !path.toString().endsWith(".json");
        Path file = folder ? path.resolve(FILE_NAME) : path;
        byte[] bytes;
        try {
            bytes = RegularFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": expected a results.json, found no such file", e);
        }
        return parse(bytes, file);
    }

    /** Parses results.json bytes; {@code file} names them in errors (it is not read). */
    public static RunResults parse(byte[] bytes, Path file) throws IOException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": expected JSON, found a syntax error: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject() || !tree.path("schemaVersion").canConvertToInt()) {
            throw new IOException(file + ": expected an object with a schemaVersion, found "
                    + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase()));
        }
        int version = tree.get("schemaVersion").asInt();
        if (version > RunResults.SCHEMA_VERSION) {
            throw new IOException(file + ": expected schemaVersion <= " + RunResults.SCHEMA_VERSION + ", found "
                    + version + " (written by a newer ganiqa)");
        }
        try {
            return MAPPER.treeToValue(tree, RunResults.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            String why = cause instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : cause.getMessage();
            throw new IOException(file + ": " + why, e);
        }
    }
}
