package dev.ganiqa.metrics.features.train;

import dev.ganiqa.datasets.Folders;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.metrics.io.MalformedFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.tensorflow.Session;

/**
 * Per-epoch checkpoints of an extractor's training in {@code OUT/checkpoints/epoch-NNNN}: the TF variables (weights
 * and Adam's slots, {@code Session.save}) and a {@code state.txt} naming the epochs done and the training they
 * belong to. A run stopped at any moment (a session's end) continues from its last complete epoch when started
 * again with the same recipe and data; every epoch's order, turns and noise are seeded by the epoch's index, so
 * only the stopped epoch is lost. Written as {@code epoch-NNNN.tmp}, then renamed, then the older ones deleted (as
 * the GAN trainers' checkpoints are), so one complete checkpoint always remains; removed once the frozen graph is written and measured (a stop during
 * the export leaves the checkpoint, and the next start replaces the unfinished SavedModel from it).
 */
final class ClassifierCheckpoints {
    private static final String STATE = "state.txt";
    private final Path dir;
    private final String identity;

    /**
     * @param identity what must match for a checkpoint to be continued: the recipe (every setting but the epoch and
     *                 thread counts) and the training images
     */
    ClassifierCheckpoints(Path outDir, String identity) {
        this.dir = outDir.resolve("checkpoints");
        this.identity = identity.replace('\n', ' ');
    }

    /** The identity of a training run: {@code config} without its epoch and thread counts, and the images. */
    static String identity(TrainingConfig config, ImageDataset images) {
        return String.format(Locale.ROOT, "batch %d, learning rate %s, seed %d, reject %d, negatives %s, rotation %s, "
                        + "noise augment %s, noise stability %s%s; %s (%d images)", config.batchSize(),
                config.learningRate(), config.seed(), config.reject(), config.negatives().id(), config.rotation().id(),
                config.noiseAugment(), config.noiseStability(), config.calibrationSeed() == config.seed() ? ""
                        : ", calibration seed " + config.calibrationSeed(), images.description(), images.size());
    }

    /**
     * Restores the last complete checkpoint into {@code session} and returns the epochs it holds (0 without one).
     *
     * @throws MalformedFileException when the checkpoint belongs to another training, or holds more epochs than
     *                                {@code epochs} (the CLI prints its one line and exits 1)
     */
    int restore(Session session, int epochs) throws MalformedFileException {
        Path last = last();
        if (last == null) {
            return 0;
        }
        String[] state;
        try {
            state = Files.readString(last.resolve(STATE), StandardCharsets.UTF_8).split("\n", 2);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + last.resolve(STATE) + ": " + e.getMessage(), e);
        }
        String found = state.length > 1 ? state[1].strip() : "";
        if (!found.equals(identity)) {
            throw new MalformedFileException(last.resolve(STATE), "expected a checkpoint of this training (" + identity
                    + "), found one of another (" + found + "); use another --out or delete " + dir);
        }
        int done;
        try {
            done = Integer.parseInt(state[0].strip());
        } catch (NumberFormatException e) {
            throw new MalformedFileException(last.resolve(STATE), "expected the epochs done on its first line, found '"
                    + state[0].strip() + "'");
        }
        if (done > epochs) {
            throw new MalformedFileException(last.resolve(STATE), "expected at most " + epochs + " epochs done, found "
                    + done + "; ask for at least that many --epochs or delete " + dir);
        }
        session.restore(prefix(last));
        return done;
    }

    /** Saves {@code session} as the checkpoint of {@code done} epochs and deletes the older ones. */
    void save(Session session, int done) {
        Path target = dir.resolve(String.format(Locale.ROOT, "epoch-%04d", done));
        Path tmp = dir.resolve(target.getFileName() + ".tmp");
        try {
            Folders.deleteTree(tmp);
            Files.createDirectories(tmp);
            session.save(prefix(tmp));
            Files.writeString(tmp.resolve(STATE), done + "\n" + identity + "\n", StandardCharsets.UTF_8);
            Folders.deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            try (Stream<Path> s = Files.list(dir)) {
                for (Path old : s.filter(p -> !p.equals(target)).toList()) {
                    Folders.deleteTree(old);
                }
            }
        } catch (IOException e) {
            Folders.deleteTree(tmp);
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    /** Whether a complete checkpoint is there (of this training or, refused later by {@link #restore}, another). */
    boolean any() {
        return last() != null;
    }

    /** Deletes every checkpoint: the exported run needs none. */
    void clear() {
        Folders.deleteTree(dir);
    }

    private Path last() {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("epoch-\\d{4}"))
                    .filter(p -> Files.isRegularFile(p.resolve(STATE)))
                    .max(Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String prefix(Path checkpoint) {
        return checkpoint.resolve("ckpt").toString();
    }
}
