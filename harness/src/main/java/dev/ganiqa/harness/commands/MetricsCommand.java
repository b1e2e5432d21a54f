package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.metrics.image.DatasetMeasurement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@code ganiqa metrics DIR|SPEC [--per-image FILE.csv] [--json FILE]}: the per-image measures of every image,
 * summarised on stdout. Later options (--real, --extractor) add set metrics after {@link #measure}; the
 * writing of outputs is in {@link MetricsReport}.
 */
@Parameters(commandNames = "metrics", commandDescription = "Per-image sharpness and noise measures of a folder or dataset")
public class MetricsCommand extends BaseCommand {
    @Parameter(description = "DIR|SPEC (image folder or dataset spec, e.g. fashion-mnist)")
    public List<String> inputs = new ArrayList<>();

    @Parameter(names = "--per-image", description = "Write one CSV row per image to this file")
    public String perImage;

    @Parameter(names = "--json", description = "Write per-measure mean/std/median/p5/p95 and skipped files as JSON")
    public String json;

    @Parameter(names = "--split", description = "Which split of the source (train or test)")
    public String split = "train";

    @Parameter(names = "--threads", description = "Worker threads (default: all cores)")
    public int threads = Runtime.getRuntime().availableProcessors();

    private final DatasetOpener opener;

    public MetricsCommand(DatasetOpener opener) {
        this.opener = opener;
    }

    /** The command as registered: specs and folders opened by the datasets module. */
    public static MetricsCommand withDatasets() {
        return new MetricsCommand(dev.ganiqa.datasets.Datasets::open);
    }

    @Override
    public int run(CommandContext context) throws Exception {
        if (inputs.size() != 1) {
            throw CliException.usage("metrics", "expected one DIR or SPEC, found " + inputs.size() + " inputs");
        }
        if (threads < 1) {
            throw CliException.usage("metrics", "expected --threads >= 1, found " + threads);
        }
        ImageDataset dataset = open(inputs.get(0));
        DatasetMeasurement.Result result = measure(dataset, context);
        MetricsReport report = new MetricsReport(inputs.get(0), result);
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

    protected ImageDataset open(String spec) {
        DatasetSource source = opener.open(spec);
        Split wanted = Split.parse(split);
        if (!source.splits().contains(wanted)) {
            throw CliException.usage("metrics", "expected a split of " + source.splits() + " for " + spec + ", found "
                    + wanted.label());
        }
        return source.open(wanted);
    }

    protected DatasetMeasurement.Result measure(ImageDataset dataset, CommandContext context) throws InterruptedException {
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("measures").setInitialMax(dataset.size())
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(context.err()))
                .setUpdateIntervalMillis(500).build()) {
            return DatasetMeasurement.run(dataset, threads, done -> {
                synchronized (bar) {
                    if (done > bar.getCurrent()) {
                        bar.stepTo(done);
                    }
                }
            });
        }
    }
}
