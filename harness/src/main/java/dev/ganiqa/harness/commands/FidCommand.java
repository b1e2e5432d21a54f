package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.features.FeatureSession;
import dev.ganiqa.metrics.api.SetSpec;
import dev.ganiqa.harness.features.DatasetOpener;
import dev.ganiqa.harness.features.FeatureFiles;
import dev.ganiqa.metrics.eval.StatsCache;
import dev.ganiqa.metrics.stats.FrechetDistance;
import dev.ganiqa.metrics.stats.GaussianStats;
import dev.ganiqa.metrics.stats.LinearAlgebra;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ganiqa fid A B}: the Frechet distance of two sets, each an image folder, a dataset spec (split as a
 * suffix, {@code fashion-mnist@test}), an {@code .npz} statistics file or an {@code .npy} feature matrix, like
 * {@code python -m pytorch_fid}. Statistics of images are cached per (content, split, extractor).
 */
@Parameters(commandNames = "fid", commandDescription = "FID between two image folders, dataset specs, .npz statistics "
        + "or .npy features")
public final class FidCommand extends BaseCommand {
    @Parameter(description = "A B: each an image folder, a dataset spec with an optional split suffix "
            + "(fashion-mnist@test; default @train), an .npz with mu/sigma, or an .npy N x D feature matrix")
    public List<String> inputs = new ArrayList<>();

    @ParametersDelegate
    public ExtractorOptions features = new ExtractorOptions();

    private final DatasetOpener opener;
    private final Map<String, String> env;

    public FidCommand() {
        this(DatasetOpener.DATASETS, System.getenv());
    }

    /** @param env the environment (GANIQA_CACHE, GANIQA_INCEPTION, HOME); tests pass their own */
    public FidCommand(DatasetOpener opener, Map<String, String> env) {
        this.opener = opener;
        this.env = Map.copyOf(env);
    }

    @Override
    public int run(CommandContext context) throws Exception {
        if (inputs.size() != 2) {
            throw CliException.usage("fid", "expected two inputs A B, found " + inputs.size());
        }
        SetSpec a = SetSpec.parse(inputs.get(0));
        SetSpec b = SetSpec.parse(inputs.get(1));
        StatsCache cache = features.cache(env);
        try (FeatureSession session = new FeatureSession(opener, features.spec(b.arg()), env, features.threads, cache, context.err())) {
            GaussianStats sa = statsOf(a, session);
            GaussianStats sb = statsOf(b, session);
            if (sa.dimension() != sb.dimension()) {
                throw new CliException("fid", "expected inputs of the same feature dimension, found " + sa.dimension()
                        + " (" + a.arg() + ") and " + sb.dimension() + " (" + b.arg() + ")");
            }
            boolean images = a instanceof SetSpec.Images || b instanceof SetSpec.Images;
            String name = images ? session.extractor().info().name() : null;
            if (images) {
                for (SetSpec in : List.of(a, b)) {
                    if (!(in instanceof SetSpec.Images)) {
                        context.notice(in.arg() + ": a statistics or feature file does not record its extractor; "
                                + "this FID means something only if it was made with " + name);
                    }
                }
            }
            if (!LinearAlgebra.isNative() || context.verbose()) {
                context.notice("linear algebra: " + LinearAlgebra.backend());
            }
            for (GaussianStats s : List.of(sa, sb)) {
                String bias = FrechetDistance.smallSampleWarning(s);
                if (bias != null) {
                    context.notice("warning: " + (s == sa ? a.arg() : b.arg()) + ": " + bias);
                }
            }
            context.out().println((name == null ? "FID" : "FID (" + name + ")") + ": " + FrechetDistance.compute(sa, sb));
        }
        return 0;
    }

    private static GaussianStats statsOf(SetSpec input, FeatureSession session) throws IOException {
        if (input instanceof SetSpec.Images images) {
            return session.statistics(images);
        }
        return FeatureFiles.stats(input.arg());
    }
}
