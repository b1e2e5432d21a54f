package dev.ganiqa.reports;

import dev.ganiqa.reports.model.BestEpoch;
import dev.ganiqa.reports.model.Collapse;
import dev.ganiqa.reports.model.Budget;
import dev.ganiqa.reports.model.DatasetInfo;
import dev.ganiqa.reports.model.Distribution;
import dev.ganiqa.reports.model.Environment;
import dev.ganiqa.reports.model.EpochPoint;
import dev.ganiqa.reports.model.ExtractorInfo;
import dev.ganiqa.reports.model.ImageRef;
import dev.ganiqa.reports.model.MetricCatalog;
import dev.ganiqa.reports.model.MetricSummary;
import dev.ganiqa.reports.model.MetricValue;
import dev.ganiqa.reports.model.Direction;
import dev.ganiqa.reports.model.MetricInfo;
import dev.ganiqa.reports.model.NeighbourPair;
import dev.ganiqa.reports.model.PairwiseTest;
import dev.ganiqa.reports.model.PerClassFid;
import dev.ganiqa.reports.model.PhaseTimes;
import dev.ganiqa.reports.model.Provenance;
import dev.ganiqa.reports.model.RealReference;
import dev.ganiqa.reports.model.RunResults;
import dev.ganiqa.reports.model.TrainingStats;
import dev.ganiqa.reports.model.UnitResult;
import dev.ganiqa.reports.model.UnitStatus;
import dev.ganiqa.reports.model.VariantSummary;
import dev.ganiqa.reports.model.Verdict;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/** A small, real-looking run (3 variants x 3 seeds, one diverged unit) with real PNG grids, for report tests. */
public final class Fixtures {
    /** The catalogue a comparison writes (the metrics module's definitions), as test data. */
    public static final List<MetricInfo> CATALOG = List.of(
            new MetricInfo("fid", "FID", Direction.LOWER_IS_BETTER, true, "Frechet distance of feature Gaussians"),
            new MetricInfo("fid_best", "best FID", Direction.LOWER_IS_BETTER, true, "lowest FID of the curve"),
            new MetricInfo("kid", "KID", Direction.LOWER_IS_BETTER, true, "kernel inception distance"),
            new MetricInfo("is", "IS", Direction.HIGHER_IS_BETTER, true, "inception score"),
            new MetricInfo("precision", "precision", Direction.HIGHER_IS_BETTER, true, "precision, k=3"),
            new MetricInfo("recall", "recall", Direction.HIGHER_IS_BETTER, true, "recall, k=3"),
            new MetricInfo("density", "density", Direction.HIGHER_IS_BETTER, true, "density, k=5"),
            new MetricInfo("coverage", "coverage", Direction.HIGHER_IS_BETTER, true, "coverage, k=5"),
            new MetricInfo("sharpness", "sharpness", Direction.NEUTRAL, false, "variance of the Laplacian"),
            new MetricInfo("noise", "noise", Direction.NEUTRAL, false, "estimated noise sigma"),
            new MetricInfo("diversity", "diversity", Direction.NEUTRAL, true, "within-class diversity, 1 = real"));

    public static final String EVIL_CLASS = "<script>alert(1)</script>";
    public static final String EVIL_SPEC = "/data/\"quoted\" & <folders>/fmnist";
    static final List<String> CLASSES = List.of("T-shirt", "Trouser", EVIL_CLASS, "Dress");
    static final List<String> VARIANTS = List.of("dcgan", "wgan", "cwgan");

    private Fixtures() {
    }

