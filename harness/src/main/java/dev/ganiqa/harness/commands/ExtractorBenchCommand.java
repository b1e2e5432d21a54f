package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import dev.ganiqa.datasets.Datasets;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.Split;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.harness.cli.NumberChecks;
import dev.ganiqa.harness.cli.BaseCommand;
import dev.ganiqa.harness.cli.CommandContext;
import dev.ganiqa.metrics.features.Extractors;
import dev.ganiqa.metrics.features.FeatureExtractor;
import dev.ganiqa.metrics.features.FeatureRunner;
import dev.ganiqa.metrics.features.ImageAdapter;
import dev.ganiqa.metrics.features.RunSummary;
import dev.ganiqa.metrics.features.RunnerOptions;
import dev.ganiqa.metrics.features.testing.InceptionShapedGraph;
import dev.ganiqa.metrics.features.testing.TinyConvNet;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ganiqa extractor bench}: images/s through an extractor over the Fashion-MNIST test images, the
 * share of wall time spent outside {@code Session.run} (reading, adapting, float conversion, tensor copies),
 * and, as the peer in the same run, the bare session: the same batches pre-adapted in memory and fed in a
 * loop with nothing else to do. Warm-up pass first, then {@code --repeats} measured passes; the median is printed.
 */
@Parameters(commandNames = "bench", commandDescription = "Measure feature extractor throughput (images/s)")
public final class ExtractorBenchCommand extends BaseCommand {
    static final String SYNTHETIC_CONV_ONNX = "synthetic-conv-onnx";
    static final String SYNTHETIC_CONV_TF = "synthetic-conv-tf";

    @Parameter(names = "--extractor", description = "Extractor spec; 'synthetic-inception' builds the "
            + "Inception-shaped stand-in graph; 'synthetic-conv-onnx' and 'synthetic-conv-tf' build one small conv net "
            + "(3x3 conv to 64 channels, ReLU, global average pool, dense to 10) as ONNX and as a TF frozen graph")
    public String extractor = Extractors.DEFAULT;

    @Parameter(names = "--images", validateWith = NumberChecks.Positive.class, description = "Number of Fashion-MNIST images")
    public int images = 10_000;

    @Parameter(names = "--split", description = "Fashion-MNIST split: test (10,000) or train (60,000)")
    public String split = "test";

    @Parameter(names = "--batch", validateWith = NumberChecks.Positive.class, description = "Batch size")
    public int batch = RunnerOptions.DEFAULT_BATCH;

    @Parameter(names = "--no-peer", description = "Skip the bare-session peer (which holds every adapted image)")
    public boolean noPeer;

    @Parameter(names = "--repeats", validateWith = NumberChecks.Positive.class, description = "Measured passes")
    public int repeats = 3;

    @Override
    public int run(CommandContext context) throws Exception {
        ImageDataset all = Datasets.open("fashion-mnist").open(Split.parse(split));
        ImageDataset data = new FirstImages(all, Math.min(images, all.size()));
        String spec = extractor;
        Path tmp = null;
        if ("synthetic-inception".equals(extractor)) {
            tmp = Files.createTempFile("ganiqa-inception-shaped", ".pb");
            Files.write(tmp, InceptionShapedGraph.build(1).bytes());
            spec = "inception:" + tmp;
        } else if (SYNTHETIC_CONV_ONNX.equals(extractor) || SYNTHETIC_CONV_TF.equals(extractor)) {
            // The same weights both ways; images 0..255 become 0..1 in front of the convolution in both.
            TinyConvNet net = TinyConvNet.of(data.shape().channels(), 64, 10, 1);
            int h = data.shape().height();
            int w = data.shape().width();
            boolean onnx = SYNTHETIC_CONV_ONNX.equals(extractor);
            tmp = Files.createTempFile("ganiqa-conv", onnx ? ".onnx" : ".pb");
            Files.write(tmp, onnx ? net.onnx("x", h, w, false) : net.frozenGraph(h, w));
            spec = (onnx ? "onnx:" : "frozen:") + tmp + (onnx ? "?range=0-1" : "");
        }
        int threads = Runtime.getRuntime().availableProcessors();
        try (FeatureExtractor e = Extractors.open(spec, System.getenv(), threads)) {
            FeatureRunner runner = new FeatureRunner(new RunnerOptions(batch, 2));
            context.notice(e.info().label() + ": " + FeatureRunner.adaptation(data, e));
            runner.run(data, e, b -> { });
            double[] rates = new double[repeats];
            double[] outside = new double[repeats];
            double[] bare = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                RunSummary s = runner.run(data, e, b -> { });
                rates[r] = s.imagesPerSecond();
                outside[r] = s.outsideSessionShare();
                bare[r] = noPeer ? Double.NaN : bareSession(e, data);
            }
            java.util.Arrays.sort(rates);
            java.util.Arrays.sort(outside);
            java.util.Arrays.sort(bare);
            int m = repeats / 2;
            context.out().printf("extractor %s, %d images %s, batch %d, %d intra-op threads, %d cores%n",
                    extractor, data.size(), data.shape(), batch, threads, Runtime.getRuntime().availableProcessors());
            context.out().printf("pipeline: %.0f images/s (median of %d), outside Session.run: %.1f%%%n",
                    rates[m], repeats, 100 * outside[m]);
            context.out().printf("bare session (peer, pre-adapted batches): %.0f images/s%n", bare[m]);
            Runtime rt = Runtime.getRuntime();
            context.out().printf("JVM heap: %.0f MB used of %.0f MB max (dataset held in memory by its reader)%n",
                    (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
        return 0;
    }

    /** Images/s of Session.run alone: every batch adapted beforehand, extract() called in a loop. */
    private double bareSession(FeatureExtractor e, ImageDataset data) {
        ImageAdapter adapter = ImageAdapter.forExtractor(e.info(), data.shape());
        ImageShape fed = adapter.target();
        int per = fed.values();
        int n = data.size();
        float[] pixels = new float[n * per];
        for (int i = 0; i < n; i++) {
            adapter.apply(data.image(i), 0, pixels, i * per);
        }
        long t0 = System.nanoTime();
        for (int from = 0; from < n; from += batch) {
            int count = Math.min(batch, n - from);
            float[] chunk = java.util.Arrays.copyOfRange(pixels, from * per, (from + count) * per);
            e.extract(chunk, count, fed);
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private record FirstImages(ImageDataset base, int n) implements ImageDataset {
        @Override
        public String description() {
            return base.description();
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public ImageShape shape() {
            return base.shape();
        }

        @Override
        public java.util.List<String> classNames() {
            return base.classNames();
        }

        @Override
        public int label(int index) {
            return base.label(index);
        }

        @Override
        public byte[] image(int index) {
            return base.image(index);
        }
    }
}
