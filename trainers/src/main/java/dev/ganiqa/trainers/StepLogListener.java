package dev.ganiqa.trainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes log.jsonl, one line per critic step, so a run's curves can be read without rerunning it; flushed at every
 * pause, so the file is complete up to each epoch end and a checkpoint can record its length.
 */
final class StepLogListener implements LoopListener, AutoCloseable {
    private final Path file;
    private final Writer out;

    /** Opens {@code file} for appending after cutting it to {@code bytes}: a resume drops the lines it redoes. */
    StepLogListener(Path file, long bytes) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.truncate(bytes);
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onStep(StepResult step) {
        try {
            out.write(step.stats().toJson());
            out.write('\n');
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void onEpochEnd(EpochState end) {
        flush();
    }

    @Override
    public void onStopInsideEpoch(EpochState end, Stop stop) {
        flush();
    }

    @Override
    public void onLoopEnd(EpochState last, Stop stop) {
        close();
    }

    /** The file's length with every line written so far. */
    long length() {
        flush();
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Also on an exception out of the run, so the lines written before it reach the file. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private UncheckedIOException failed(IOException e) {
        return new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
}
