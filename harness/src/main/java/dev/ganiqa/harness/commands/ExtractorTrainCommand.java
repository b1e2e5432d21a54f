package dev.ganiqa.harness.commands;

import dev.ganiqa.datasets.AtomicFiles;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.harness.cli.NumberChecks;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.cli.OutputPaths;
import dev.ganiqa.metrics.features.train.ClassifierTrainer;
import dev.ganiqa.metrics.features.train.Negatives;
import dev.ganiqa.metrics.features.train.RotationHead;
import dev.ganiqa.metrics.features.train.TrainingConfig;
import dev.ganiqa.metrics.features.train.TrainingResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ganiqa extractor train [--data SPEC] [--epochs N] [--seed S] [--reject N] --out DIR}: trains the feature
 * classifier and writes {@code DIR/NAME.pb} (frozen, for {@code --extractor frozen:...} and the embedded
 * resource), {@code DIR/savedmodel} (for {@code savedmodel:DIR/savedmodel} or {@code --extractor DIR/savedmodel})
 * and {@code DIR/extractor.json} (accuracy, epochs, seed, rejection images, sha256). {@code --reject 6000}
 * is the recipe of {@code ganiqa-fmnist-v2}, {@code --reject 0} (the default) that of {@code ganiqa-fmnist-v1}.
 */
@Parameters(commandNames = "train", commandDescription = "Train a feature classifier on a labelled dataset")
public final class ExtractorTrainCommand extends BaseCommand {
    @Parameter(names = "--data", description = "Labelled dataset spec (fashion-mnist, idx:IMAGES,LABELS, cifar10:DIR, "
            + "a folder with one subfolder per class, synthetic:...)")
    public String data = "fashion-mnist";

    @Parameter(names = "--test", description = "Labelled test set spec; default: the source's test split, or a "
            + "seeded 10% held out of --data when it has none")
    public String testSpec;

    @Parameter(names = "--epochs", validateWith = NumberChecks.Positive.class, description = "Training epochs")
    public int epochs = TrainingConfig.defaults().epochs();

    @Parameter(names = "--seed", description = "Seed for initialisation, shuffling and dropout")
    public long seed = TrainingConfig.defaults().seed();

    @Parameter(names = "--calibration-seed", description = "Seed that chooses the training images a --rotation "
            + "classifier holds out for calibration (default: --seed). Members of an ensemble trained with different "
            + "--seed and one --calibration-seed hold out the same images, on which `extractor union` calibrates them")
    public Long calibrationSeed;

    @Parameter(names = "--batch", validateWith = NumberChecks.Positive.class, description = "Batch size")
    public int batch = TrainingConfig.defaults().batchSize();

    @Parameter(names = "--reject", validateWith = NumberChecks.NonNegative.class, description = "Synthetic non-object "
            + "images (noise, smooth noise, flat images, stripes, checkerboards) added as one extra rejection class, "
            + "so that such inputs get features of their own; the exported logits and probabilities still cover the "
            + "real classes only, and an extra output 'rejection' gives that class's probability. 6000 (one "
            + "Fashion-MNIST class) made ganiqa-fmnist-v2; 0 (none) made ganiqa-fmnist-v1")
    public int reject = 0;