    public static RunResults run(String runId, String datasetSpec, String extractor) {
        Random random = new Random(runId.hashCode());
        List<UnitResult> units = new ArrayList<>();
        for (int v = 0; v < VARIANTS.size(); v++) {
            for (long seed = 1; seed <= 3; seed++) {
                units.add(unit(VARIANTS.get(v), seed, 40 - 10 * v, random));
            }
        }
        Provenance provenance = new Provenance("0.1.0-SNAPSHOT",
                new DatasetInfo(datasetSpec, "ab12cd34", Map.of("train", 10000, "test", 10000), 28, 28, 1, CLASSES),
                Map.of("wgan", Map.of("lambda", 10.0, "nCritic", 5, "constraint", "gp")), List.of(1L, 2L, 3L),
                new Budget("epochs", 3, 0, 2000, 500, "quick"),
                new ExtractorInfo(extractor, "1", "ff00ee11", 128),
                new Environment("17.0.15", "2.16.2", "Linux amd64", "test CPU", 2),
                Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:09:30Z"), 570,
                List.of("compare", "--preset", "quick", "--data", datasetSpec));
        Map<String, MetricValue> real = new LinkedHashMap<>();
        real.put(MetricCatalog.FID, MetricValue.of(0.8, 10000, 10000));
        real.put("is", new MetricValue(8.9, 0.1, 10000, 0, 10));
        real.put("precision", MetricValue.of(0.74, 10000, 10000));
        RealReference reference = new RealReference("test (10000) vs train (10000)", real,
                measures(random, 1.0), perClass(random, 0.5), ImageRef.png(grid(random, 0.0), "real test images"));
        List<VariantSummary> summaries = new ArrayList<>();
        for (int v = 0; v < VARIANTS.size(); v++) {
            Map<String, MetricSummary> m = new LinkedHashMap<>();
            m.put(MetricCatalog.FID, new MetricSummary(3, 40 - 10 * v, 1.2, 37 - 10 * v, 43 - 10 * v, 3 - v));
            m.put("is", new MetricSummary(3, 6 + v, 0.2, 5.5 + v, 6.5 + v, 3 - v));
            m.put("precision", new MetricSummary(3, 0.5 + 0.05 * v, 0.01, 0.48, 0.52, 3 - v));
            summaries.add(new VariantSummary(VARIANTS.get(v), 3, v == 1 ? 2 : 3, m));
        }
        List<PairwiseTest> tests = List.of(
                new PairwiseTest("fid", "cwgan", "wgan", "Welch t", 3, 2, 0.004, 0.012, true, null),
                new PairwiseTest("fid", "cwgan", "dcgan", "Welch t", 3, 3, 0.001, 0.003, true, null));
        Verdict verdict = new Verdict("cwgan has the lowest FID (ganiqa-fmnist-v1): 20.0 \u00b1 1.2 over 3 seeds; the difference to "
                + "wgan is significant (p=0.012, Welch t, Holm-adjusted).", Verdict.Confidence.HIGH, "fid", "cwgan");
        return new RunResults(RunResults.SCHEMA_VERSION, runId, provenance, CATALOG, units,
                reference, summaries, tests, verdict);
    }

    /**
     * {@code run} with cwgan collapsed: seeds 1 and 2 flagged by the trainer (within-class spread 0.03 of a real
     * 0.24), and cwgan's within-class diversity 0.08 and recall 0.01 over seeds.
     */
    public static RunResults collapsed(RunResults run) {
        RunResults out = run;
        for (UnitResult u : run.units()) {
            if (u.variant().equals("cwgan") && u.seed() <= 2) {
                TrainingStats t = u.training();
                Collapse flag = new Collapse(true, 0.24, 0.03, 0.25, true, "within-class spread across z 0.0300 is "
                        + "0.13 of the real 0.2400 (below 0.25) after epoch 3: nearly one image per class");
                out = out.withUnit(new UnitResult(u.variant(), u.seed(), u.status(), u.reason(),
                        new TrainingStats(t.epochs(), t.generatorSteps(), t.criticSteps(), t.imagesSeen(),
                                t.wallSeconds(), flag), u.timings(), u.curve(), u.best(), u.metrics(),
                        u.imageMeasures(), u.perClass(), u.sampleGrid(), u.neighbours(), u.convergence()));
            }
        }
        List<VariantSummary> variants = new ArrayList<>();
        for (VariantSummary v : run.variants()) {
            Map<String, MetricSummary> m = new LinkedHashMap<>(v.metrics());
            boolean bad = v.variant().equals("cwgan");
            m.put("recall", new MetricSummary(v.okUnits(), bad ? 0.01 : 0.4, 0.005, 0.0, 0.5, bad ? 3 : 1));
            m.put("diversity", new MetricSummary(v.okUnits(), bad ? 0.08 : 0.9, 0.01, 0.05, 1.0, 1));
            variants.add(new VariantSummary(v.variant(), v.units(), v.okUnits(), m));
        }
        return out.withStatistics(variants, out.tests(), out.verdict());
    }

