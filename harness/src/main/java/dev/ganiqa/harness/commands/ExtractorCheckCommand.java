package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ganiqa.datasets.AtomicFiles;
import dev.ganiqa.datasets.DatasetSource;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Resize;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CliException;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.harness.cli.NumberChecks;
import dev.ganiqa.harness.cli.OutputPaths;
import dev.ganiqa.harness.cli.ResizeModes;
import dev.ganiqa.metrics.eval.ExtractorCheck;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.features.FeatureExtractor;
import java.nio.file.Path;

/**
 * {@code ganiqa extractor check [--extractor X] [--data SPEC] [--images N] [--json FILE]}: held-out real images
 * against the test split, as they are and after known degradations, with the direction every metric must take
 * ({@link ExtractorCheck}); a table on stdout, the whole report as JSON, exit 1 when an expectation fails.
 */
@Parameters(commandNames = "check", commandDescription = "Check that an extractor's metrics move the known way "
        + "under noise, blur, pure noise, constant images, one class and one image")
public final class ExtractorCheckCommand extends BaseCommand {
    @Parameter(names = "--extractor", description = "Extractor spec (default: the shipped extractor trained on --data: ganiqa-fmnist-v17, or ganiqa-emoji-v1 for emoji; ganiqa-fmnist-v15, v13, v12 and v10 for the previous defaults (other second gates); ganiqa-fmnist-v8 for either without its second rejection gate; ganiqa-fmnist-v6, v3, v2 and v1 for the earlier embedded ones)")
    public String extractor;

    @Parameter(names = "--resize", converter = ResizeModes.class, description = ResizeModes.DESCRIPTION)
    public Resize resize;

    @Parameter(names = "--data", description = "Labelled dataset with a test split (default fashion-mnist)")
    public String data = "fashion-mnist";

    @Parameter(names = "--images", validateWith = NumberChecks.Positive.class,
            description = "Images per set: two disjoint samples of the test split, one the reference, the other the "
            + "undegraded row and the source of the degraded sets (half the split each when it holds fewer)")
    public int images = 2000;

    @Parameter(names = "--seed", description = "Seed of the subsets and the noise")
    public long seed = 1;

    @Parameter(names = "--json", description = "Also write the report to this JSON file (atomically)")
    public String json;

    @Override
    public int run(CommandContext context) throws Exception {
        Path target = json == null ? null : OutputPaths.file("extractor check", json);
        DatasetSource source = Datasets.open(data);
        if (!source.splits().contains(Split.TEST)) {
            throw CliException.usage("--data", "expected a dataset with a test split, found " + data + " ("
                    + source.splits() + ")");
        }
        ExtractorCheck.RealSets real = ExtractorCheck.realSets(source.open(Split.TEST), images, seed);
        ImageDataset reference = real.reference();
        ImageDataset heldOut = real.unseen();
        if (!heldOut.hasLabels()) {
            throw CliException.usage("--data", "expected labelled images (the one-class check needs labels), found "
                    + "none in " + data);
        }
        ExtractorCheck.Report report;
        try (FeatureExtractor e = Extractors.open(Extractors.withResize(Extractors.orDefaultFor(extractor, data), resize), System.getenv())) {
            context.notice("extractor " + e.info().label() + "; " + heldOut.size() + " unseen test images against "
                    + reference.size() + " other test images of " + data);
            report = ExtractorCheck.run(e, reference, heldOut, seed);
        }
        context.out().printf("%-14s %-18s %12s %12s  %-12s %s%n", "set", "metric", "value", "real", "expected", "");
        for (ExtractorCheck.Row r : report.rows()) {
            context.out().printf("%-14s %-18s %12.5g %12.5g  %-12s %s%n", r.degradation(), r.metric(), r.value(),
                    r.real(), r.expected(), r.pass() ? "ok" : "FAIL");
        }
        for (var group : dev.ganiqa.metrics.eval.OutOfDistribution.Group.values()) {
            context.out().println();
            context.out().println(switch (group) {
                case TUNING -> "out of distribution, the kinds extractors may be built or tuned with:";
                case HELD_OUT -> "out of distribution, held out (no extractor is built with these; looked at while "
                        + "choosing a design):";
                case FINAL -> "out of distribution, final group (written before the design it judges was measured "
                        + "on it, used for no decision):";
            });
            context.out().printf("  %-44s %10s %10s %10s %10s %10s  %s%n", "family", "precision", "density", "recall",
                    "coverage", "ood share", "precision, density <= " + ExtractorCheck.OOD_BOUND);
            for (ExtractorCheck.OodRow r : report.ood()) {
                if (r.group() == group) {
                    context.out().printf("  %-44s %10.3f %10.3f %10.3f %10.3f %10.3f  %s%n", r.family(), r.precision(),
                            r.density(), r.recall(), r.coverage(), r.oodShare(), r.pass() ? "ok" : "FAIL");
                }
            }
        }
        context.out().println();
        long failed = report.rows().stream().filter(r -> !r.pass()).count();
        long oodFailed = report.ood().stream().filter(r -> !r.pass()).count();
        context.out().printf("groups: tuning %s, held out %s, final %s%n", word(report.tuningPassed()),
                word(report.heldOutPassed()), word(report.finalPassed()));
        context.out().println(report.passed() ? "extractor check passed: " + report.rows().size() + " expectations and "
                + report.ood().size() + " out-of-distribution families"
                : "extractor check failed: " + failed + " of " + report.rows().size() + " expectations and " + oodFailed
                        + " of " + report.ood().size() + " out-of-distribution families");
        if (target != null) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            AtomicFiles.write(target, out -> mapper.writeValue(out, report));
        }
        return report.passed() ? 0 : 1;
    }

    private static String word(boolean passed) {
        return passed ? "passed" : "FAILED";
    }
}
