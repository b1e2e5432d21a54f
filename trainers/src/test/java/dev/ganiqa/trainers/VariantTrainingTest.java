package dev.ganiqa.trainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each variant trains for real on shapes and its samples move towards the data. */
class VariantTrainingTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"dcgan, none, 32, 0, 0", "cdcgan, none, 12, 0, 0", "wgan, gp, 20, 5e-4, 0", "cwgan, gp, 20, 5e-4, 0",
        "wgan, clip, 20, 2e-3, 0.05"})
    void samplesMoveTowardsTheData(String name, String lipschitz, int epochs, float rate, float clip) throws Exception {
        GanVariant variant = GanVariants.get(name);
        TrainConfig config = Tiny.config(variant, Lipschitz.parse(lipschitz), epochs, 11);
        if (rate > 0) {
            // The published WGAN rates need thousands of critic steps; a tiny run uses a larger one.
            config = config.withHyperparameters(config.hyperparameters().withLearningRates(rate, rate));
        }
        if (variant == GanVariants.CDCGAN) {
            // With the mode-seeking term the tiny network needs about twice the epochs to learn its labels (0.65
            // nearest-centroid accuracy after 24): the conditioning is checked without it, the term in ModeSeekingTest.
            config = config.withHyperparameters(config.hyperparameters().withModeSeeking(0f));
        }
        if (clip > 0) {
            // c = 0.01 leaves a width-8 critic almost no capacity; the constraint itself is tested in ClipTest.
            config = config.withHyperparameters(config.hyperparameters().withClip(clip));
        }
        ShapesData data = Tiny.data();
        int classes = variant.conditional() ? 4 : 0;
        int[] labels = variant.conditional() ? Noise.gridLabels(200, 4) : null;
        double[] before;
        try (GanGraph untrained = new GanGraph(config.hyperparameters(), data.shape(), classes, config.seed(), 0);
             Generator g = Steps.live(untrained, data.shape(), () -> { })) {
            Samples initial = g.sample(200, labels, 5);
            before = ImageStats.moments(initial.pixels());
        }
        long t0 = System.nanoTime();
        double[][] centroids = ImageStats.centroids(data);
        List<Double> accuracies = new java.util.ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochSummary summary, Generator generator) {
                if (generator.classes() > 0) {
                    accuracies.add(ImageStats.accuracy(centroids, generator.sample(200, labels, 5)));
                }
            }
        };
        TrainingRun run = Trainer.train(config, data, dir.resolve(name), listener);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s/%s: %d critic + %d generator steps in %.1f s%n", name, lipschitz, run.criticSteps(),
                run.generatorSteps(), seconds);
        assertThat(run.wallSeconds()).isPositive().isLessThanOrEqualTo(seconds);

        assertThat(run.diverged()).as(run.divergedReason()).isFalse();
        assertThat(run.criticSteps()).isEqualTo(epochs * (1024L / Tiny.BATCH));
        assertThat(run.generatorSteps()).isEqualTo(run.criticSteps() / config.hyperparameters().nCritic());
        List<String> log = Files.readAllLines(run.log());
        assertThat(log).hasSize((int) run.criticSteps()).allMatch(line -> !line.contains("null,\"generator")
                && line.matches(".*\"critic_loss\":-?[0-9].*"));

        double[] real = ImageStats.moments(data);
        try (Generator g = Generators.load(run.runDir())) {
            Samples samples = g.sample(200, labels, 5);
            double[] after = ImageStats.moments(samples.pixels());
            System.out.printf("  mean/std real %.1f/%.1f, before %.1f/%.1f, after %.1f/%.1f%n",
                    real[0], real[1], before[0], before[1], after[0], after[1]);
            // The (mean, std) of the pixel values closes at least half of its initial distance to the data's.
            assertThat(Math.hypot(after[0] - real[0], after[1] - real[1]))
                    .isLessThan(0.5 * Math.hypot(before[0] - real[0], before[1] - real[1]));
            if (variant.conditional()) {
                double accuracy = ImageStats.accuracy(centroids, samples);
                System.out.printf("  nearest-centroid accuracy per epoch %s, final %.2f (chance 0.25)%n", accuracies,
                        accuracy);
                assertThat(ImageStats.accuracy(centroids, Tiny.realSamples(data))).isGreaterThan(0.9);
                assertThat(accuracy).isGreaterThan(0.6);
            }
        }
    }
}
