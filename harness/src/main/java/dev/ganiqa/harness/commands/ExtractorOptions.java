package dev.ganiqa.harness.commands;

import com.beust.jcommander.Parameter;
import dev.ganiqa.datasets.Resize;
import dev.ganiqa.harness.cli.NumberChecks;
import dev.ganiqa.harness.cli.ResizeModes;
import dev.ganiqa.metrics.eval.StatsCache;
import dev.ganiqa.metrics.features.Extractors;
import java.util.Map;

/** The feature-extractor options shared by {@code fid}, {@code stats} and {@code metrics} (a JCommander delegate). */
public final class ExtractorOptions {
    @Parameter(names = "--extractor", description = "Feature extractor for folders and specs: ganiqa-fmnist-v17 (default; "
            + "ganiqa-emoji-v1 when the reference is emoji data), ganiqa-fmnist-v15, ganiqa-fmnist-v13, ganiqa-fmnist-v12 and ganiqa-fmnist-v10 (the previous defaults), ganiqa-fmnist-v8 (any of them without its second rejection gate), ganiqa-fmnist-v6, ganiqa-fmnist-v3, ganiqa-fmnist-v2, ganiqa-fmnist-v1, ganiqa-emoji-v1, "
            + "inception[:PATH], savedmodel:DIR[#SIGNATURE], frozen:FILE.pb, onnx:FILE.onnx[?OPTIONS], "
            + "onnx-clip-vit-b32:FILE, onnx-dinov2-vits14:FILE, onnx-inception:FILE")
    public String extractor;

    @Parameter(names = "--resize", converter = ResizeModes.class, description = ResizeModes.DESCRIPTION)
    public Resize resize;

    @Parameter(names = "--threads", validateWith = NumberChecks.Positive.class, description = "TensorFlow threads (default: all cores)")
    public int threads = Runtime.getRuntime().availableProcessors();

    @Parameter(names = "--no-cache", description = "Neither read nor write cached statistics "
            + "(${GANIQA_CACHE:-~/.cache/ganiqa}/stats)")
    public boolean noCache;

    /**
     * The extractor spec with {@code --resize} folded in; without {@code --extractor}, the shipped extractor trained on
     * the data {@code reference} names (ganiqa-emoji-v1 for emoji), else the default.
     */
    String spec(String reference) {
        return Extractors.withResize(Extractors.orDefaultFor(extractor, reference), resize);
    }

    /** The statistics cache of {@code env}, or null with {@code --no-cache}. */
    StatsCache cache(Map<String, String> env) {
        return noCache ? null : StatsCache.fromEnv(env);
    }
}
