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
import dev.ganiqa.metrics.features.train.GateThresholds;
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
 * for calibration with the same seed): the lowest of {@link GateThresholds#TAUS} for which no class has more than
 * {@code --max-out} of them counted out; with {@code --per-class}, one threshold per class the first extractor
 * predicts, each lowered from that one while the rule holds ({@link GateThresholds#perClass}). Writes {@code DIR/NAME.pb} and {@code DIR/NAME.json} (both checksums, the threshold, every
 * candidate threshold's class shares).
 */
@Parameters(commandNames = "union", commandDescription = "Merge extractors: the first's features, the union of its "
        + "rejection gate with the second's (or the mean of several seconds'), whose threshold is chosen on held-out "
        + "real images")
public final class ExtractorUnionCommand extends BaseCommand {
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

    @Parameter(names = "--per-class", description = "One gate threshold per class the first extractor predicts, each "
            + "lowered from the shared one while no class of the calibration images goes over --max-out")
    public boolean perClass;

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
        GateThresholds.Calibration cal = calibration(calibration);
        List<String> classNames = calibration.classNames();
        Map<Double, double[]> shares = GateThresholds.candidates(cal);
        Map<String, Object> candidates = new LinkedHashMap<>();
        for (Map.Entry<Double, double[]> e : shares.entrySet()) {
            candidates.put(String.valueOf(e.getKey()), byClass(classNames, e.getValue()));
            context.notice(String.format(Locale.ROOT, "gate threshold %s: at most %.1f%% of a class out", e.getKey(),
                    100 * GateThresholds.max(e.getValue())));
        }
        Double chosen = GateThresholds.shared(shares, maxOut).orElseThrow(() -> new CliException("extractor union",
                String.join(", ", second) + ": expected a gate threshold that counts at most " + maxOut + " of every "
                        + "class of the " + calibration.size() + " calibration images out, found none of "
                        + GateThresholds.TAUS));
        double[] taus = perClass ? GateThresholds.perClass(cal, chosen, maxOut) : new double[] {chosen};
        float[] graphTaus = new float[taus.length];
        for (int c = 0; c < taus.length; c++) {
            graphTaus[c] = (float) taus[c];
        }
        List<GraphDef> gates = new java.util.ArrayList<>();
        for (byte[] g : b) {
            gates.add(GraphDef.parseFrom(g));
        }
        byte[] merged = RejectionUnion.merge(GraphDef.parseFrom(a), gates, graphTaus);
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
        if (perClass) {
            Map<String, Double> byPredicted = new LinkedHashMap<>();
            for (int c = 0; c < taus.length; c++) {
                byPredicted.put(classNames.get(c), taus[c]);
            }
            json.put("gate_threshold_by_predicted_class", byPredicted);
            json.put("class_shares_out_by_predicted_class_thresholds",
                    byClass(classNames, GateThresholds.sharesOut(cal, taus)));
        }
        AtomicFiles.write(out.resolve(name + ".json"),
                o -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(o, json));
        context.out().printf(Locale.ROOT, "%s sha256 %s gate threshold %s -> %s%n", name, Sha256.hex(merged),
                perClass ? "by predicted class " + java.util.Arrays.toString(taus) : chosen, pb);
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

    /** The calibration images through both gates: rejections, the first network's predictions, true labels. */
    private GateThresholds.Calibration calibration(ImageDataset calibration) {
        ExtractedSet firstSet = extracted(first, calibration);
        if (firstSet.probabilities() == null || firstSet.probabilities().cols() != calibration.classNames().size()) {
            throw new CliException("extractor union", first + ": expected a classifier of the "
                    + calibration.classNames().size() + " classes of " + data + ", found " + (firstSet.probabilities()
                    == null ? "no probabilities output" : firstSet.probabilities().cols() + " classes"));
        }
        double[][] members = new double[second.size()][];
        for (int m = 0; m < members.length; m++) {
            members[m] = extracted(second.get(m), calibration).rejection();
        }
        double[] gate = new double[calibration.size()];
        int[] predicted = new int[calibration.size()];
        int[] labels = new int[calibration.size()];
        double[] rb = new double[members.length];
        for (int i = 0; i < gate.length; i++) {
            for (int m = 0; m < members.length; m++) {
                rb[m] = members[m][i];
            }
            gate[i] = RejectionUnion.gate(rb);
            predicted[i] = firstSet.predictedClass(i);
            labels[i] = calibration.label(i);
        }
        return new GateThresholds.Calibration(firstSet.rejection(), gate, predicted, labels,
                calibration.classNames().size(), MetricDefinitions.OOD_THRESHOLD);
    }

    private static Map<String, Double> byClass(List<String> classNames, double[] shares) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int c = 0; c < shares.length; c++) {
            m.put(classNames.get(c), shares[c]);
        }
        return m;
    }

    private static ExtractedSet extracted(String spec, ImageDataset images) {
        try (FeatureExtractor e = Extractors.open(spec, Map.of())) {
            ExtractedSet set = ExtractedSet.of(ImageSet.of(images), e, Progress.NONE);
            if (set.rejection() == null) {
                throw new CliException("extractor union", spec + ": expected an extractor with a rejection output, "
                        + "found none");
            }
            return set;
        }
    }
}
