package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.metrics.stats.FrechetDistance;
import dev.ganiqa.metrics.stats.GaussianStats;
import dev.ganiqa.metrics.stats.LinearAlgebra;
import java.util.ArrayList;
import java.util.List;

/** {@code ganiqa fid A B}: the Frechet distance of two .npz statistics files or .npy feature matrices. */
@Parameters(commandNames = "fid", commandDescription = "FID between two .npz statistics or .npy feature files")
public final class FidCommand extends BaseCommand {
    @Parameter(description = "A B (each .npz with mu/sigma, or .npy features N x D)")
    public List<String> inputs = new ArrayList<>();

    @Override
    public int run(CommandContext context) throws Exception {
        if (inputs.size() != 2) {
            throw CliException.usage("fid", "expected two inputs A B, found " + inputs.size());
        }
        GaussianStats a = FeatureInputs.statsOf(inputs.get(0));
        GaussianStats b = FeatureInputs.statsOf(inputs.get(1));
        if (a.dimension() != b.dimension()) {
            throw new CliException("fid", "expected inputs of the same feature dimension, found " + a.dimension()
                    + " (" + inputs.get(0) + ") and " + b.dimension() + " (" + inputs.get(1) + ")");
        }
        if (!LinearAlgebra.isNative() || context.verbose()) {
            context.notice("linear algebra: " + LinearAlgebra.backend());
        }
        context.out().println("FID: " + FrechetDistance.compute(a, b));
        return 0;
    }
}
