package dev.ganiqa.harness.commands;

import dev.ganiqa.trainers.EpochSummary;
import dev.ganiqa.trainers.Generator;
import dev.ganiqa.trainers.StepStats;
import dev.ganiqa.trainers.TrainConfig;
import dev.ganiqa.trainers.TrainState;
import dev.ganiqa.trainers.TrainingListener;
import dev.ganiqa.trainers.TrainingRun;
import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Renders training on stderr: a progress bar over critic steps (steps/s and time left from the bar) with the
 * epoch and the last losses, plus one line per finished epoch. ASCII style without a console, so logs stay clean.
 */
final class TrainProgress implements TrainingListener {
    private final PrintStream err;
    private ProgressBar bar;
    private int totalEpochs;
    private double generatorLoss = Double.NaN;

    TrainProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void onStart(TrainConfig config, int batchesPerEpoch, int totalEpochs, TrainState from) {
        this.totalEpochs = totalEpochs;
        this.generatorLoss = from.generatorLoss();
        long max = totalEpochs > 0 ? (long) totalEpochs * batchesPerEpoch
                : config.budget().generatorSteps() > 0
                ? config.budget().generatorSteps() * config.hyperparameters().nCritic() : -1;
        bar = new ProgressBarBuilder().setTaskName(config.variant().name()).setInitialMax(max)
                .setStyle(System.console() == null ? ProgressBarStyle.ASCII : ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setConsumer(System.console() == null ? new ConsoleProgressBarConsumer(err, 150) : new ConsoleProgressBarConsumer(err)).setUnit(" steps", 1).showSpeed()
                .setUpdateIntervalMillis(500)
                .startsFrom(from.criticSteps(), Duration.ofMillis((long) (from.wallSeconds() * 1000))).build();
    }

    @Override
    public void onStep(StepStats s) {
        if (!Double.isNaN(s.generatorLoss())) {
            generatorLoss = s.generatorLoss();
        }
        bar.stepTo(s.criticSteps());
        String w = Double.isNaN(s.wasserstein()) ? "" : String.format(" W %.3f", s.wasserstein());
        bar.setExtraMessage(String.format(" epoch %d%s batch %d/%d D %.3f G %s%s", s.epoch() + 1,
                totalEpochs > 0 ? "/" + totalEpochs : "", s.batch() + 1, s.batchesPerEpoch(), s.criticLoss(),
                loss(generatorLoss, "%.3f"), w));
    }

    @Override
    public void onEpochEnd(EpochSummary e, Generator generator) {
        bar.refresh();
        err.printf("%nganiqa: epoch %d done: %d critic / %d generator steps, D %.4f, G %s, %.0f s, grid %s%n",
                e.epoch(), e.criticSteps(), e.generatorSteps(), e.criticLoss(), loss(e.generatorLoss(), "%.4f"),
                e.elapsedSeconds(), e.grid());
    }

    /** No generator step yet (a WGAN's first n_critic - 1 steps) is "-", not "NaN". */
    static String loss(double value, String format) {
        return Double.isNaN(value) ? "-" : String.format(format, value);
    }

    @Override
    public void onEnd(TrainingRun run) {
        close();
    }

    void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
