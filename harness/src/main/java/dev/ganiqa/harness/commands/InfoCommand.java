package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.DatasetException;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.DecodedImage;
import dev.ganiqa.datasets.FolderImages;
import dev.ganiqa.datasets.ImageDecoder;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.SkippedFile;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CommandContext;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ganiqa datasets info SPEC}: images per split, shape, classes with per-split counts, skipped files. A
 * folder is decoded file by file at each image's own size: its layout, the image sizes found, classes, and
 * every file refused with its reason.
 */
@Parameters(commandNames = "info", commandDescription = "Show a dataset's splits, shape, classes and skipped files")
public final class InfoCommand extends BaseCommand {
    @Parameter(description = "SPEC")
    public List<String> positional = new ArrayList<>();

    @ParametersDelegate
    public DatasetArguments data = new DatasetArguments();

    @Override
    public int run(CommandContext context) {
        String spec = DatasetArguments.spec(positional, "info");
        if (Datasets.isFolder(spec) && data.shape == null) {
            return folder(FolderImages.open(Path.of(spec.strip()), data.options()), context);
        }
        DatasetSource source = Datasets.open(spec, data.options());
        Map<Split, ImageDataset> splits = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            if (source.splits().contains(split)) {
                splits.put(split, source.open(split));
            }
        }
        PrintStream out = context.out();
        out.println("dataset: " + source.spec());
        if (!source.licence().isEmpty()) {
            out.println("licence: " + source.licence());
        }
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

    /** Decodes every file of the folder, one at a time, and reports what was found. */
    private int folder(FolderImages set, CommandContext context) {
        PrintStream out = context.out();
        set.notices().forEach(context::notice);
        Map<String, Integer> sizes = new TreeMap<>();
        List<SkippedFile> skipped = new ArrayList<>(set.skipped());
        int[] perClass = new int[set.classNames().size()];
        int decoded = 0;
        for (int i = 0; i < set.size(); i++) {
            try {
                DecodedImage image = set.read(i);
                sizes.merge(image.height() + "x" + image.width() + "x" + image.channels(), 1, Integer::sum);
                decoded++;
                if (set.label(i) >= 0) {
                    perClass[set.label(i)]++;
                }
            } catch (ImageDecoder.Refused e) {
                skipped.add(new SkippedFile(set.name(i), e.getMessage()));
            }
        }
        skipped.sort(Comparator.comparing(SkippedFile::path));
        if (decoded == 0) {
            throw new DatasetException(set.description() + ": no usable image; " + (skipped.isEmpty() ? "empty folder"
                    : skipped.get(0) + (skipped.size() > 1 ? " (and " + (skipped.size() - 1) + " more skipped)" : "")));
        }
        out.println("dataset: " + set.description());
        out.println("layout: " + set.layout().describe());
        out.println("train: " + decoded + " images, " + sizes.size() + " size(s) (HxWxC, as decoded)");
        sizes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .forEach(e -> out.println("  " + e.getKey() + ": " + e.getValue()));
        if (sizes.size() > 10) {
            out.println("  ... and " + (sizes.size() - 10) + " more sizes");
        }
        List<String> classes = set.classNames();
        out.println("classes: " + (classes.isEmpty() ? "none (unlabelled)" : classes.size()));
        int width = classes.stream().mapToInt(String::length).max().orElse(0);
        for (int c = 0; c < classes.size(); c++) {
            out.println(String.format("  %2d  %-" + width + "s  train %d", c, classes.get(c), perClass[c]));
        }
        out.println("skipped: " + skipped.size());
        for (SkippedFile file : skipped) {
            out.println("  " + file);
        }
        return 0;
    }
}
