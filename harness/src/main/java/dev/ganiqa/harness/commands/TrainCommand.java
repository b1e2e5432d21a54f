package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.harness.cli.NumberChecks;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.cli.OutputPaths;
import dev.ganiqa.trainers.Budget;
import dev.ganiqa.trainers.GanVariant;
import dev.ganiqa.trainers.GanVariants;
import dev.ganiqa.trainers.Hyperparameters;
import dev.ganiqa.trainers.Lipschitz;
import dev.ganiqa.trainers.TrainConfig;
import dev.ganiqa.trainers.Trainer;
import dev.ganiqa.trainers.TrainingRun;
import dev.ganiqa.harness.compare.Overrides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ganiqa train}: trains one variant into a run folder, or resumes one. */
@Parameters(commandNames = "train", commandDescription = "Train a GAN variant (dcgan, cdcgan, wgan, cwgan)")
public final class TrainCommand extends BaseCommand {
    @Parameter(names = "--variant", description = "dcgan, cdcgan, wgan or cwgan")
    public String variant;

    @Parameter(names = "--data", description = "Dataset spec (fashion-mnist, idx:..., cifar10:DIR, a folder, synthetic:shapes?...); with --resume the same data as the run (checked)")
    public String data = "fashion-mnist";

    @Parameter(names = "--shape", description = "Training shape HxWxC (e.g. 32x32x3): every image is adapted to it as it "
            + "is read (default: the data's own; an image folder: its most common size)")
    public String shape;

    @Parameter(names = "--epochs", validateWith = NumberChecks.Positive.class, description = "Epoch budget (same as --budget epochs:N)")
    public Integer epochs;

    @Parameter(names = "--budget", description = "epochs:N (default epochs:10), gsteps:N (generator steps) or time:MINUTES")
    public String budget;

    @Parameter(names = "--seed", description = "Seed of weights, data order and noise")
    public long seed = 1;

    @Parameter(names = "--batch", validateWith = NumberChecks.Positive.class, description = "Batch size")
    public int batch = 64;

    @Parameter(names = "--out", description = "Run folder (default runs/VARIANT-seedS)")
    public Path out;

    @Parameter(names = "--resume", description = "Continue the run in --out from its last checkpoint")
    public boolean resume;

    @Parameter(names = "--lipschitz", description = "Wasserstein critic constraint: gp (default) or clip")
    public String lipschitz;

    @Parameter(names = "--lr-g", description = "Generator learning rate")
    public Float learningRateG;

    @Parameter(names = "--lr-d", description = "Critic/discriminator learning rate")
    public Float learningRateD;

    @Parameter(names = "--beta1", description = "Adam beta1")
    public Float beta1;

    @Parameter(names = "--beta2", description = "Adam beta2")
    public Float beta2;

    @Parameter(names = "--n-critic", validateWith = NumberChecks.Positive.class, description = "Critic steps per generator step")
    public Integer nCritic;

    @Parameter(names = "--gp-lambda", description = "Gradient-penalty weight")
    public Float gpLambda;

    @Parameter(names = "--clip", description = "Weight-clipping bound c")
    public Float clip;

    @Parameter(names = "--latent", validateWith = NumberChecks.Positive.class, description = "Latent size (default 100)")
    public Integer latent;

    @Parameter(names = "--width", validateWith = NumberChecks.Positive.class, description = "Network width ngf = ndf (default 64)")
    public Integer width;

    @Parameter(names = "--embed", validateWith = NumberChecks.Positive.class, description = "Label embedding size of conditional generators (default 50)")
    public Integer embed;

    @Parameter(names = "--set", description = "Hyper-parameter override FIELD=VALUE (a field of the variant's "
            + "hyper-parameters, e.g. conditionG=cbn, conditionD=projection, spectralNorm=true, minibatchStd=true, "
            + "modeSeeking=1), repeatable; applied after the options above")
    public List<String> settings = new ArrayList<>();

