package dev.ganiqa.harness.features;

import dev.ganiqa.metrics.features.Progress;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with images/s on stderr for one feature-extraction pass, in the style of the training bar:
 * ASCII and a fixed width without a console, so logs and captured output stay readable.
 */
public final class ExtractionProgress implements Progress, AutoCloseable {
    private static final int TASK_CHARS = 24;
    private final ProgressBar bar;

    public ExtractionProgress(PrintStream err, String task, long total) {
        boolean console = System.console() != null;
        String name = task.length() <= TASK_CHARS ? task : "..." + task.substring(task.length() - TASK_CHARS + 3);
        bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total)
                .setStyle(console ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setConsumer(console ? new ConsoleProgressBarConsumer(err) : new ConsoleProgressBarConsumer(err, 120))
                .setUnit(" img", 1).showSpeed().setUpdateIntervalMillis(500).build();
    }

    @Override
    public void update(long done, long total, double imagesPerSecond) {
        bar.stepTo(done);
    }

    @Override
    public void close() {
        bar.close();
    }
}
