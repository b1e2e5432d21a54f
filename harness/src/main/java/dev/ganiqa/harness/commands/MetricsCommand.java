package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.datasets.Resize;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.cli.NumberChecks;
import dev.ganiqa.harness.cli.OutputPaths;
import dev.ganiqa.harness.cli.ResizeModes;
import dev.ganiqa.harness.features.DatasetOpener;
import dev.ganiqa.harness.features.FeatureSession;
import dev.ganiqa.metrics.api.SetSpec;
import dev.ganiqa.metrics.eval.Evaluation;
import dev.ganiqa.metrics.eval.ExtractedSet;
import dev.ganiqa.metrics.eval.Reference;
import dev.ganiqa.metrics.features.ExtractorInfo;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.image.DatasetMeasurement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@code ganiqa metrics FAKE [--real REAL] [--per-image FILE.csv] [--json FILE]}: the per-image measures of every
 * image, each at its own size and channels (FAKE opened as an {@link ImageSet}: folders are streamed file by file,
 * never resized), summarised on stdout; with {@code --real}, also the set metrics against the real reference through a
 * feature extractor (the metrics module's {@link Evaluation}). The writing of outputs is in {@link MetricsReport}.
 */
@Parameters(commandNames = "metrics", commandDescription = "Per-image sharpness and noise measures of a folder or "
        + "dataset; with --real also FID, IS, KID, precision/recall, density/coverage")
public class MetricsCommand extends BaseCommand {
    @Parameter(description = "FAKE: an image folder or dataset spec, e.g. fashion-mnist (split: --split or a suffix "
            + "fashion-mnist@test)")
    public List<String> inputs = new ArrayList<>();

    @Parameter(names = "--real", description = "Real reference: a folder or dataset spec (fashion-mnist@test; default "
            + "@train) for every set metric, an .npy feature matrix, or an .npz of mu/sigma (FID and IS only)")
    public String real;

    @Parameter(names = "--extractor", description = "Feature extractor for --real: ganiqa-fmnist-v17 (default; ganiqa-emoji-v1 "
            + "when --real is emoji data), ganiqa-emoji-v1, ganiqa-fmnist-v15, ganiqa-fmnist-v13, ganiqa-fmnist-v12, ganiqa-fmnist-v10, ganiqa-fmnist-v8, ganiqa-fmnist-v6, ganiqa-fmnist-v3, ganiqa-fmnist-v2, "
            + "ganiqa-fmnist-v1, inception[:PATH], savedmodel:DIR[#SIGNATURE], frozen:FILE.pb, onnx:FILE.onnx[?OPTIONS], "
            + "onnx-clip-vit-b32:FILE, onnx-dinov2-vits14:FILE, onnx-inception:FILE")
    public String extractor;

    @Parameter(names = "--resize", converter = ResizeModes.class, description = ResizeModes.DESCRIPTION)
    public Resize resize;

    @Parameter(names = "--per-image", description = "Write one CSV row per image to this file")
    public String perImage;

    @Parameter(names = "--json", description = "Write per-measure mean/std/median/p5/p95 and skipped files as JSON")
    public String json;

    @Parameter(names = "--split", description = "Which split of FAKE (train or test; default train)")
    public String split;

    @Parameter(names = "--threads", validateWith = NumberChecks.Positive.class, description = "Worker threads (default: all cores)")
    public int threads = Runtime.getRuntime().availableProcessors();

    @Parameter(names = "--no-cache", description = "Neither read nor write the real side's cached features "
            + "(${GANIQA_CACHE:-~/.cache/ganiqa}/features)")
    public boolean noCache;

    private final DatasetOpener opener;
    private final Map<String, String> env;

    public MetricsCommand(DatasetOpener opener) {
        this(opener, System.getenv());
    }

    /** @param env the environment (GANIQA_INCEPTION for the Inception extractor); tests pass their own */
    public MetricsCommand(DatasetOpener opener, Map<String, String> env) {
        this.opener = opener;
        this.env = Map.copyOf(env);
    }

    /** The command as registered: specs and folders opened by the datasets module. */
    public static MetricsCommand withDatasets() {
        return new MetricsCommand(DatasetOpener.DATASETS);
    }

    @Override
    public int run(CommandContext context) throws Exception {
        if (inputs.size() != 1) {
            throw CliException.usage("metrics", "expected one DIR or SPEC, found " + inputs.size() + " inputs");
        }
        if (threads < 1) {
            throw CliException.usage("metrics", "expected --threads >= 1, found " + threads);
        }
        Path csv = perImage == null ? null : OutputPaths.file("metrics", perImage);
        Path jsonFile = json == null ? null : OutputPaths.file("metrics", json);
        SetSpec.Images fake = fakeInput(inputs.get(0));
        ImageSet set = openImages(fake);
        set.notices().forEach(context::notice);
        DatasetMeasurement.Result result = measure(set, context);
        MetricsReport.FeatureMetrics features = real == null ? null : featureMetrics(fake, context);
        MetricsReport report = new MetricsReport(inputs.get(0), result, features);
        report.printSummary(context.out());
        if (csv != null) {
            report.writeCsv(csv);
        }
        if (jsonFile != null) {
            report.writeJson(jsonFile);
        }
        if (!result.skipped().isEmpty()) {
            context.notice(result.skipped().size() + " file(s) skipped, first: " + result.skipped().get(0));
        }
        return 0;
    }

    /** FAKE as both passes read it: its spec and the split asked for (a suffix or --split, not both). */
    private SetSpec.Images fakeInput(String arg) {
        if (!(SetSpec.parse(arg) instanceof SetSpec.Images input)) {
            throw CliException.usage(arg, "expected FAKE to be an image folder or dataset spec, found a feature file");
        }
        if (input.splitGiven() && split != null) {
            throw CliException.usage(arg, "expected the split once, found both a suffix and --split " + split);
        }
        return new SetSpec.Images(arg, input.spec(), split != null ? Split.parse(split) : input.split(), true);
    }

    /** FAKE for the per-image measures: every image at its own size, folders read file by file. */
    protected ImageSet openImages(SetSpec.Images input) {
        try {
            return opener.images(input.spec(), input.split());
        } catch (IllegalArgumentException e) {
            throw CliException.usage("metrics", e.getMessage());
        }
    }

    /** FAKE and REAL through the extractor, then the one evaluation; REAL as a statistics file gives FID and IS only. */
    private MetricsReport.FeatureMetrics featureMetrics(SetSpec.Images fakeInput, CommandContext context)
            throws IOException {
        SetSpec realInput = SetSpec.parse(real);
        try (FeatureSession session = new FeatureSession(opener, Extractors.withResize(Extractors.orDefaultFor(extractor, real), resize), env, threads,
                noCache ? null : dev.ganiqa.metrics.eval.StatsCache.fromEnv(env), context.err())) {
            ExtractorInfo info = session.extractor().info();
            ExtractedSet fake = session.features(fakeInput);
            Reference reference = session.reference(realInput);
            if (reference.stats().dimension() != info.featureDim()) {
                throw new CliException(real, "expected " + info.featureDim() + " features (" + info.label()
                        + "), found " + reference.stats().dimension());
            }
            String kind = "images";
            String realAdaptation = null;
            if (realInput instanceof SetSpec.Images) {
                realAdaptation = reference.adaptation();
            } else {
                kind = realInput instanceof SetSpec.Features ? "features" : "statistics";
                context.notice(real + ": a statistics or feature file does not record its extractor; these numbers "
                        + "mean something only if it was made with " + info.name());
            }
            Evaluation.Result metrics = Evaluation.evaluate(info, reference, fake);
            metrics.warnings().forEach(w -> context.notice("warning: " + w));
            return new MetricsReport.FeatureMetrics(
                    MetricsReport.extractor(info),
                    new MetricsReport.Side(real, kind, (int) reference.size(), realAdaptation),
                    new MetricsReport.Side(fakeInput.arg(), "images", fake.size(), fake.summary().adaptation()),
                    metrics.metrics(), metrics.unavailable());
        }
    }

    protected DatasetMeasurement.Result measure(ImageSet set, CommandContext context) throws InterruptedException {
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("measures").setInitialMax(set.size())
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(context.err()))
                .setUpdateIntervalMillis(500).build()) {
            return DatasetMeasurement.run(set, threads, done -> {
                synchronized (bar) {
                    if (done > bar.getCurrent()) {
                        bar.stepTo(done);
                    }
                }
            });
        }
    }
}
