package dev.ganiqa.trainers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The layout of a run folder: config.json, model.json, log.jsonl, grids/epoch-NNNN.png,
 * checkpoints/ckpt-NNNNNNNNNN/ (TF checkpoint + state.json), savedmodel/, collapse.json, run.json. Every file is written to a
 * temporary name and moved into place, so a killed run never leaves a half-written checkpoint or result.
 */
final class RunFiles {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    final Path dir;

    RunFiles(Path dir) {
        this.dir = dir;
    }

    Path config() {
        return dir.resolve("config.json");
    }

    Path model() {
        return dir.resolve("model.json");
    }

    Path log() {
        return dir.resolve("log.jsonl");
    }

    Path grid(int epoch) {
        return dir.resolve("grids").resolve(String.format(java.util.Locale.ROOT, "epoch-%04d.png", epoch));
    }

    Path checkpoints() {
        return dir.resolve("checkpoints");
    }

    Path savedModel() {
        return dir.resolve("savedmodel");
    }

    Path result() {
        return dir.resolve("run.json");
    }

    /** The collapse check so far, rewritten at each epoch end so a resumed run keeps the earlier epochs. */
    Path collapse() {
        return dir.resolve("collapse.json");
    }

    static String prefix(Path checkpoint) {
        return checkpoint.resolve("ckpt").toString();
    }

    Optional<Path> latestCheckpoint() {
        if (!Files.isDirectory(checkpoints())) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(checkpoints())) {
            return s.filter(p -> p.getFileName().toString().matches("ckpt-\\d+"))
                    .filter(p -> Files.exists(p.resolve("state.json")))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The counters a complete checkpoint saved with its variables. */
    static TrainState state(Path checkpoint) {
        return readJson(checkpoint.resolve("state.json"), TrainState.class);
    }

    static void writeJson(Path target, Object value) {
        try {
            dev.ganiqa.datasets.AtomicFiles.write(target, out -> JSON.writeValue(out, value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    static <T> T readJson(Path source, Class<T> type) {
        try {
            return JSON.readValue(source.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": expected a ganiqa " + type.getSimpleName() + " JSON file, found "
                    + e.getMessage().lines().findFirst().orElse("unreadable content"), e);
        }
    }

    List<Path> olderCheckpoints(Path keep) {
        try (Stream<Path> s = Files.list(checkpoints())) {
            return s.filter(p -> !p.equals(keep)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
