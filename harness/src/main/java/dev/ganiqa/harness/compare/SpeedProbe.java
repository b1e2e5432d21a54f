package dev.ganiqa.harness.compare;

import dev.ganiqa.datasets.Batch;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.trainers.Budget;
import dev.ganiqa.trainers.GanVariant;
import dev.ganiqa.trainers.GanVariants;
import dev.ganiqa.trainers.Hyperparameters;
import dev.ganiqa.trainers.TrainConfig;
import dev.ganiqa.trainers.TrainingSteps;
import java.util.Arrays;

/**
 * Times a few training batches of one recipe on this machine, so the printed duration of a comparison is
 * calibrated where it runs instead of read from a table measured elsewhere (machines of one kind have differed 1.5x
 * from day to day, and the two CPU kinds of this project 2-3x). It builds the comparison's own graph (its
 * hyper-parameters, batch size, image shape and classes) on a real training batch, runs two warm-up cycles, then
 * times three windows of whole cycles (n_critic critic steps and one generator step: what the trainer does per
 * n_critic batches). When units run in parallel every worker probes at once, so the figure includes their contention.
 */
final class SpeedProbe {
    static final int WARMUP_CYCLES = 2;
    static final int WINDOWS = 3;

    /**
     * Seconds per training batch (one critic step, and a generator step every n_critic batches).
     *
     * @param median the median of the windows
     * @param low    the fastest window
     * @param high   the slowest window
     */
    record Result(String variant, double median, double low, double high) {
        Result {
            if (!(median > 0) || !(low > 0) || !(high >= low)) {
                throw new IllegalArgumentException("expected positive seconds per batch, found " + median + " ("
                        + low + ".." + high + ")");
            }
        }

        String toLine() {
            return variant + " " + median + " " + low + " " + high;
        }

        static Result parse(String[] words, int from) {
            return new Result(words[from], Double.parseDouble(words[from + 1]), Double.parseDouble(words[from + 2]),
                    Double.parseDouble(words[from + 3]));
        }
    }

    private SpeedProbe() {
    }

    /** Probes {@code variant} of {@code config} on a batch of {@code train} for about {@code seconds} in all. */
    static Result measure(CompareConfig config, ImageDataset train, String variant, int threads, double seconds) {
        GanVariant v = GanVariants.get(variant);
        Hyperparameters hp = Overrides.apply(v, config.settings());
        int classes = v.conditional() ? train.classNames().size() : 0;
        TrainConfig tc = new TrainConfig(v, hp, Budget.epochs(1), config.batch(), 1, threads);
        int batchSize = Math.min(config.batch(), train.size());
        Batch batch = train.batches(batchSize, 1, true).iterator().next();
        int nCritic = hp.nCritic();
        try (TrainingSteps steps = new TrainingSteps(tc, train.shape(), classes)) {
            for (int i = 0; i < WARMUP_CYCLES; i++) {
                cycle(steps, batch, nCritic);
            }
            double[] perBatch = new double[WINDOWS];
            for (int w = 0; w < WINDOWS; w++) {
                long t0 = System.nanoTime();
                int cycles = 0;
                do {
                    cycle(steps, batch, nCritic);
                    cycles++;
                } while ((System.nanoTime() - t0) / 1e9 < seconds / WINDOWS);
                perBatch[w] = (System.nanoTime() - t0) / 1e9 / ((double) cycles * nCritic);
            }
            Arrays.sort(perBatch);
            return new Result(variant, perBatch[WINDOWS / 2], perBatch[0], perBatch[WINDOWS - 1]);
        }
    }

    private static void cycle(TrainingSteps steps, Batch batch, int nCritic) {
        for (int c = 0; c < nCritic; c++) {
            steps.criticStep(batch);
        }
        steps.generatorStep(batch.labels(), batch.size());
    }
}
