package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ganiqa.datasets.AtomicFiles;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.cli.NumberChecks;
import dev.ganiqa.harness.cli.OutputPaths;
import dev.ganiqa.harness.features.FeatureFiles;
import dev.ganiqa.metrics.eval.Evaluation;
import dev.ganiqa.metrics.eval.ExtractedSet;
import dev.ganiqa.metrics.eval.Reference;
import dev.ganiqa.metrics.features.ExtractorInfo;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.KidConfig;
import dev.ganiqa.metrics.stats.LinearAlgebra;
import dev.ganiqa.metrics.stats.NearestNeighbourMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ganiqa compare-features REAL.npy FAKE.npy [--json FILE]}: FID, KID, precision/recall, density/coverage. */
@Parameters(commandNames = "compare-features",
        commandDescription = "FID, KID, precision/recall, density/coverage of two .npy feature matrices")
public final class CompareFeaturesCommand extends BaseCommand {
    @Parameter(description = "REAL.npy FAKE.npy")
    public List<String> inputs = new ArrayList<>();

    @Parameter(names = "--json", description = "Also write the values to this JSON file (atomically)")
    public String json;

    @Parameter(names = "--kid-subsets", validateWith = NumberChecks.Positive.class, description = "KID subsets (torch-fidelity default)")
    public int kidSubsets = KidConfig.defaults().subsets();

    @Parameter(names = "--kid-subset-size", validateWith = NumberChecks.Positive.class, description = "KID subset size (torch-fidelity default)")
    public int kidSubsetSize = KidConfig.defaults().subsetSize();

    @Parameter(names = "--seed", description = "Seed of the KID subsets")
    public long seed = KidConfig.defaults().seed();

    @Override
    public int run(CommandContext context) throws Exception {
        if (inputs.size() != 2) {
            throw CliException.usage("compare-features", "expected REAL.npy FAKE.npy, found " + inputs.size() + " inputs");
        }
        Path target = json == null ? null : OutputPaths.file("compare-features", json);
        KidConfig asked = new KidConfig(kidSubsets, kidSubsetSize, seed);
        FeatureMatrix real = FeatureFiles.features(inputs.get(0));
        FeatureMatrix fake = FeatureFiles.features(inputs.get(1));
        if (real.cols() != fake.cols()) {
            throw new CliException("compare-features", "expected the same feature dimension, found " + real.cols()
                    + " (" + inputs.get(0) + ") and " + fake.cols() + " (" + inputs.get(1) + ")");
        }
        int minRows = NearestNeighbourMetrics.DENSITY_COVERAGE_K + 1;
        if (real.rows() < minRows || fake.rows() < minRows) {
            throw new CliException("compare-features", "expected at least " + minRows + " feature vectors per set, found "
                    + real.rows() + " and " + fake.rows());
        }
        if (!LinearAlgebra.isNative() || context.verbose()) {
            context.notice("linear algebra: " + LinearAlgebra.backend());
        }
        // The one evaluation of `ganiqa metrics` and `compare`: the same numbers, labels, warnings and JSON shape.
        ExtractorInfo info = FeatureFiles.info(inputs.get(0), real.cols());
        Evaluation.Result result = Evaluation.evaluate(info, Reference.of(ExtractedSet.ofFeatures(real)),
                ExtractedSet.ofFeatures(fake), asked);
        result.warnings().forEach(w -> context.notice("warning: " + w));
        MetricsReport.FeatureMetrics metrics = new MetricsReport.FeatureMetrics(MetricsReport.extractor(info),
                new MetricsReport.Side(inputs.get(0), "features", real.rows(), null),
                new MetricsReport.Side(inputs.get(1), "features", fake.rows(), null), result.metrics(),
                result.unavailable());
        MetricsReport.printFeatureMetrics(metrics, context.out());
        if (target != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("features", metrics);
            doc.put("warnings", result.warnings());
            doc.put("kid_subset_size_asked", asked.subsetSize());
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            AtomicFiles.write(target, out -> mapper.writeValue(out, doc));
        }
        return 0;
    }
}
