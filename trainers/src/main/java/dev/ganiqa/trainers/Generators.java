package dev.ganiqa.trainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.types.TFloat32;

/** Loads a trained generator for sampling, independent of the training code path. */
public final class Generators {
    private Generators() {
    }

    /**
     * Opens {@code path}: an exported SavedModel folder, or a run folder, whose {@code savedmodel/} is used when
     * present and otherwise its latest checkpoint (a killed or still running run). Close the result.
     */
    public static Generator load(Path path) {
        if (Files.exists(path.resolve("saved_model.pb"))) {
            return savedModel(path);
        }
        RunFiles files = new RunFiles(path);
        if (Files.exists(files.savedModel().resolve("saved_model.pb"))) {
            return savedModel(files.savedModel());
        }
        Path checkpoint = files.latestCheckpoint().orElseThrow(() -> new IllegalArgumentException(path
                + ": expected a SavedModel or a run folder with a checkpoint, found neither"));
        TrainConfig config = RunFiles.readJson(files.config(), TrainConfig.class);
        ModelInfo info = RunFiles.readJson(files.model(), ModelInfo.class);
        GanGraph graph = new GanGraph(config.hyperparameters(), info.shape(), info.classes(), config.seed(),
                config.threads());
        try {
            graph.session.restore(RunFiles.prefix(checkpoint));
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
        return Steps.live(graph, info.shape(), graph::close);
    }

    /** Opens an exported SavedModel folder (with its model.json). */
    public static Generator savedModel(Path dir) {
        Path infoFile = dir.resolve("model.json");
        if (!Files.exists(infoFile)) {
            throw new IllegalArgumentException(dir + ": expected model.json next to the SavedModel, found none");
        }
        ModelInfo info = RunFiles.readJson(infoFile, ModelInfo.class);
        SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), SavedModelBundle.DEFAULT_TAG);
        SessionFunction function = bundle.function(GanGraph.SIGNATURE);
        return new GraphGenerator(info.shape(), info.classes(), info.latentDim(), (z, y) -> {
            Result r = function.call(Map.of("z", z, "labels", y));
            return (TFloat32) r.get("images").orElseThrow();
        }, bundle::close);
    }

    /** The model.json of a run or SavedModel folder: shape, classes, class names. */
    public static ModelInfo info(Path path) {
        Path direct = path.resolve("model.json");
        return RunFiles.readJson(direct, ModelInfo.class);
    }
}
