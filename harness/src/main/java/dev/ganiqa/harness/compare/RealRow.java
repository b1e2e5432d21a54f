package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Png;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.reports.model.ImageRef;
import dev.ganiqa.reports.model.RealReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real-data row of a comparison, measured once per run folder (locally and by the Slurm route alike). */
public final class RealRow {
    private RealRow() {
    }

    /**
     * The real-data row: training images (as many as a unit's samples) measured exactly like generated samples,
     * the ceiling a perfect generator would reach; with a grid of real images next to the generated grids.
     */
    public static RealReference measure(CompareConfig config, ImageDataset train, UnitEvaluator evaluator, Path runDir,
                                 java.util.function.Consumer<String> notice) throws IOException, InterruptedException {
        ImageDataset sample = SubsetDataset.sample(train, config.samples(), Workspace.SUBSET_SEED + 1);
        notice.accept("real-data row: " + sample.size() + " training images against the test split");
        UnitEvaluation eval = evaluator.evaluate(sample);
        int n = Math.min(100, sample.size());
        byte[] pixels = new byte[n * sample.shape().values()];
        for (int i = 0; i < n; i++) {
            System.arraycopy(sample.image(i), 0, pixels, i * sample.shape().values(), sample.shape().values());
        }
        Path grid = runDir.resolve("real").resolve("grid.png");
        Files.createDirectories(grid.getParent());
        // Drawn by the datasets module's one PNG writer: the real images never enter the trainers module.
        Png.write(grid, Png.grid(pixels, sample.shape(), n, 10));
        return new RealReference("real training images vs the test split (" + sample.size() + " images)",
                eval.metrics(), eval.imageMeasures(), eval.perClass(),
                ImageRef.file(runDir.relativize(grid).toString(), "real training images"));
    }
}
