package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import dev.ganiqa.datasets.DatasetOptions;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.harness.cli.NumberChecks;
import dev.ganiqa.harness.cli.CliException;
import java.util.List;

/** How a dataset command opens its source: the SPEC argument plus decoding options (a JCommander delegate). */
public final class DatasetArguments {
    @Parameter(names = "--threads", validateWith = NumberChecks.Positive.class, description = "Threads decoding image folders (default: all cores)")
    public Integer threads;

    @Parameter(names = "--max-pixels", validateWith = NumberChecks.Positive.class, description = "Refuse images with more pixels than this, before decoding")
    public Long maxPixels;

    @Parameter(names = "--shape", description = "Bring every image to HxWxC (e.g. 32x32x3) with the preprocessing policy")
    public String shape;

    public DatasetOptions options() {
        DatasetOptions options = withShape(DatasetOptions.defaults(), shape);
        if (threads != null) {
            if (threads <= 0) {
                throw CliException.usage("--threads", "expected a positive thread count, found " + threads);
            }
            options = options.withThreads(threads);
        }
        if (maxPixels != null) {
            if (maxPixels <= 0) {
                throw CliException.usage("--max-pixels", "expected a positive pixel limit, found " + maxPixels);
            }
            options = options.withMaxPixels(maxPixels);
        }
        return options;
    }

    /** {@code options} adapting every image to {@code shape} ({@code HxWxC}) as it is read; unchanged when null. */
    static DatasetOptions withShape(DatasetOptions options, String shape) {
        if (shape == null) {
            return options;
        }
        try {
            return options.withTarget(ImageShape.parse(shape));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--shape", e.getMessage());
        }
    }

    /** The one SPEC positional argument. */
    static String spec(List<String> positional, String command) {
        if (positional == null || positional.size() != 1) {
            throw CliException.usage(command, "expected one dataset SPEC (fashion-mnist, idx:IMAGES[,LABELS], cifar10:DIR, "
                    + "synthetic:shapes?..., or an image folder), found " + (positional == null ? 0 : positional.size()));
        }
        return positional.get(0);
    }
}
