package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.datasets.Resize;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.cli.NumberChecks;
import dev.ganiqa.harness.cli.OutputPaths;
import dev.ganiqa.harness.cli.ResizeModes;
import dev.ganiqa.harness.compare.CompareConfig;
import dev.ganiqa.harness.compare.Comparison;
import dev.ganiqa.harness.compare.Executor;
import dev.ganiqa.harness.compare.ExecutorKind;
import dev.ganiqa.harness.compare.Overrides;
import dev.ganiqa.harness.compare.Parallelism;
import dev.ganiqa.harness.compare.Preset;
import dev.ganiqa.harness.compare.RunFolder;
import dev.ganiqa.harness.compare.slurm.SlurmExecutor;
import dev.ganiqa.harness.compare.slurm.SlurmOptions;
import dev.ganiqa.metrics.eval.MetricDefinitions;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.reports.RunCommands;
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
import java.util.Map;
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

    @Parameter(names = "--epochs", validateWith = NumberChecks.Positive.class, description = "Equal epoch budget of every unit (same as --budget epochs:N)")
    public Integer epochs;

    @Parameter(names = "--budget", description = "Equal budget of every unit: epochs:N (the default, from the preset), "
            + "gsteps:N (generator steps: equal generator updates) or time:MINUTES")
    public String budget;

    @Parameter(names = "--seeds", validateWith = NumberChecks.Positive.class, description = "Number of seeds K (seeds 1..K)")
    public Integer seeds;

    @Parameter(names = "--seed-list", description = "Explicit seeds, e.g. 1,2,3")
    public String seedList;

    @Parameter(names = "--samples", validateWith = NumberChecks.Positive.class, description = "Generated images per unit for the final metrics")
    public Integer samples;

    @Parameter(names = "--curve-samples", validateWith = NumberChecks.NonNegative.class, description = "Generated images per epoch for the learning curve (0 = none)")
    public Integer curveSamples;

    @Parameter(names = "--train-limit", validateWith = NumberChecks.NonNegative.class, description = "Training images used, a seeded subset (0 = all)")
    public Integer trainLimit;

    @Parameter(names = "--real-limit", validateWith = NumberChecks.NonNegative.class, description = "Test images in the real reference (0 = all)")
    public int realLimit;

    @Parameter(names = "--batch", validateWith = NumberChecks.Positive.class, description = "Training batch size")
    public int batch = 64;

    @Parameter(names = "--extractor", description = "Feature extractor spec (default: the shipped extractor trained on --data, ganiqa-emoji-v1 for emoji, else ganiqa-fmnist-v17)")
    public String extractor;

    @Parameter(names = "--resize", converter = ResizeModes.class, description = ResizeModes.DESCRIPTION)
    public Resize resize;

    @Parameter(names = "--set", description = "Hyper-parameter override VARIANT.FIELD=VALUE (or *.FIELD=VALUE), repeatable")
    public List<String> settings = new ArrayList<>();

    @Parameter(names = "--tuned", description = "A tuning search's tuning.json (ganiqa tune), or the results.json of "
            + "a tuned comparison (a published bundle's: the search it recorded): each variant trains with the "
            + "settings it chose, and results.json and the report record the search")
    public Path tuned;

    @Parameter(names = "--out", description = "Run folder (default: the newest unfinished runs/* with this configuration, "
            + "else runs/<timestamp>); an existing one is continued")
    public Path out;

    @Parameter(names = "--executor", description = "local (every unit in this process), slurm (one Slurm array task "
            + "per unit, then a collect job) or print (write the sbatch scripts and commands, submit nothing)")
    public String executor = "local";

    @Parameter(names = "--jobs", description = "local: units trained and evaluated at once, each in a process of its "
            + "own (auto: as many single-threaded units as cores, fewer when fewer units are left; 1: every unit in "
            + "this process)")
    public String jobs = "auto";

    @Parameter(names = "--threads", validateWith = NumberChecks.Positive.class, description = "local: TF threads of each "
            + "unit (default: the cores divided among the units running at once)")
    public Integer threads;

    @Parameter(names = "--max-parallel", validateWith = NumberChecks.NonNegative.class,
            description = "slurm: the most unit tasks running at once (--array=...%K; 0 = no limit)")
    public int maxParallel;

    @Parameter(names = "--partition", description = "slurm: sbatch --partition")
    public String partition;

    @Parameter(names = "--gres", description = "slurm: sbatch --gres of each unit task, e.g. gpu:1")
    public String gres;

    @Parameter(names = "--time", description = "slurm: sbatch --time of each unit task, e.g. 02:00:00")
    public String time;

    @Parameter(names = "--mem", description = "slurm: sbatch --mem of each unit task, e.g. 16G")
    public String mem;

    @Parameter(names = "--account", description = "slurm: sbatch --account")
    public String account;

    @Parameter(names = "--sbatch-arg", description = "slurm: a further sbatch argument for both jobs, repeatable "
            + "(e.g. --sbatch-arg --qos=short)")
    public List<String> sbatchArgs = new ArrayList<>();

    @Parameter(names = "--wait", description = "slurm: block until the collect job ends, showing progress; exit with "
            + "its status")
    public boolean await;

    private final Map<String, String> env;

    public CompareCommand() {
        this(System.getenv());
    }

    /** @param env the environment (GANIQA_LAUNCHER, GANIQA_SLURM_BIN, GANIQA_CACHE, HOME); tests pass their own */
    public CompareCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public int run(CommandContext context) throws Exception {
        CompareConfig config = config();
        ExecutorKind kind;
        try {
            kind = ExecutorKind.parse(executor);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("compare", e.getMessage());
        }
        if (kind != ExecutorKind.SLURM && await) {
            throw CliException.usage("compare", "expected --wait only with --executor slurm, found --executor "
                    + executor);
        }
        if (kind.scripted() && (!jobs.equals("auto") || threads != null)) {
            throw CliException.usage("compare", "expected --jobs and --threads only with --executor local, found "
                    + "--executor " + executor + " (Slurm runs one unit per task: --max-parallel limits them)");
        }
        Path dir = out;
        if (dir == null) {
            Path runs = Path.of("runs");
            dir = RunFolder.unfinished(runs, config).orElse(runs.resolve(LocalDateTime.now().format(
                    DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        }
        OutputPaths.folder("compare", dir);
        context.notice(String.format("comparing %s on %s: %s, %d seed(s), %d samples per unit, %s preset",
                String.join(", ", config.variants()), config.dataSpec(), config.budget(), config.seeds().size(),
                config.samples(), config.preset()));
        Executor executor = kind.scripted() ? slurm(context, config, dir, kind) : local(context, config, dir);
        Executor.Outcome outcome;
        try {
            outcome = executor.execute();
        } catch (java.io.IOException e) {
            if (!kind.scripted()) {
                throw e;
            }
            throw new CliException("compare", e.getMessage(), 1, e);
        }
        RunResults results = outcome.results();
        if (results == null) {
            return 0; // submitted or printed: the units finish elsewhere
        }
        summary(context, results);
        context.out().println("results: " + outcome.runDir().resolve("results.json"));
        context.out().println("report:  " + outcome.report());
        if (kind == ExecutorKind.LOCAL) {
            if (results.verdict() != null && results.verdict().provisional()) {
                context.out().println("extend:  " + RunCommands.shell(RunCommands.of(results.provenance(),
                        outcome.runDir().toString())));
            }
            if (results.units().stream().noneMatch(dev.ganiqa.reports.model.UnitResult::ok)) {
                throw new CliException("compare", "no unit finished usable (every unit diverged or failed; see "
                        + outcome.report() + ")");
            }
        }
        return 0;
    }

    /** --executor local: every unit on this machine, in worker processes when --jobs runs them side by side. */
    private Executor local(CommandContext context, CompareConfig config, Path dir) {
        Integer jobCount;
        try {
            jobCount = Parallelism.parseJobs(jobs);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("compare", e.getMessage());
        }
        int cores = Runtime.getRuntime().availableProcessors();
        long memory = Parallelism.physicalMemory();
        return new Comparison(config, dir, context.err(), env, context.args(), name -> new TrainProgress(context.err()),
                left -> Parallelism.choose(jobCount, threads, cores, memory, left)).withTuning(tuning);
    }

    /** --executor slurm|print: prepare, submit (or print), and with --wait follow the jobs to the collect's end. */
    private Executor slurm(CommandContext context, CompareConfig config, Path dir, ExecutorKind kind) {
        SlurmOptions options;
        try {
            options = new SlurmOptions(maxParallel, partition, gres, time, mem, account, sbatchArgs,
                    env.get("GANIQA_LAUNCHER"), Double.parseDouble(env.getOrDefault("GANIQA_SLURM_POLL", "10")));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("compare", e.getMessage());
        }
        return new SlurmExecutor(config, dir, options, env, context.args(), context.out(), context.err())
                .withTuning(tuning).submitting(kind == ExecutorKind.SLURM, await);
    }

    /** The search read from --tuned, or null. */
    private dev.ganiqa.reports.model.Tuning tuning;

    CompareConfig config() {
        Preset p = Preset.parse(preset);
        List<String> names = Arrays.stream(variants.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (tuned != null) {
            tuning = readTuning(names);
            List<String> all = new ArrayList<>();
            names.forEach(n -> all.addAll(tuning.chosen().get(n)));
            all.addAll(settings);
            settings = all;
        }
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
                curveSamples != null ? curveSamples : p.curveSamples(), realLimit, extractorSpec(), batch, p.name(), settings,
                shape);
    }

    /**
     * The extractor spec: {@code --extractor} (with {@code --resize}) when given; else, continuing a comparison, the
     * one its compare.json recorded (a run begun before the per-dataset default keeps its extractor); else the shipped
     * extractor trained on {@code --data}.
     */
    private String extractorSpec() {
        if (extractor == null && resize == null && out != null && java.nio.file.Files.isRegularFile(
                out.resolve(dev.ganiqa.harness.compare.RunFolder.CONFIG))) {
            try {
                return dev.ganiqa.harness.compare.RunFolder.readConfig(out).extractor();
            } catch (java.io.IOException | RuntimeException e) {
                // Unreadable: the run folder's own check reports it with its reason.
            }
        }
        return Extractors.withResize(Extractors.orDefaultFor(extractor, data), resize);
    }

    /** The search of --tuned, which must have chosen settings for every variant compared, on this data. */
    private dev.ganiqa.reports.model.Tuning readTuning(List<String> names) {
        dev.ganiqa.reports.model.Tuning t;
        try {
            t = dev.ganiqa.harness.compare.Tuner.read(tuned);
        } catch (java.io.IOException e) {
            throw new CliException("compare", e.getMessage(), 1, e);
        }
        if (!t.data().equals(data)) {
            throw CliException.usage("compare", tuned + ": expected a search on " + data + ", found one on " + t.data());
        }
        String spec = extractorSpec();
        if (dev.ganiqa.metrics.features.EmbeddedExtractor.named(spec).isPresent() && t.extractor() != null
                && !t.extractor().startsWith(spec + " ")) {
            throw CliException.usage("compare", tuned + ": expected a search scored with " + spec + ", found one "
                    + "scored with " + t.extractor() + " (tune again, or compare with --extractor to match)");
        }
        for (String n : names) {
            if (!t.chosen().containsKey(n)) {
                throw CliException.usage("compare", tuned + ": expected chosen settings for " + n + ", found "
                        + (t.chosen().isEmpty() ? "none (the search is unfinished: rerun ganiqa tune on its folder)"
                        : "them for " + String.join(", ", t.chosen().keySet()) + " only"));
            }
        }
        return t;
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
