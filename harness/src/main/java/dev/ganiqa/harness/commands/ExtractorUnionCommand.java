package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ganiqa.datasets.AtomicFiles;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.datasets.Sha256;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.cli.OutputPaths;
import dev.ganiqa.metrics.eval.ExtractedSet;
import dev.ganiqa.metrics.eval.MetricDefinitions;
import dev.ganiqa.metrics.features.EmbeddedExtractor;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.Progress;
import dev.ganiqa.metrics.features.train.ClassifierTrainer;
import dev.ganiqa.metrics.features.train.RejectionUnion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.proto.GraphDef;

/**
 * {@code ganiqa extractor union --first X --second Y [--second Z ...] --out DIR}: one frozen graph with the first
 * extractor's features and the union of both rejection gates ({@link RejectionUnion}); several {@code --second}
 * make the second gate the mean of their rejections (an ensemble, trained with one {@code --calibration-seed}). The second gate's threshold is chosen on real
 * images neither network trained on (the 1/12 of the training split that {@code extractor train --rotation} holds out
 * for calibration with the same seed): the lowest of {@link #TAUS} for which no class has more than {@code --max-out}
 * of them counted out. Writes {@code DIR/NAME.pb} and {@code DIR/NAME.json} (both checksums, the threshold, every
 * candidate threshold's class shares).
 */
@Parameters(commandNames = "union", commandDescription = "Merge extractors: the first's features, the union of its "
        + "rejection gate with the second's (or the mean of several seconds'), whose threshold is chosen on held-out "
        + "real images")
public final class ExtractorUnionCommand extends BaseCommand {
    /** The second gate's candidate thresholds, lowest (most rejections) first. */
    static final List<Double> TAUS = List.of(0.5, 0.7, 0.9, 0.95, 0.99, 0.999);

    @Parameter(names = "--first", required = true, description = "The extractor whose features, logits and "
            + "probabilities the union keeps: a shipped name (ganiqa-fmnist-v8) or frozen:FILE.pb")
    public String first;

    @Parameter(names = "--second", required = true, description = "The extractor whose rejection output is added: a "
            + "shipped name or frozen:FILE.pb (both need a rejection output); repeated, the mean of their rejections "
            + "(an ensemble whose members held out the same calibration images)")
    public List<String> second = new java.util.ArrayList<>();

    @Parameter(names = "--data", description = "The labelled dataset both were trained on")
    public String data = "fashion-mnist";

    @Parameter(names = "--seed", description = "The training seed, or --calibration-seed, of all of them (which images "
            + "were held out for calibration)")
    public long seed = 1;

    @Parameter(names = "--max-out", description = "Largest share of any class of the calibration images the union "
            + "may count out")
    public double maxOut = 0.10;

    @Parameter(names = "--name", description = "Name of the graph file (NAME.pb)")
    public String name = "ganiqa-fmnist-union";

    @Parameter(names = "--out", required = true, description = "Output folder")
    public Path out;

    @Override
    public int run(CommandContext context) throws Exception {
        if (!(maxOut > 0 && maxOut < 1)) {
            throw CliException.usage("extractor union", "--max-out: expected a share in (0, 1), found " + maxOut);
        }
        OutputPaths.folder("extractor union", out);
        byte[] a = graph(first);
        List<byte[]> b = new java.util.ArrayList<>();
        for (String spec : second) {
            b.add(graph(spec));
        }
        ImageDataset train = dev.ganiqa.datasets.Datasets.open(data).open(Split.TRAIN);
        ImageDataset calibration = ClassifierTrainer.calibrationSplit(train, seed)[1];
        double[] ra = rejection(first, calibration);
        double[][] members = new double[second.size()][];
        for (int m = 0; m < members.length; m++) {
            members[m] = rejection(second.get(m), calibration);
        }
        int classes = calibration.classNames().size();
        Map<String, Object> candidates = new LinkedHashMap<>();
        Double chosen = null;
        for (double tau : TAUS) {
            int[] n = new int[classes];
            int[] outside = new int[classes];
            for (int i = 0; i < ra.length; i++) {
                int c = calibration.label(i);
                n[c]++;
                double[] rb = new double[members.length];
                for (int m = 0; m < members.length; m++) {
                    rb[m] = members[m][i];
                }
                outside[c] += RejectionUnion.score(ra[i], rb, tau) > MetricDefinitions.OOD_THRESHOLD ? 1 : 0;
            }
            Map<String, Double> shares = new LinkedHashMap<>();
            double max = 0;
            for (int c = 0; c < classes; c++) {
                double share = n[c] == 0 ? 0 : (double) outside[c] / n[c];
                shares.put(calibration.classNames().get(c), share);
                max = Math.max(max, share);
            }
            candidates.put(String.valueOf(tau), shares);
            context.notice(String.format(Locale.ROOT, "gate threshold %s: at most %.1f%% of a class out", tau, 100 * max));
            if (chosen == null && max <= maxOut) {
                chosen = tau;
            }
        }
        if (chosen == null) {
            throw new CliException("extractor union", String.join(", ", second) + ": expected a gate threshold that counts at most "
                    + maxOut + " of every class of the " + calibration.size() + " calibration images out, found none of "
                    + TAUS);
        }
        List<GraphDef> gates = new java.util.ArrayList<>();
        for (byte[] g : b) {
            gates.add(GraphDef.parseFrom(g));
        }
        byte[] merged = RejectionUnion.merge(GraphDef.parseFrom(a), gates, chosen.floatValue());
        Path pb = out.resolve(name + ".pb");
        AtomicFiles.write(pb, merged);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("sha256", Sha256.hex(merged));
        json.put("first", first);
        json.put("first_sha256", Sha256.hex(a));
        if (second.size() == 1) {
            json.put("second", second.get(0));
            json.put("second_sha256", Sha256.hex(b.get(0)));
        } else {
            json.put("second", second);
            json.put("second_sha256", b.stream().map(Sha256::hex).toList());
            json.put("second_is", "the mean of these gates' rejections");
        }
        json.put("data", data);
        json.put("calibration_images", calibration.size());
        json.put("max_out", maxOut);
        json.put("gate_threshold", chosen);
        json.put("class_shares_out", candidates);
        AtomicFiles.write(out.resolve(name + ".json"),
                o -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(o, json));
        context.out().printf(Locale.ROOT, "%s sha256 %s gate threshold %s -> %s%n", name, Sha256.hex(merged), chosen, pb);
        return 0;
    }

    private static byte[] graph(String spec) throws java.io.IOException {
        var embedded = EmbeddedExtractor.named(spec);
        if (embedded.isPresent()) {
            return EmbeddedExtractor.verifiedBytes(embedded.get());
        }
        if (spec.startsWith("frozen:")) {
            Path file = Path.of(spec.substring("frozen:".length()));
            if (!Files.isRegularFile(file)) {
                throw new CliException("extractor union", file + ": expected a frozen graph, found no such file");
            }
            return Files.readAllBytes(file);
        }
        throw CliException.usage("extractor union", "expected a shipped extractor name or frozen:FILE.pb, found " + spec);
    }

    private static double[] rejection(String spec, ImageDataset images) {
        try (FeatureExtractor e = Extractors.open(spec, Map.of())) {
            ExtractedSet set = ExtractedSet.of(ImageSet.of(images), e, Progress.NONE);
            if (set.rejection() == null) {
                throw new CliException("extractor union", spec + ": expected an extractor with a rejection output, "
                        + "found none");
            }
            return set.rejection();
        }
    }
}
