package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageSet;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.metrics.image.DatasetMeasurement;
import dev.ganiqa.harness.compare.ExtractedSet;
import dev.ganiqa.harness.features.FeatureSession;
import dev.ganiqa.harness.features.SetInput;
import dev.ganiqa.harness.features.SetMetrics;
import dev.ganiqa.harness.features.StreamingStats;
import dev.ganiqa.metrics.features.ExtractorInfo;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.GaussianStats;
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
 * feature extractor ({@link SetMetrics}). The writing of outputs is in {@link MetricsReport}.
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

    @Parameter(names = "--extractor", description = "Feature extractor for --real: ganiqa-fmnist-v1, "
            + "inception[:PATH], savedmodel:DIR[#SIGNATURE], frozen:FILE.pb")
    public String extractor = Extractors.DEFAULT;

    @Parameter(names = "--per-image", description = "Write one CSV row per image to this file")
    public String perImage;

    @Parameter(names = "--json", description = "Write per-measure mean/std/median/p5/p95 and skipped files as JSON")
    public String json;

    @Parameter(names = "--split", description = "Which split of FAKE (train or test; default train)")
    public String split;

    @Parameter(names = "--threads", description = "Worker threads (default: all cores)")
    public int threads = Runtime.getRuntime().availableProcessors();

    private final DatasetOpener opener;
    private final ImageSetOpener images;
    private final Map<String, String> env;

    public MetricsCommand(DatasetOpener opener) {
        this(opener, System.getenv());
    }

    /** @param env the environment (GANIQA_INCEPTION for the Inception extractor); tests pass their own */
    public MetricsCommand(DatasetOpener opener, Map<String, String> env) {
        this(opener, (spec, split) -> ImageSet.of(opener.open(spec).open(split)), env);
    }

    /** @param images opens FAKE for the per-image measures, each image at its own size */
    public MetricsCommand(DatasetOpener opener, ImageSetOpener images, Map<String, String> env) {
        this.opener = opener;
        this.images = images;
        this.env = Map.copyOf(env);
    }

    /** The command as registered: specs and folders opened by the datasets module, folders streamed. */
    public static MetricsCommand withDatasets() {
        return new MetricsCommand(dev.ganiqa.datasets.Datasets::open, (spec, split) -> dev.ganiqa.datasets.Datasets
                .openImages(spec, split, dev.ganiqa.datasets.DatasetOptions.defaults()), System.getenv());
    }

    @Override
    public int run(CommandContext context) throws Exception {
        if (inputs.size() != 1) {
            throw CliException.usage("metrics", "expected one DIR or SPEC, found " + inputs.size() + " inputs");
        }
        if (threads < 1) {
            throw CliException.usage("metrics", "expected --threads >= 1, found " + threads);
        }
        ImageSet set = openImages(inputs.get(0));
        set.notices().forEach(context::notice);
        DatasetMeasurement.Result result = measure(set, context);
        MetricsReport.FeatureMetrics features = real == null ? null : featureMetrics(open(inputs.get(0)), context);
        MetricsReport report = new MetricsReport(inputs.get(0), result, features);
        report.printSummary(context.out());
        if (perImage != null) {
            report.writeCsv(Path.of(perImage));
        }
        if (json != null) {
            report.writeJson(Path.of(json));
        }
        if (!result.skipped().isEmpty()) {
            context.notice(result.skipped().size() + " file(s) skipped, first: " + result.skipped().get(0));
        }
        return 0;
    }

    /** FAKE for the per-image measures: every image at its own size, folders read file by file. */
    protected ImageSet openImages(String arg) {
        SetInput.Images input = fakeInput(arg);
        return images.open(input.spec(), wantedSplit(input));
    }

    private SetInput.Images fakeInput(String arg) {
        if (!(SetInput.parse(arg) instanceof SetInput.Images input)) {
            throw CliException.usage(arg, "expected FAKE to be an image folder or dataset spec, found a feature file");
        }
        if (input.splitGiven() && split != null) {
            throw CliException.usage(arg, "expected the split once, found both a suffix and --split " + split);
        }
        return input;
    }

    private Split wantedSplit(SetInput.Images input) {
        return split != null ? Split.parse(split) : input.split();
    }

    protected ImageDataset open(String arg) {
        SetInput.Images input = fakeInput(arg);
        Split wanted = wantedSplit(input);
        DatasetSource source = opener.open(input.spec());
        if (!source.splits().contains(wanted)) {
            throw CliException.usage("metrics", "expected a split of " + source.splits() + " for " + input.spec()
                    + ", found " + wanted.label());
        }
        return source.open(wanted);
    }

    /** FAKE and REAL through the extractor, then the set metrics; REAL as a statistics file gives FID and IS only. */
    private MetricsReport.FeatureMetrics featureMetrics(ImageDataset fakeData, CommandContext context)
            throws IOException {
        SetInput realInput = SetInput.parse(real);
        String fakeArg = inputs.get(0);
        try (FeatureSession session = new FeatureSession(opener::open, extractor, env, threads, null, context.err())) {
            ExtractorInfo info = session.extractor().info();
            String fakeAdaptation = session.adaptation(fakeArg, fakeData);
            ExtractedSet fake = session.features(fakeArg, fakeData);
            FeatureMatrix realFeatures = null;
            GaussianStats realStats;
            String kind;
            String realAdaptation = null;
            if (realInput instanceof SetInput.Images images) {
                ImageDataset realData = session.open(images);
                realAdaptation = session.adaptation(real, realData);
                realFeatures = session.features(real, realData).features();
                realStats = StreamingStats.of(realFeatures);
                kind = "images";
            } else if (realInput instanceof SetInput.Features) {
                realFeatures = FeatureInputs.featuresOf(real);
                if (realFeatures.rows() < 2) {
                    throw new CliException(real, "expected at least 2 feature vectors, found " + realFeatures.rows());
                }
                realStats = StreamingStats.of(realFeatures);
                kind = "features";
            } else {
                realStats = FeatureInputs.statsOf(real);
                kind = "statistics";
            }
            if (realStats.dimension() != info.featureDim()) {
                throw new CliException(real, "expected " + info.featureDim() + " features (" + info.label()
                        + "), found " + realStats.dimension());
            }
            if (!(realInput instanceof SetInput.Images)) {
                context.notice(real + ": a statistics or feature file does not record its extractor; these numbers "
                        + "mean something only if it was made with " + info.name());
            }
            SetMetrics.Result metrics = SetMetrics.compute(info, fake.features(), fake.probabilities(), realFeatures,
                    realStats);
            int realImages = realFeatures != null ? realFeatures.rows() : (int) realStats.n();
            return new MetricsReport.FeatureMetrics(
                    new MetricsReport.Extractor(info.name(), info.version(), info.sha256(), info.label()),
                    new MetricsReport.Side(real, kind, realImages, realAdaptation),
                    new MetricsReport.Side(fakeArg, "images", fake.size(), fakeAdaptation),
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
