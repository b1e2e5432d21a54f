package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import dev.ganiqa.datasets.DatasetOptions;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageFolderWriter;
import dev.ganiqa.datasets.PartialExport;
import dev.ganiqa.datasets.Preprocessing;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.SubsetDataset;
import dev.ganiqa.harness.cli.NumberChecks;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.cli.OutputPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ganiqa datasets export SPEC --out DIR}: writes a split as PNG files in class subfolders, so any
 * dataset becomes an image folder that reads back to the same pixels and labels. Refuses a non-empty
 * {@code --out}, so nothing is overwritten, except a {@link PartialExport} of the same request, which it
 * finishes (an export stopped by a full disk or a kill).
 */
@Parameters(commandNames = "export", commandDescription = "Write a dataset split as PNG files in class subfolders")
public final class ExportCommand extends BaseCommand {
    @Parameter(description = "SPEC")
    public List<String> positional = new ArrayList<>();

    @Parameter(names = "--out", required = true, description = "New or empty folder to write into")
    public Path out;

    @Parameter(names = "--split", description = "train or test")
    public String split = "train";

    @Parameter(names = "--limit", validateWith = NumberChecks.NonNegative.class, description = "Write only the first N images")
    public Integer limit;

    @ParametersDelegate
    public DatasetArguments data = new DatasetArguments();

    @Override
    public int run(CommandContext context) throws IOException {
        String spec = DatasetArguments.spec(positional, "export");
        Split which = Split.parse(split);
        if (limit != null && limit < 0) {
            throw CliException.usage("--limit", "expected a non-negative number of images, found " + limit);
        }
        try {
            PartialExport.check(out);
        } catch (IOException e) {
            throw new CliException("export", e.getMessage(), 1, e);
        }
        OutputPaths.folder("export", out);
        DatasetOptions options = data.options();
        // A source given a target shape resizes its whole split as it opens it: 60,000 Fashion-MNIST images at
        // 256x256x3 are refused as over 2 GiB even for --limit 3. So the limit applies first and only the images
        // written are resized; a folder brings each image to the target while decoding it, so it takes it at once.
        boolean resizeAfter = options.target() != null && !Datasets.isFolder(spec);
        ImageDataset whole = Datasets.open(spec, resizeAfter ? options.withTarget(null) : options).open(which);
        int count = limit == null ? whole.size() : Math.min(limit, whole.size());
        ImageDataset chosen = SubsetDataset.first(whole, count);
        ImageDataset dataset = resizeAfter ? new Preprocessing(options.target()).applyTo(chosen, options.threads())
                : chosen;
        PartialExport export;
        try {
            export = PartialExport.start(out, spec + " --split " + which.label() + " --limit " + count + " as "
                    + dataset.shape());
        } catch (IOException e) {
            throw new CliException("export", e.getMessage(), 1, e);
        }
        context.notice((export.resumed() ? "continuing the partial export of " : "exporting ") + count + " of "
                + whole.size() + " images of " + dataset.description() + " to " + out);
        List<Path> written;
        try {
            written = ImageFolderWriter.write(dataset, out, count, export.resumed());
            export.finish();
        } catch (IOException e) {
            throw new CliException("export", e.getMessage() + "; the partial export in " + out + " is marked: rerun "
                    + "the same command to finish it", 1, e);
        }
        context.out().println("wrote " + written.size() + " PNG files (" + dataset.shape() + ") to " + out
                + (dataset.hasLabels() ? " in " + dataset.classNames().size() + " class folders" : ""));
        return 0;
    }
}