    /**
     * {@code run} left incomplete by a kill: cwgan seed 3 has no result (missing), and dcgan seed 1 is behind, at the
     * 1-epoch budget the run was extended from to 3 epochs. The statistics are left as {@code run} had them, as a
     * ganiqa that did not know about incomplete runs wrote them (a named winner, ranks, tests).
     */
    public static RunResults incomplete(RunResults run) {
        Provenance p = run.provenance();
        Budget one = new Budget("epochs", 1, 0, p.budget().samples(), p.budget().curveSamples(), p.budget().preset());
        RunResults out = run.withProvenance(new Provenance(p.ganiqaVersion(), p.dataset(), p.variantConfigs(),
                p.seeds(), p.budget(), p.extractor(), p.environment(), p.startedAt(), null, p.wallSeconds(),
                p.commandLine(), p.execution(), List.of(one)));
        List<UnitResult> units = new ArrayList<>();
        for (UnitResult u : out.units()) {
            if (u.variant().equals("dcgan") && u.seed() == 1) {
                TrainingStats t = u.training();
                units.add(new UnitResult(u.variant(), u.seed(), u.status(), u.reason(), new TrainingStats(1,
                        t.generatorSteps() / 3, t.criticSteps() / 3, t.imagesSeen() / 3), u.timings(), u.curve(),
                        u.best(), u.metrics(), u.imageMeasures(), u.perClass(), u.sampleGrid(), u.neighbours(),
                        u.convergence(), one));
            } else if (!(u.variant().equals("cwgan") && u.seed() == 3)) {
                units.add(u);
            }
        }
        return new RunResults(out.schemaVersion(), out.runId(), out.provenance(), out.metrics(), units,
                out.reference(), out.variants(), out.tests(), out.verdict(), out.claims(),
                List.of(new dev.ganiqa.reports.model.UnitId("cwgan", 3)));
    }

    static UnitResult unit(String variant, long seed, double fid, Random random) {
        if (variant.equals("wgan") && seed == 3) {
            return new UnitResult(variant, seed, UnitStatus.DIVERGED, "NaN critic loss at epoch 2, step 311",
                    new TrainingStats(1, 150, 750, 48000), new PhaseTimes(100, 0, 0, 0),
                    List.of(new EpochPoint(1, 90.0, Map.of("generator", 1.2, "critic", -0.4))), null,
                    Map.of(), Map.of(), null, null, List.of());
        }
        List<EpochPoint> curve = new ArrayList<>();
        for (int e = 1; e <= 3; e++) {
            curve.add(new EpochPoint(e, fid * (1 + 2.0 / e) + random.nextGaussian(),
                    Map.of("generator", 1.5 / e + 0.1 * random.nextGaussian(), "critic", -0.5 / e)));
        }
        Map<String, MetricValue> metrics = new LinkedHashMap<>();
        metrics.put(MetricCatalog.FID, MetricValue.of(fid + random.nextGaussian(), 2000, 10000));
        metrics.put("kid", new MetricValue(fid / 1000, fid / 20000, 2000, 10000, 100));
        metrics.put("is", new MetricValue(6 + random.nextDouble(), 0.2, 2000, 0, 10));
        metrics.put("precision", MetricValue.of(0.5 + random.nextDouble() / 10, 2000, 10000));
        ImageRef sample = ImageRef.png(tile(random, 0.3), "sample");
        ImageRef nearest = ImageRef.png(tile(random, 0.0), "train #" + seed);
        return new UnitResult(variant, seed, UnitStatus.OK, null, new TrainingStats(3, 471, 2355, 30000),
                new PhaseTimes(120 + seed, 4, 9, 3), curve, new BestEpoch(3, curve.get(2).fid()), metrics,
                measures(random, 0.7), perClass(random, fid), ImageRef.png(grid(random, 0.2), variant + " seed " + seed),
                List.of(new NeighbourPair(sample, nearest, 4711 + seed, 3.25, "features")));
    }

    static Map<String, Distribution> measures(Random random, double scale) {
        Map<String, Distribution> out = new LinkedHashMap<>();
        out.put("sharpness", Distribution.of(random.doubles(800).map(x -> scale * (200 + 80 * x)).toArray()));
        out.put("noise", Distribution.of(random.doubles(800).map(x -> (2 - scale) * (1 + x)).toArray()));
        return out;
    }

    static PerClassFid perClass(Random random, double base) {
        Map<String, Double> fid = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String c : CLASSES) {
            fid.put(c, base * (1 + random.nextDouble()));
            counts.put(c, 500);
        }
        return new PerClassFid("label", fid, counts);
    }

    /** An 8x8 grid of 28x28 blobs, noisier with {@code noise}, encoded as a real PNG. */
    public static byte[] grid(Random random, double noise) {
        BufferedImage image = new BufferedImage(8 * 28, 8 * 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                double dx = (x % 28) - 14;
                double dy = (y % 28) - 14;
                double blob = Math.max(0, 1 - (dx * dx / 60 + dy * dy / 140));
                int value = (int) Math.round(255 * Math.min(1, Math.max(0, blob + noise * random.nextGaussian())));
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        return png(image);
    }

    static byte[] tile(Random random, double noise) {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int value = (int) Math.round(255 * Math.min(1, Math.max(0, (x + y) / 56.0 + noise * random.nextGaussian())));
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        return png(image);
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
