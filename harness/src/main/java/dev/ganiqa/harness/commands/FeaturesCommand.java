package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.features.DatasetOpener;
import dev.ganiqa.harness.features.FeatureSession;
import dev.ganiqa.metrics.api.SetSpec;
import dev.ganiqa.metrics.eval.ExtractedSet;
import dev.ganiqa.metrics.io.NumpyFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ganiqa features DIR|SPEC --out F.npy [--probabilities P.npy]}: the feature vectors of every image as an
 * N x D float32 {@code .npy} (numpy.load reads it; {@code fid}, {@code metrics} and {@code compare-features} take
 * it as a set), rows in the set's order without the files that could not be decoded (stderr names them), and the
 * class probabilities as N x K when the extractor has a class head. The values are the extractor's own float32
 * outputs, so the file holds them exactly.
 */
@Parameters(commandNames = "features", commandDescription = "Feature vectors (and class probabilities) of a folder "
        + "or dataset spec as float32 .npy")
public final class FeaturesCommand extends BaseCommand {
    @Parameter(description = "DIR|SPEC[@train|@test]")
    public List<String> inputs = new ArrayList<>();

    @Parameter(names = "--out", required = true, description = "Feature file to write (.npy, N x D float32)")
    public String out;

    @Parameter(names = "--probabilities", description = "Also write the class probabilities (.npy, N x K float32)")
    public String probabilities;

    @ParametersDelegate
    public ExtractorOptions features = new ExtractorOptions();

    private final DatasetOpener opener;
    private final Map<String, String> env;

    public FeaturesCommand() {
        this(DatasetOpener.DATASETS, System.getenv());
    }

    /** @param env the environment (GANIQA_INCEPTION, HOME); tests pass their own */
    public FeaturesCommand(DatasetOpener opener, Map<String, String> env) {
        this.opener = opener;
        this.env = Map.copyOf(env);
    }

    @Override
    public int run(CommandContext context) throws Exception {
        if (inputs.size() != 1) {
            throw CliException.usage("features", "expected one DIR or SPEC, found " + inputs.size() + " inputs");
        }
        SetSpec input = SetSpec.parse(inputs.get(0));
        Path target = dev.ganiqa.harness.cli.OutputPaths.file("features", out);
        Path probabilitiesTarget = probabilities == null ? null
                : dev.ganiqa.harness.cli.OutputPaths.file("features", probabilities);
        if (!(input instanceof SetSpec.Images images)) {
            throw CliException.usage(input.arg(), "expected images (a folder or a dataset spec), found a "
                    + (input instanceof SetSpec.Features ? "feature file" : "statistics file"));
        }
        ExtractedSet set;
        String label;
        try (FeatureSession session = new FeatureSession(opener, features.spec(input.arg()), env, features.threads, null,
                context.err())) {
            label = session.extractor().info().label();
            if (probabilities != null && !session.extractor().info().hasClasses()) {
                throw new CliException("features", "--probabilities: the extractor " + label + " has no class head");
            }
            set = session.features(images);
        }
        if (set.size() == 0) {
            throw new CliException(input.arg(), "expected at least one decodable image, found none");
        }
        NumpyFiles.writeFeatures32(target, set.features());
        context.out().println("wrote " + out + ": " + set.size() + " x " + set.features().cols() + " float32 features, "
                + label);
        if (probabilities != null) {
            NumpyFiles.writeFeatures32(probabilitiesTarget, set.probabilities());
            context.out().println("wrote " + probabilities + ": " + set.size() + " x " + set.probabilities().cols()
                    + " float32 class probabilities");
        }
        return 0;
    }
}
