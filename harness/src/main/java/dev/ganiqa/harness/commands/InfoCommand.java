package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.SkippedFile;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CommandContext;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ganiqa datasets info SPEC}: images per split, shape, classes with per-split counts, skipped files. */
@Parameters(commandNames = "info", commandDescription = "Show a dataset's splits, shape, classes and skipped files")
public final class InfoCommand extends BaseCommand {
    @Parameter(description = "SPEC")
    public List<String> positional = new ArrayList<>();

    @ParametersDelegate
    public DatasetArguments data = new DatasetArguments();

    @Override
    public int run(CommandContext context) {
        DatasetSource source = Datasets.open(DatasetArguments.spec(positional, "info"), data.options());
        Map<Split, ImageDataset> splits = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            if (source.splits().contains(split)) {
                splits.put(split, source.open(split));
            }
        }
        PrintStream out = context.out();
        out.println("dataset: " + source.spec());
        splits.forEach((split, d) -> out.println(split.label() + ": " + d.size() + " images, " + d.shape()));
        ImageDataset first = splits.values().iterator().next();
        List<String> classes = first.classNames();
        out.println("classes: " + (classes.isEmpty() ? "none (unlabelled)" : classes.size()));
        Map<Split, int[]> counts = new LinkedHashMap<>();
        splits.forEach((split, d) -> counts.put(split, ArrayDataset.classCounts(d)));
        int width = classes.stream().mapToInt(String::length).max().orElse(0);
        for (int c = 0; c < classes.size(); c++) {
            StringBuilder line = new StringBuilder(String.format("  %2d  %-" + width + "s", c, classes.get(c)));
            for (Map.Entry<Split, int[]> entry : counts.entrySet()) {
                int[] perClass = entry.getValue();
                line.append(String.format("  %s %d", entry.getKey().label(), c < perClass.length ? perClass[c] : 0));
            }
            out.println(line);
        }
        List<SkippedFile> skipped = new ArrayList<>();
        splits.values().forEach(d -> skipped.addAll(d.skipped()));
        out.println("skipped: " + skipped.size());
        for (SkippedFile file : skipped) {
            out.println("  " + file);
        }
        return 0;
    }
}
