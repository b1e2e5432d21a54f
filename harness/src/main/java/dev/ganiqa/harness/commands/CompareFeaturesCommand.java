package dev.ganiqa.harness.commands;

import dev.ganiqa.datasets.AtomicFiles;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ganiqa.harness.cli.Numbers;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.cli.OutputPaths;
import dev.ganiqa.harness.features.FeatureFiles;
import dev.ganiqa.metrics.eval.Evaluation;
import dev.ganiqa.metrics.stats.FeatureComparison;
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

    @Parameter(names = "--kid-subsets", validateWith = Numbers.Positive.class, description = "KID subsets (torch-fidelity default)")
    public int kidSubsets = KidConfig.defaults().subsets();

    @Parameter(names = "--kid-subset-size", validateWith = Numbers.Positive.class, description = "KID subset size (torch-fidelity default)")
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
        // The subsets and the warnings of `ganiqa metrics`, so both give the same numbers and say the same.
        KidConfig kid = Evaluation.kidConfig(asked, fake.rows(), real.rows());
        List<String> warnings = new ArrayList<>(Evaluation.fidWarnings(fake.rows(), real.rows(), real.cols()));
        String cut = Evaluation.kidWarning(asked, fake.rows(), real.rows());
        if (cut != null) {
            warnings.add(cut);
        }
        warnings.forEach(w -> context.notice("warning: " + w));
        Map<String, Double> values = new FeatureComparison(real, fake).all(kid);
        values.forEach((k, v) -> context.out().printf("%-10s %s%n", k, v));
        if (target != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("real", inputs.get(0));
            doc.put("fake", inputs.get(1));
            doc.put("real_n", real.rows());
            doc.put("fake_n", fake.rows());
            doc.put("dimension", real.cols());
            doc.put("kid", kid);
            doc.put("kid_subset_size_asked", asked.subsetSize());
            doc.put("warnings", warnings);
            doc.put("precision_recall_k", NearestNeighbourMetrics.PRECISION_RECALL_K);
            doc.put("density_coverage_k", NearestNeighbourMetrics.DENSITY_COVERAGE_K);
            doc.put("metrics", values);
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            AtomicFiles.write(target, out -> mapper.writeValue(out, doc));
        }
        return 0;
    }
}
