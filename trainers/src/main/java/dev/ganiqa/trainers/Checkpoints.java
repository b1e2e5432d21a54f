package dev.ganiqa.trainers;

import dev.ganiqa.datasets.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Atomic checkpoints: the TF variables (weights, optimizer slots, batch-norm statistics) and the counters are
 * written into {@code ckpt-N.tmp}, which is then renamed to {@code ckpt-N}; only afterwards are older
 * checkpoints deleted, so a kill at any moment leaves at least one complete checkpoint. Written once per epoch
 * ({@code Session.save} leaks a little native memory per call, shared/notes/tfjava.md).
 */
final class Checkpoints {
    private Checkpoints() {
    }

    static Path write(GanGraph graph, RunFiles files, TrainState state) {
        Path target = files.checkpoints().resolve(String.format(java.util.Locale.ROOT, "ckpt-%012d", state.criticSteps()));
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Folders.deleteTree(tmp);
            Files.createDirectories(tmp);
            graph.session.save(RunFiles.prefix(tmp));
            RunFiles.writeJson(tmp.resolve("state.json"), state);
            Folders.deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            for (Path old : files.olderCheckpoints(target)) {
                Folders.deleteTree(old);
            }
            return target;
        } catch (IOException | RuntimeException e) {
            // A full disk must not leave megabytes of half a checkpoint behind: the rerun would find the disk full too.
            try {
                Folders.deleteTree(tmp);
            } catch (UncheckedIOException ignored) {
                // the original error is the one to report
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), (IOException) e);
        }
    }

    /** Deletes the {@code ckpt-N.tmp} folders a killed run left (never a complete checkpoint). */
    static void removeTemporaries(RunFiles files) {
        if (!java.nio.file.Files.isDirectory(files.checkpoints())) {
            return;
        }
        try (var s = Files.list(files.checkpoints())) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                Folders.deleteTree(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + files.checkpoints() + ": " + e.getMessage(), e);
        }
    }
}
