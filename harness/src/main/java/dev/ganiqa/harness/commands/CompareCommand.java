package dev.ganiqa.harness.commands;

import dev.ganiqa.metrics.eval.MetricDefinitions;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.harness.cli.Numbers;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.compare.CompareConfig;
import dev.ganiqa.harness.compare.Comparison;
import dev.ganiqa.harness.compare.Estimate;
import dev.ganiqa.harness.compare.Overrides;
import dev.ganiqa.harness.compare.Preset;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.reports.ExtendCommand;
import dev.ganiqa.reports.model.MetricSummary;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.VariantSummary;
import dev.ganiqa.trainers.Budget;
import dev.ganiqa.trainers.GanVariants;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/** {@code ganiqa compare}: trains every variant under the same budget over several seeds and reports. */
@Parameters(commandNames = "compare",
        commandDescription = "Compare GAN variants under equal budgets over seeds: results.json + HTML report")
public final class CompareCommand extends BaseCommand {
    @Parameter(names = "--data", description = "Dataset spec (default fashion-mnist)")
    public String data = "fashion-mnist";

    @Parameter(names = "--shape", description = "Training shape HxWxC (e.g. 32x32x3): every image is adapted to it as it "
            + "is read (default: the data's own; an image folder: its most common size)")
    public String shape;

    @Parameter(names = "--variants", description = "Comma-separated variants (default dcgan,cdcgan,wgan,cwgan)")
    public String variants = "dcgan,cdcgan,wgan,cwgan";

    @Parameter(names = "--preset", description = "smoke (checks the pipeline, no conclusion), quick, default or standard (20 full epochs); sizes below override it")
    public String preset = "default";

    @Parameter(names = "--epochs", validateWith = Numbers.Positive.class, description = "Equal epoch budget of every unit (same as --budget epochs:N)")
    public Integer epochs;

    @Parameter(names = "--budget", description = "Equal budget of every unit: epochs:N (the default, from the preset), "
            + "gsteps:N (generator steps: equal generator updates) or time:MINUTES")
    public String budget;

    @Parameter(names = "--seeds", validateWith = Numbers.Positive.class, description = "Number of seeds K (seeds 1..K)")
    public Integer seeds;

    @Parameter(names = "--seed-list", description = "Explicit seeds, e.g. 1,2,3")
    public String seedList;

    @Parameter(names = "--samples", validateWith = Numbers.Positive.class, description = "Generated images per unit for the final metrics")
    public Integer samples;

    @Parameter(names = "--curve-samples", validateWith = Numbers.NonNegative.class, description = "Generated images per epoch for the learning curve (0 = none)")
    public Integer curveSamples;

    @Parameter(names = "--train-limit", validateWith = Numbers.NonNegative.class, description = "Training images used, a seeded subset (0 = all)")
    public Integer trainLimit;

    @Parameter(names = "--real-limit", validateWith = Numbers.NonNegative.class, description = "Test images in the real reference (0 = all)")
    public int realLimit;

    @Parameter(names = "--batch", validateWith = Numbers.Positive.class, description = "Training batch size")
    public int batch = 64;

    @Parameter(names = "--extractor", description = "Feature extractor spec (default ganiqa-fmnist-v1)")
    public String extractor = Extractors.DEFAULT;

    @Parameter(names = "--set", description = "Hyper-parameter override VARIANT.FIELD=VALUE (or *.FIELD=VALUE), repeatable")
    public List<String> settings = new ArrayList<>();

    @Parameter(names = "--out", description = "Run folder (default: the newest unfinished runs/* with this configuration, "
            + "else runs/<timestamp>); an existing one is continued")
    public Path out;

    @Override
    public int run(CommandContext context) throws Exception {
        CompareConfig config = config();
        Path dir = out;
        if (dir == null) {
            Path runs = Path.of("runs");
            dir = Comparison.unfinished(runs, config).orElse(runs.resolve(LocalDateTime.now().format(
                    DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        }
        context.notice(String.format("comparing %s on %s: %s, %d seed(s), %d samples per unit, %s preset",
                String.join(", ", config.variants()), config.dataSpec(), config.budget(), config.seeds().size(),
                config.samples(), config.preset()));
        context.notice("expected duration on a 2-core machine: about " + Estimate.describe(config)
                + " (scaled by the training-set size; see BENCHMARKS.md)");
        Comparison comparison = new Comparison(config, dir, context.err(), System.getenv(),
                context.args(),
                name -> new TrainProgress(context.err()));
        Comparison.Outcome outcome = comparison.run();
        summary(context, outcome.results());
        context.out().println("results: " + outcome.runDir().resolve("results.json"));
        context.out().println("report:  " + outcome.report());
        RunResults results = outcome.results();
        if (results.verdict() != null && results.verdict().provisional()) {
            context.out().println("extend:  " + ExtendCommand.shell(ExtendCommand.of(results.provenance(),
                    outcome.runDir().toString())));
        }
        if (results.units().stream().noneMatch(dev.ganiqa.reports.model.UnitResult::ok)) {
            throw new CliException("compare", "no unit finished usable (every unit diverged or failed; see "
                    + outcome.report() + ")");
        }
        return 0;
    }

    CompareConfig config() {
        Preset p = Preset.parse(preset);
        List<String> names = Arrays.stream(variants.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String name : names) {
            Overrides.apply(GanVariants.get(name), settings);
        }
        if (seeds != null && seedList != null) {
            throw CliException.usage("compare", "expected --seeds or --seed-list, found both");
        }
        List<Long> seedValues = p.seeds();
        if (seeds != null) {
            if (seeds < 1) {
                throw CliException.usage("compare", "expected --seeds >= 1, found " + seeds);
            }
            seedValues = LongStream.rangeClosed(1, seeds).boxed().toList();
        } else if (seedList != null) {
            try {
                seedValues = Arrays.stream(seedList.split(",")).map(String::trim).map(Long::parseLong).toList();
            } catch (NumberFormatException e) {
                throw CliException.usage("compare", "expected --seed-list like 1,2,3, found '" + seedList + "'");
            }
        }
        if (epochs != null && budget != null) {
            throw CliException.usage("compare", "expected --epochs or --budget, found both");
        }
        Budget chosen = budget != null ? Budget.parse(budget) : Budget.epochs(epochs != null ? epochs : p.epochs());
        return new CompareConfig(data, names, chosen,
                trainLimit != null ? trainLimit : p.trainLimit(), seedValues, samples != null ? samples : p.samples(),
                curveSamples != null ? curveSamples : p.curveSamples(), realLimit, extractor, batch, p.name(), settings,
                shape);
    }

    private static void summary(CommandContext context, RunResults results) {
        String fidLabel = "FID (" + results.provenance().extractor().name() + ")";
        context.out().printf("%-8s %-22s %-18s %-18s %s%n", "variant", fidLabel, "KID", "IS", "units ok");
        for (VariantSummary v : results.variants()) {
            context.out().printf("%-8s %-22s %-18s %-18s %d/%d%n", v.variant(), cell(v, MetricDefinitions.FID, "%.2f"),
                    cell(v, MetricDefinitions.KID, "%.4f"), cell(v, MetricDefinitions.IS, "%.3f"), v.okUnits(), v.units());
        }
        if (results.verdict() != null) {
            context.out().println(results.verdict().sentence());
        }
    }

    private static String cell(VariantSummary v, String metric, String format) {
        MetricSummary s = v.metrics().get(metric);
        if (s == null) {
            return "-";
        }
        return String.format(format + " +- " + format, s.mean(), s.std());
    }
}