    @Parameter(names = "--threads", validateWith = NumberChecks.NonNegative.class, description = "TF intra/inter-op threads (0 = TF default, one per core)")
    public int threads;

    @Override
    public int run(CommandContext context) {
        Budget chosen = budget();
        if (resume) {
            if (out == null) {
                throw CliException.usage("train", "--resume needs --out RUN_DIR");
            }
            OutputPaths.folder("train", out);
            ImageDataset dataset = TrainingData.open(data, shape);
            return report(context, Trainer.resume(out, dataset, chosen, new TrainProgress(context.err())));
        }
        if (variant == null) {
            throw CliException.usage("train", "expected --variant " + String.join("|", GanVariants.all().stream()
                    .map(GanVariant::name).toList()) + ", found none");
        }
        GanVariant v = GanVariants.get(variant);
        TrainConfig config = new TrainConfig(v, hyperparameters(v), chosen == null ? Budget.epochs(10) : chosen,
                batch, seed, threads);
        Path dir = out != null ? out : Path.of("runs", v.name() + "-seed" + seed);
        if (Files.exists(dir.resolve("config.json"))) {
            throw new CliException("train", dir + ": expected a new run folder, found an earlier run (add --resume)");
        }
        OutputPaths.folder("train", dir);
        ImageDataset dataset = TrainingData.open(data, shape);
        context.notice("training " + v.name() + " on " + dataset.description() + " (" + dataset.size() + " images, "
                + dataset.shape() + ") into " + dir);
        return report(context, Trainer.train(config, dataset, dir, new TrainProgress(context.err())));
    }

    private Budget budget() {
        if (epochs != null && budget != null) {
            throw CliException.usage("train", "expected --epochs or --budget, found both");
        }
        return epochs != null ? Budget.epochs(epochs) : budget != null ? Budget.parse(budget) : null;
    }

    Hyperparameters hyperparameters(GanVariant v) {
        Hyperparameters h = lipschitz == null ? v.defaults() : v.defaults(Lipschitz.parse(lipschitz));
        if (learningRateG != null || learningRateD != null) {
            h = h.withLearningRates(learningRateG != null ? learningRateG : h.learningRateG(),
                    learningRateD != null ? learningRateD : h.learningRateD());
        }
        if (beta1 != null || beta2 != null) {
            h = h.withBetas(beta1 != null ? beta1 : h.beta1(), beta2 != null ? beta2 : h.beta2());
        }
        if (nCritic != null) {
            h = h.withNCritic(nCritic);
        }
        if (gpLambda != null) {
            h = h.withGpLambda(gpLambda);
        }
        if (clip != null) {
            h = h.withClip(clip);
        }
        if (latent != null || width != null || embed != null) {
            h = h.withSizes(latent != null ? latent : h.latentDim(), width != null ? width : h.width(),
                    embed != null ? embed : h.embedDim());
        }
        if (!settings.isEmpty()) {
            try {
                h = Overrides.apply(v, h, settings);
            } catch (IllegalArgumentException e) {
                throw CliException.usage("train", e.getMessage());
            }
        }
        return h;
    }

    private static int report(CommandContext context, TrainingRun run) {
        context.out().printf("run %s: %s, %d epochs, %d critic / %d generator steps, %d images seen, %.1f s%n",
                run.runDir(), run.variant(), run.epochsDone(), run.criticSteps(), run.generatorSteps(),
                run.imagesSeen(), run.wallSeconds());
        context.out().printf("final losses: critic %.4f, generator %.4f%n", run.finalCriticLoss(),
                run.finalGeneratorLoss());
        if (run.diverged()) {
            context.out().println("diverged: " + run.divergedReason());
        }
        if (run.collapse() != null && run.collapse().collapsed()) {
            context.out().println("collapsed (still exported, see run.json): " + run.collapse().reason());
        }
        context.out().println("savedmodel: " + run.savedModel());
        return 0;
    }
}
