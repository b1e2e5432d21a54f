package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.cli.OutputPaths;
import dev.ganiqa.harness.features.FeatureSession;
import dev.ganiqa.metrics.api.SetSpec;
import dev.ganiqa.harness.features.DatasetOpener;
import dev.ganiqa.harness.features.FeatureFiles;
import dev.ganiqa.metrics.eval.StatsCache;
import dev.ganiqa.metrics.io.NumpyFiles;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ganiqa stats DIR|SPEC|FEATURES.npy --out STATS.npz}: mean and covariance as pytorch-fid saves them.
 * Images are streamed through the extractor (memory bounded by the batch, not by the number of images), and the
 * result also lands in the statistics cache that {@code fid} reads.
 */
@Parameters(commandNames = "stats", commandDescription = "Reference statistics (pytorch-fid .npz) of a folder, dataset "
        + "spec or .npy features")
public final class StatsCommand extends BaseCommand {
    @Parameter(description = "DIR|SPEC[@train|@test]|FEATURES.npy")
    public List<String> inputs = new ArrayList<>();

    @Parameter(names = "--out", required = true, description = "Statistics file to write (.npz with mu and sigma)")
    public String out;

    @ParametersDelegate
    public ExtractorOptions features = new ExtractorOptions();

    private final DatasetOpener opener;
    private final Map<String, String> env;

    public StatsCommand() {
        this(DatasetOpener.DATASETS, System.getenv());
    }

    /** @param env the environment (GANIQA_CACHE, GANIQA_INCEPTION, HOME); tests pass their own */
    public StatsCommand(DatasetOpener opener, Map<String, String> env) {
        this.opener = opener;
        this.env = Map.copyOf(env);
    }

    @Override
    public int run(CommandContext context) throws Exception {
        if (inputs.size() != 1) {
            throw CliException.usage("stats", "expected one DIR, SPEC or FEATURES.npy, found " + inputs.size()
                    + " inputs");
        }
        Path target = OutputPaths.file("stats", out);
        SetSpec input = SetSpec.parse(inputs.get(0));
        GaussianStats stats;
        String from = "";
        if (input instanceof SetSpec.Statistics) {
            throw CliException.usage(input.arg(), "expected images or an .npy feature matrix, found a statistics file");
        } else if (input instanceof SetSpec.Features) {
            stats = FeatureFiles.stats(input.arg());
        } else {
            StatsCache cache = features.cache(env);
            try (FeatureSession session = new FeatureSession(opener, features.spec(input.arg()), env, features.threads, cache,
                    context.err())) {
                stats = session.statistics((SetSpec.Images) input);
                from = ", " + session.extractor().info().label();
            }
        }
        NumpyFiles.writeStats(target, stats);
        context.out().println("wrote " + out + ": n=" + stats.n() + ", d=" + stats.dimension() + from);
        return 0;
    }
}
