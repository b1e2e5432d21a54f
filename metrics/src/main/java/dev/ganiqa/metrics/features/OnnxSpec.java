package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.Resize;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code onnx:FILE.onnx[?key=value&...]} (or a preset, {@link OnnxPresets}): which tensors of an ONNX model to
 * use and how images are prepared for it. Every option is validated here, before the model is opened; a
 * null field means "not given" (the model's input shape, then the preset, then the defaults decide).
 * <ul>
 *   <li>{@code input=NAME}: the image input (default: the model's only input);</li>
 *   <li>{@code features=NAME}, {@code probabilities=NAME}, {@code logits=NAME}: outputs, as for SavedModels;</li>
 *   <li>{@code size=HxW} or {@code size=any} (each image fed at its own size);</li>
 *   <li>{@code layout=nchw|nhwc}; {@code channels=1|3};</li>
 *   <li>{@code range=0-255|0-1|imagenet} (imagenet: 0-1 then ImageNet's mean and std);
 *       {@code mean=M[,M,M]&std=S[,S,S]} after the range: x = (v * scale - mean) / std;</li>
 *   <li>{@code resize=area|bicubic|clean|legacy-tf|legacy-pytorch}: the modes of {@link Resize}.</li>
 * </ul>
 */
public record OnnxSpec(String prefix, Path file, String input, String features, String probabilities, String logits,
        Size size, Layout layout, Integer channels, Range range, double[] mean, double[] std,
        Resize resize) {
    static final List<String> KEYS = List.of("input", "features", "probabilities", "logits", "size", "layout",
            "channels", "range", "mean", "std", "resize");

    /** Memory order of the image input. */
    public enum Layout {
        NCHW, NHWC;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What pixel values 0..255 become before mean/std: multiplied by {@code scale}. */
    public enum Range {
        BYTES("0-255", 1.0), UNIT("0-1", 1.0 / 255), IMAGENET("imagenet", 1.0 / 255);

        final String label;
        final double scale;

        Range(String label, double scale) {
            this.label = label;
            this.scale = scale;
        }
    }

    /** A fixed input size, or {@code any} (height and width 0): images fed at their own size. */
    public record Size(int height, int width) {
        static final Size ANY = new Size(0, 0);

        boolean isAny() {
            return height == 0;
        }

        @Override
        public String toString() {
            return isAny() ? "any" : height + "x" + width;
        }
    }

    /** ImageNet's per-channel mean and std (torchvision's {@code Normalize} for its pretrained models). */
    static final double[] IMAGENET_MEAN = {0.485, 0.456, 0.406};
    static final double[] IMAGENET_STD = {0.229, 0.224, 0.225};

    public OnnxSpec {
        if (file == null || file.toString().isEmpty()) {
            throw new ExtractorException(prefix + ": expected a model file, found none");
        }
        String where = prefix + file;
        if ((mean == null) != (std == null)) {
            throw new ExtractorException(where + ": expected mean and std together, found only "
                    + (mean != null ? "mean" : "std"));
        }
        if (range == Range.IMAGENET && mean != null) {
            throw new ExtractorException(where + ": expected either range=imagenet or mean/std (imagenet sets both), "
                    + "found both");
        }
        if (mean != null && mean.length != std.length) {
            throw new ExtractorException(where + ": expected as many std values as mean values, found "
                    + mean.length + " and " + std.length);
        }
    }

    /** Parses the part after {@code prefix}; {@code defaults} (a preset's options) apply where the text is silent. */
    public static OnnxSpec parse(String prefix, String text, Map<String, String> defaults) {
        String where = prefix + text;
        Map<String, String> options = new LinkedHashMap<>(defaults);
        String file = text;
        int q = text.indexOf('?');
        if (q >= 0) {
            file = text.substring(0, q);
            Map<String, String> given = new LinkedHashMap<>();
            for (String pair : text.substring(q + 1).split("&", -1)) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (eq < 0 || !KEYS.contains(key) || pair.substring(eq + 1).isEmpty()) {
                    throw new ExtractorException(where + ": expected options " + KEYS + " as key=value, found '"
                            + pair + "'");
                }
                if (given.put(key, pair.substring(eq + 1)) != null) {
                    throw new ExtractorException(where + ": expected each option once, found " + key + " twice");
                }
            }
            if (given.containsKey("range") && !given.containsKey("mean")) {
                options.remove("mean");
                options.remove("std");
            }
            options.putAll(given);
        }
        return new OnnxSpec(prefix, Path.of(file), options.get("input"), options.get("features"),
                options.get("probabilities"), options.get("logits"), size(where, options.get("size")),
                choice(where, "layout", options.get("layout"), Layout.values(), Layout::label),
                channels(where, options.get("channels")),
                choice(where, "range", options.get("range"), Range.values(), r -> r.label),
                numbers(where, "mean", options.get("mean"), false), numbers(where, "std", options.get("std"), true),
                choice(where, "resize", options.get("resize"), Resize.values(),
                        Resize::label));
    }

    private static Size size(String where, String value) {
        if (value == null) {
            return null;
        }
        if (value.equals("any")) {
            return Size.ANY;
        }
        String[] parts = value.split("x", -1);
        try {
            if (parts.length == 2) {
                int h = Integer.parseInt(parts[0]);
                int w = Integer.parseInt(parts[1]);
                if (h >= 1 && w >= 1 && h <= ModelBounds.MAX_SIDE && w <= ModelBounds.MAX_SIDE) {
                    return new Size(h, w);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ExtractorException(where + ": expected size=HxW (1.." + ModelBounds.MAX_SIDE
                + " each) or size=any, found size=" + value);
    }

    private static Integer channels(String where, String value) {
        if (value == null) {
            return null;
        }
        if (!value.equals("1") && !value.equals("3")) {
            throw new ExtractorException(where + ": expected channels=1 or channels=3, found channels=" + value);
        }
        return Integer.valueOf(value);
    }

    private static <T> T choice(String where, String key, String value, T[] values,
            java.util.function.Function<T, String> label) {
        if (value == null) {
            return null;
        }
        for (T t : values) {
            if (label.apply(t).equals(value)) {
                return t;
            }
        }
        throw new ExtractorException(where + ": expected " + key + "=" + String.join("|",
                java.util.Arrays.stream(values).map(label).toList()) + ", found " + key + "=" + value);
    }

    private static double[] numbers(String where, String key, String value, boolean positive) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(",", -1);
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                out[i] = Double.NaN;
            }
            if (!Double.isFinite(out[i]) || (positive && out[i] <= 0) || parts.length == 2 || parts.length > 3) {
                throw new ExtractorException(where + ": expected " + key + "=V or V,V,V (finite"
                        + (positive ? ", positive" : "") + "), found " + key + "=" + value);
            }
        }
        return out;
    }
}
