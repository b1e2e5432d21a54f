package dev.ganiqa.trainers;

import dev.ganiqa.datasets.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;

/**
 * SavedModel export of the generator: tag {@code serve}, signature {@code generate} with inputs {@code z}
 * [n, latentDim] and {@code labels} [n, max(classes, 1)] (one-hot; zeros for unconditional generators) and
 * output {@code images} [n, H, W, C] in [-1, 1] (batch norm with its moving statistics). model.json next to
 * it says shape, classes and latent size, so {@link Generators#load} needs nothing else.
 */
final class Export {
    private Export() {
    }

    static void savedModel(GanGraph graph, RunFiles files, Path target) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Folders.deleteTree(tmp);
            Signature signature = Signature.builder().key(GanGraph.SIGNATURE)
                    .input("z", graph.sampleZ).input("labels", graph.sampleOneHot)
                    .output("images", graph.samples).build();
            SavedModelBundle.exporter(tmp.toString()).withSession(graph.session).withSignature(signature).export();
            Files.copy(files.model(), tmp.resolve("model.json"));
            Folders.deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export " + target + ": " + e.getMessage(), e);
        }
    }
}
