package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.metrics.io.NumpyFiles;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ganiqa stats FEATURES.npy --out STATS.npz}: mean and covariance as pytorch-fid saves them. */
@Parameters(commandNames = "stats", commandDescription = "Mean/covariance of .npy features into a pytorch-fid .npz")
public final class StatsCommand extends BaseCommand {
    @Parameter(description = "FEATURES.npy")
    public List<String> inputs = new ArrayList<>();

    @Parameter(names = "--out", required = true, description = "Statistics file to write (.npz with mu and sigma)")
    public String out;

    @Override
    public int run(CommandContext context) throws Exception {
        if (inputs.size() != 1) {
            throw CliException.usage("stats", "expected one FEATURES.npy, found " + inputs.size() + " inputs");
        }
        FeatureMatrix features = FeatureInputs.featuresOf(inputs.get(0));
        if (features.rows() < 2) {
            throw new CliException(inputs.get(0), "expected at least 2 feature vectors, found " + features.rows());
        }
        GaussianStats stats = GaussianStats.of(features);
        NumpyFiles.writeStats(Path.of(out), stats);
        context.out().println("wrote " + out + ": n=" + stats.n() + ", d=" + stats.dimension());
        return 0;
    }
}
