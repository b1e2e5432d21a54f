package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.ImageFolderWriter;
import dev.ganiqa.harness.cli.NumberChecks;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.cli.OutputPaths;
import dev.ganiqa.trainers.Generator;
import dev.ganiqa.trainers.Generators;
import dev.ganiqa.trainers.ModelInfo;
import dev.ganiqa.trainers.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ganiqa sample}: PNG files from a trained run (its SavedModel, else its last checkpoint). Conditional
 * generators write N images per class into one subfolder per class (or N of {@code --class K} only).
 */
@Parameters(commandNames = "sample", commandDescription = "Write PNG samples from a trained run")
public final class SampleCommand extends BaseCommand {
    @Parameter(names = "--run", required = true, description = "Run folder (or an exported SavedModel folder)")
    public Path run;

    @Parameter(names = "--n", validateWith = NumberChecks.Positive.class, description = "Images (per class for conditional generators)")
    public int n = 64;

    @Parameter(names = "--class", validateWith = NumberChecks.NonNegative.class, description = "Only this class index (conditional generators)")
    public Integer classIndex;

    @Parameter(names = "--seed", description = "Noise seed")
    public long seed = 1;

    @Parameter(names = "--out", required = true, description = "Output folder")
    public Path out;

    @Override
    public int run(CommandContext context) throws IOException {
        if (n < 1) {
            throw CliException.usage("sample", "expected --n >= 1, found " + n);
        }
        OutputPaths.folder("sample", out);
        try (Generator g = Generators.load(run)) {
            if (g.classes() == 0) {
                if (classIndex != null) {
                    throw CliException.usage("sample", run + ": expected no --class for an unconditional generator");
                }
                Samples samples = g.sample(n, null, seed);
                ImageFolderWriter.write(new ArrayDataset(run.toString(), samples.shape(), samples.pixels(), null,
                        List.of(), null, List.of()), out, n);
                context.out().printf("%d images -> %s%n", n, out);
                return 0;
            }
            if (classIndex != null && (classIndex < 0 || classIndex >= g.classes())) {
                throw CliException.usage("sample", "expected --class in 0.." + (g.classes() - 1) + ", found " + classIndex);
            }
            ModelInfo info = Generators.info(run);
            List<String> names = classNames(info, g.classes());
            for (int k = 0; k < g.classes(); k++) {
                if (classIndex != null && k != classIndex) {
                    continue;
                }
                int[] labels = new int[n];
                Arrays.fill(labels, k);
                // Seed per class, so --class K reproduces the same images as the full per-class run.
                Samples samples = g.sample(n, labels, dev.ganiqa.datasets.Seeds.derive(seed, k));
                // The datasets module's folder layout (class folders + classes.txt), so the output reads back
                // as a labelled dataset with the generator's class names.
                ImageFolderWriter.write(new ArrayDataset(run + " class " + k, samples.shape(), samples.pixels(),
                        labels, names, null, List.of()), out, n);
                context.out().printf("%d images of class %d (%s) -> %s%n", n, k, names.get(k),
                        out.resolve(ImageFolderWriter.folderName(names.get(k))));
            }
            return 0;
        }
    }

    private static List<String> classNames(ModelInfo info, int classes) {
        if (info.classNames() != null && info.classNames().size() == classes) {
            return info.classNames();
        }
        List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add(String.format("%02d", k));
        }
        return names;
    }
}
