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
import dev.ganiqa.harness.compare.Overrides;
import dev.ganiqa.harness.compare.Parallelism;
import dev.ganiqa.harness.compare.SearchSpace;
import dev.ganiqa.harness.compare.Tuner;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.reports.model.Tuning;
import dev.ganiqa.trainers.Budget;
import dev.ganiqa.trainers.GanVariants;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code ganiqa tune}: the same search for every variant, scored on the validation split; writes tuning.json. */
@Parameters(commandNames = "tune", commandDescription = "Tune every variant with the same search (same settings, "
        + "budget and seed), scored by validation FID; writes DIR/tuning.json for compare --tuned")
public final class TuneCommand extends BaseCommand {
    @Parameter(names = "--data", description = "Dataset spec (default fashion-mnist)")
    public String data = "fashion-mnist";

    @Parameter(names = "--shape", description = "Training shape HxWxC every image is adapted to (default: the data's)")
    public String shape;

    @Parameter(names = "--variants", description = "Comma-separated variants (default dcgan,cdcgan,wgan,cwgan)")
    public String variants = "dcgan,cdcgan,wgan,cwgan";

    @Parameter(names = "--search", description = "random (a seeded draw of --trials settings from the space) or grid "
            + "(every setting)")
    public String search = "random";

    @Parameter(names = "--trials", validateWith = NumberChecks.Positive.class, description = "Settings per variant")
    public int trials = 8;

    @Parameter(names = "--search-seed", description = "Seed of the random draw of settings")
    public long searchSeed = 1;

    @Parameter(names = "--space", description = "JSON file of dimension to values, e.g. {\"learningRate\": [\"1e-4\", "
            + "\"2e-4\"], \"beta1\": [\"0\", \"0.5\"]} (default: learning rate 1e-4/2e-4/4e-4, beta1 0/0.5, "
            + "modeSeeking 0/0.5/1)")
    public Path space;

    @Parameter(names = "--epochs", validateWith = NumberChecks.Positive.class, description = "Epoch budget of every trial")
    public Integer epochs;

    @Parameter(names = "--budget", description = "Budget of every trial: epochs:N, gsteps:N or time:MINUTES "
            + "(default epochs:2)")
    public String budget;

    @Parameter(names = "--train-limit", validateWith = NumberChecks.NonNegative.class, description = "Training images, a "
            + "seeded subset (0 = the whole training part)")
    public int trainLimit;

    @Parameter(names = "--curve-samples", validateWith = NumberChecks.Positive.class, description = "Samples of each "
            + "validation FID (the score; default 2000)")
    public int curveSamples = 2000;

    @Parameter(names = "--seed", description = "Training seed of every trial")
    public long seed = 1;

    @Parameter(names = "--batch", validateWith = NumberChecks.Positive.class, description = "Training batch size")
    public int batch = 64;

    @Parameter(names = "--extractor", description = "Feature extractor spec (default: the shipped extractor trained on --data, ganiqa-emoji-v1 for emoji, else ganiqa-fmnist-v17)")
    public String extractor;

    @Parameter(names = "--resize", converter = ResizeModes.class, description = ResizeModes.DESCRIPTION)
    public Resize resize;

    @Parameter(names = "--set", description = "Overrides under every trial, VARIANT.FIELD=VALUE, repeatable")
    public List<String> settings = new ArrayList<>();

    @Parameter(names = "--jobs", description = "Trials at once, each in a process of its own (auto, or a number)")
    public String jobs = "auto";

    @Parameter(names = "--threads", validateWith = NumberChecks.Positive.class, description = "TF threads of each trial")
    public Integer threads;

    @Parameter(names = "--out", description = "Search folder (default runs/tune-<timestamp>); an existing one is "
            + "continued")
    public Path out;

    private final Map<String, String> env;

    public TuneCommand() {
        this(System.getenv());
    }

    public TuneCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public int run(CommandContext context) throws Exception {
        List<String> names = Arrays.stream(variants.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        SearchSpace sp;
        Integer jobCount;
        CompareConfig config;
        try {
            names.forEach(GanVariants::get);
            names.forEach(n -> Overrides.apply(GanVariants.get(n), settings));
            sp = space == null ? SearchSpace.defaults() : SearchSpace.read(space);
            sp.draw(search, trials, searchSeed);
            jobCount = Parallelism.parseJobs(jobs);
            if (epochs != null && budget != null) {
                throw new IllegalArgumentException("expected --epochs or --budget, found both");
            }
            Budget b = budget != null ? Budget.parse(budget) : Budget.epochs(epochs != null ? epochs : 2);
            config = new CompareConfig(data, names, b, trainLimit, List.of(seed), 10, curveSamples, 0, Extractors.withResize(Extractors.orDefaultFor(extractor, data), resize), batch,
                    "tune", settings, shape);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("tune", e.getMessage());
        } catch (java.io.IOException e) {
            throw new CliException("tune", e.getMessage(), 1, e);
        }
        Path dir = out != null ? out : Path.of("runs").resolve("tune-" + LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        OutputPaths.folder("tune", dir);
        int cores = Runtime.getRuntime().availableProcessors();
        long memory = Parallelism.physicalMemory();
        Tuning t;
        try {
            t = new Tuner(config, new Tuner.Search(search, trials, searchSeed, sp), dir, context.err(), env,
                    left -> Parallelism.choose(jobCount, threads, cores, memory, left),
                    name -> new TrainProgress(context.err())).run();
        } catch (IllegalArgumentException e) {
            throw CliException.usage("tune", e.getMessage());
        }
        context.out().printf(Locale.ROOT, "%-14s %-6s %-16s %-14s %s%n", "variant", "trial", "validation FID",
                "curve", "settings");
        for (Tuning.Trial trial : t.trials()) {
            boolean chosen = trial.settings().equals(t.chosen().get(trial.variant()));
            context.out().printf(Locale.ROOT, "%-14s %-6d %-16s %-14s %s%s%n", trial.variant(), trial.trial(),
                    trial.validationFid() == null ? trial.status() : String.format(Locale.ROOT, "%.2f", trial.validationFid()),
                    trial.convergence() == null ? "-" : trial.convergence(), String.join(" ", trial.settings()),
                    chosen ? "   <- chosen" : "");
        }
        context.out().println("tuning:  " + dir.resolve(Tuner.FILE));
        context.out().println("use:     ganiqa compare --tuned " + dir.resolve(Tuner.FILE) + " ...");
        return 0;
    }
}
