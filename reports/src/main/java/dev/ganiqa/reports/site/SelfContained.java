package dev.ganiqa.reports.site;

import dev.ganiqa.reports.html.Images;
import dev.ganiqa.reports.model.NeighbourPair;
import dev.ganiqa.reports.model.RealReference;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.UnitResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's results with every image embedded: the sample grids that results.json names by path (under
 * {@code units/.../train/grids/}) are read from the run folder and stored as base64, so the file alone renders the
 * whole report once it leaves the run folder (a site, a repository) without the samples and checkpoints.
 */
public final class SelfContained {
    private SelfContained() {
    }

    /** {@code results} with each path image read from {@code runDir}; a missing image is an error naming it. */
    public static RunResults of(RunResults results, Path runDir) throws IOException {
        Images images = new Images(runDir);
        RunResults out = results;
        for (UnitResult u : results.units()) {
            List<NeighbourPair> neighbours = new ArrayList<>();
            for (NeighbourPair n : u.neighbours()) {
                neighbours.add(new NeighbourPair(images.embedded(n.sample()), images.embedded(n.nearest()),
                        n.trainIndex(), n.distance(), n.space()));
            }
            out = out.withUnit(u.withImages(images.embedded(u.sampleGrid()), neighbours));
        }
        RealReference r = results.reference();
        if (r != null) {
            out = out.withReference(new RealReference(r.description(), r.metrics(), r.imageMeasures(), r.perClass(),
                    images.embedded(r.sampleGrid())));
        }
        return out;
    }
}