    @Parameter(names = "--negatives", description = "Recipe of the rejection images: full-frame (ganiqa-fmnist-v2), "
            + "composed (half of them composed into regions on a flat background: ganiqa-fmnist-v3), varied (the "
            + "composed regions at random contrast, size and edge softness; measured, not shipped), generator (half "
            + "composed, half textures of a random transposed-convolution generator), cut-paste (half composed, "
            + "half training images with a rectangle cut and pasted elsewhere in them, Li et al. 2021: "
            + "ganiqa-fmnist-v8), draem (half cut-paste, half training images with a smooth region blended with a "
            + "texture or a gray emoji, Zavrtanik et al. 2021; dark-background data, emoji installed), draem-strong "
            + "(draem with the blend's opacity 0.5-1 instead of 0.3-1), draem-objects (draem-strong blending emoji "
            + "only, no textures), draem-self (draem-strong with a third of the blends' sources the garment itself, "
            + "shifted, scaled and brightened: self-blended images, Shiohara and Yamasaki 2022; v12's second gate), "
            + "draem-filtered (two thirds draem-self, a third training images through a random zero-mean 3x3 or 5x5 "
            + "filter, rectified: random convolutions, Xu et al. 2021; v13's second gate), draem-mixed (three quarters "
            + "draem-filtered, a quarter training images mixed over the whole frame with a gray emoji at 0.35-0.65: "
            + "mixture outlier exposure, Zhang et al. 2023; v15's second gate), draem-mixed-half (draem-mixed with "
            + "half the images mixtures; v17's second gate)")
    public String negatives = Negatives.FULL_FRAME.id();

    @Parameter(names = "--rotation", description = "Also learn which quarter turn an image was given (a rotation "
            + "head on the same features; Hendrycks et al. 2019) and fold the rotation surprise, over a threshold "
            + "calibrated on 1/12 of the training images held out, into the 'rejection' output: none, one-threshold "
            + "(ganiqa-fmnist-v6), per-class (one threshold per assigned class: ganiqa-fmnist-v8); square images "
            + "only")
    public String rotation = RotationHead.NONE.id();

    @Parameter(names = "--noise-augment", description = "Largest standard deviation (0..255 units) of the Gaussian "
            + "noise put on half of the real training images, each at a sigma drawn uniformly up to it, so that a "
            + "rejection class learns that a noisy garment is still a garment; 0 (the default): none")
    public double noiseAugment = 0;

    @Parameter(names = "--noise-stability", description = "Stability training (Zheng et al. 2016): the classifier "
            + "sees clean images, and a noisy copy of each real one (Gaussian noise of a sigma drawn uniformly up to "
            + "this, 0..255 units) is asked for the clean image's features, so that light noise neither moves an "
            + "image's features nor sends it to the rejection class; 0 (the default): none")
    public double noiseStability = 0;

    @Parameter(names = "--name", description = "Name of the frozen graph file (NAME.pb); default by --rotation, "
            + "--reject and --negatives: ganiqa-fmnist-rotation (any --rotation but none), ganiqa-fmnist-v1 (no "
            + "--reject), v2 (full-frame), v3 (composed), ganiqa-fmnist-varied, ganiqa-fmnist-generator, "
            + "ganiqa-fmnist-cut-paste")
    public String name;

    @Parameter(names = "--shape", description = "Bring every image to HxWxC (e.g. 32x32x3) with the preprocessing "
            + "policy, as compare --shape does, so the extractor sees images as the GANs make them")
    public String shape;

    @Parameter(names = "--out", required = true, description = "Output folder")
    public Path out;

