package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.trainers.Generator;
import dev.ganiqa.trainers.Generators;
import dev.ganiqa.trainers.ModelInfo;
import dev.ganiqa.trainers.SampleGrid;
import dev.ganiqa.trainers.Samples;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code ganiqa sample}: PNG files from a trained run (its SavedModel, else its last checkpoint). Conditional
 * generators write N images per class into one subfolder per class (or N of {@code --class K} only).
 */
@Parameters(commandNames = "sample", commandDescription = "Write PNG samples from a trained run")
public final class SampleCommand extends BaseCommand {
    @Parameter(names = "--run", required = true, description = "Run folder (or an exported SavedModel folder)")
    public Path run;

    @Parameter(names = "--n", description = "Images (per class for conditional generators)")
    public int n = 64;

    @Parameter(names = "--class", description = "Only this class index (conditional generators)")
    public Integer classIndex;

    @Parameter(names = "--seed", description = "Noise seed")
    public long seed = 1;

    @Parameter(names = "--out", required = true, description = "Output folder")
    public Path out;

    @Override
    public int run(CommandContext context) {
        if (n < 1) {
            throw CliException.usage("sample", "expected --n >= 1, found " + n);
        }
        try (Generator g = Generators.load(run)) {
            if (g.classes() == 0) {
                if (classIndex != null) {
                    throw CliException.usage("sample", run + ": expected no --class for an unconditional generator");
                }
                write(g.sample(n, null, seed), out);
                context.out().printf("%d images -> %s%n", n, out);
                return 0;
            }
            if (classIndex != null && (classIndex < 0 || classIndex >= g.classes())) {
                throw CliException.usage("sample", "expected --class in 0.." + (g.classes() - 1) + ", found " + classIndex);
            }
            ModelInfo info = Generators.info(run);
            for (int k = 0; k < g.classes(); k++) {
                if (classIndex != null && k != classIndex) {
                    continue;
                }
                int[] labels = new int[n];
                Arrays.fill(labels, k);
                // Seed per class, so --class K reproduces the same images as the full per-class run.
                Path dir = out.resolve(folder(info, k));
                write(g.sample(n, labels, seed * 1_000_003L + k), dir);
                context.out().printf("%d images of class %d -> %s%n", n, k, dir);
            }
            return 0;
        }
    }

    private static String folder(ModelInfo info, int k) {
        String name = info.classNames() != null && k < info.classNames().size() ? info.classNames().get(k) : "";
        String safe = name.replaceAll("[^A-Za-z0-9_.-]+", "_");
        return String.format("%02d", k) + (safe.isEmpty() ? "" : "-" + safe);
    }

    private static void write(Samples samples, Path dir) {
        for (int i = 0; i < samples.count(); i++) {
            SampleGrid.writeImage(samples, i, dir.resolve(String.format("%06d.png", i)));
        }
    }
}