    @Override
    public int run(CommandContext context) throws Exception {
        Negatives recipe;
        try {
            recipe = Negatives.of(negatives);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("extractor train", "--negatives: " + e.getMessage());
        }
        if (recipe != Negatives.FULL_FRAME && reject == 0) {
            throw CliException.usage("extractor train", "expected --negatives " + negatives
                    + " with --reject N (N > 0), found --reject 0");
        }
        RotationHead head;
        try {
            head = RotationHead.of(rotation);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("extractor train", "--rotation: " + e.getMessage());
        }
        if (!(noiseStability >= 0 && noiseStability <= 255)) {
            throw CliException.usage("extractor train", "--noise-stability: expected a sigma in 0..255, found "
                    + noiseStability);
        }
        if (!(noiseAugment >= 0 && noiseAugment <= 255)) {
            throw CliException.usage("extractor train", "--noise-augment: expected a sigma in 0..255, found "
                    + noiseAugment);
        }
        OutputPaths.folder("extractor train", out);
        TrainingConfig config = new TrainingConfig(epochs, batch, TrainingConfig.defaults().learningRate(), seed,
                Runtime.getRuntime().availableProcessors(), reject, recipe, head, noiseAugment, noiseStability,
                calibrationSeed == null ? seed : calibrationSeed);
        String name = this.name != null ? this.name
                : head != RotationHead.NONE ? "ganiqa-fmnist-rotation" : reject == 0 ? "ganiqa-fmnist-v1" : switch (recipe) {
                    case FULL_FRAME -> "ganiqa-fmnist-v2";
                    case COMPOSED -> "ganiqa-fmnist-v3";
                    default -> "ganiqa-fmnist-" + recipe.id();
                };
        dev.ganiqa.datasets.DatasetOptions options = DatasetArguments.withShape(
                dev.ganiqa.datasets.DatasetOptions.defaults(), shape);
        DatasetSource source = Datasets.open(data, options);
        ImageDataset train = source.open(Split.TRAIN);
        ImageDataset test;
        if (testSpec != null) {
            DatasetSource t = Datasets.open(testSpec, options);
            test = t.open(t.splits().contains(Split.TEST) ? Split.TEST : Split.TRAIN);
        } else if (source.splits().contains(Split.TEST)) {
            test = source.open(Split.TEST);
        } else {
            ImageDataset[] parts = dev.ganiqa.datasets.SubsetDataset.holdOut(train, 0.1, seed);
            train = parts[0];
            test = parts[1];
            context.notice(data + " has no test split: holding out " + test.size() + " images (10%, seed " + seed + ")");
        }
        if (!train.hasLabels()) {
            throw new CliException("extractor train", data + ": expected a labelled dataset, found no labels");
        }
        context.notice("training on " + train.description() + ": " + train.size() + " images " + train.shape() + ", " + train.classNames().size()
                + " classes, " + epochs + " epochs, seed " + seed + (reject > 0 ? ", " + reject + " rejection images" : ""));
        TrainingResult result = new ClassifierTrainer(config, context::notice).train(train, test, name, data, out);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", result.name());
        json.put("sha256", result.sha256());
        json.put("frozen_graph", result.frozenGraph().getFileName().toString());
        json.put("saved_model", result.savedModel().getFileName().toString());
        json.put("data", result.data());
        json.put("test_accuracy", result.testAccuracy());
        json.put("test_images", result.testImages());
        json.put("train_images", result.trainImages());
        json.put("classes", result.classes());
        json.put("input", train.shape().toString());
        json.put("rejection_images", config.reject());
        json.put("negatives", config.negatives().id());
        json.put("rotation", config.rotation().id());
        json.put("noise_augment", config.noiseAugment());
        json.put("noise_stability", config.noiseStability());
        if (config.rotation() != RotationHead.NONE) {
            Map<String, Double> thresholds = new LinkedHashMap<>();
            for (int c = 0; c < result.rotationThresholds().length; c++) {
                thresholds.put(train.classNames().get(c), (double) result.rotationThresholds()[c]);
            }
            json.put("rotation_thresholds", thresholds);
            json.put("calibration_images", result.calibrationImages());
            json.put("calibration_seed", config.calibrationSeed());
        }
        json.put("feature_dim", result.featureDim());
        json.put("epochs", config.epochs());
        json.put("batch_size", config.batchSize());
        json.put("learning_rate", config.learningRate());
        json.put("seed", config.seed());
        json.put("threads", config.threads());
        json.put("seconds", result.seconds());
        Path target = out.resolve("extractor.json");
        AtomicFiles.write(target, o -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(o, json));
        context.out().printf("%s sha256 %s test accuracy %.4f (%d epochs, seed %d, %.0f s) -> %s%n", result.name(),
                result.sha256(), result.testAccuracy(), epochs, seed, result.seconds(), out);
        return 0;
    }
}
