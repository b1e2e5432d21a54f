package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Preprocessing;

/**
 * The resolved feeding of an ONNX model: every choice of {@link OnnxSpec} made (from the spec, the model's input
 * shape, the preset, the defaults) and written in one canonical line that is part of the extractor's identity.
 * Pixels arrive as HWC uint8 already resized and channel-adapted by {@link ImageAdapter}; here each value v
 * becomes {@code (v * scale - mean[c]) / std[c]} (a 256-entry table per channel) in the model's layout.
 */
record OnnxInput(String name, OnnxSpec.Size size, int channels, OnnxSpec.Layout layout, OnnxSpec.Range range,
        double[] mean, double[] std, Preprocessing.Filter resize) {

    /** E.g. {@code size=224x224&channels=3&layout=nchw&range=0-1&mean=..&std=..&resize=bicubic}. */
    String canonical() {
        StringBuilder s = new StringBuilder("size=").append(size).append("&channels=").append(channels)
                .append("&layout=").append(layout.label()).append("&range=")
                .append(range == OnnxSpec.Range.IMAGENET ? OnnxSpec.Range.UNIT.label : range.label);
        if (mean != null) {
            s.append("&mean=").append(join(mean)).append("&std=").append(join(std));
        }
        return s.append("&resize=").append(resize.name().toLowerCase(java.util.Locale.ROOT)).toString();
    }

    private static String join(double[] values) {
        return String.join(",", java.util.Arrays.stream(values).mapToObj(Double::toString).toList());
    }

    /** The model input's shape for {@code count} images of {@code shape}. */
    long[] dims(int count, ImageShape shape) {
        return layout == OnnxSpec.Layout.NCHW
                ? new long[] {count, channels, shape.height(), shape.width()}
                : new long[] {count, shape.height(), shape.width(), channels};
    }

    /** Per channel, what each byte value becomes. */
    float[][] table() {
        float[][] t = new float[channels][256];
        for (int c = 0; c < channels; c++) {
            double m = mean == null ? 0 : mean[mean.length == 1 ? 0 : c];
            double sd = std == null ? 1 : std[std.length == 1 ? 0 : c];
            for (int v = 0; v < 256; v++) {
                t[c][v] = (float) ((v * range.scale - m) / sd);
            }
        }
        return t;
    }

    /**
     * {@code count} HWC uint8 images of {@code shape} from {@code images[inOff..]} into the start of {@code out} in
     * the model's layout; the rest of {@code out} (padding up to a static batch) is left as it is.
     */
    static void convert(float[][] table, OnnxSpec.Layout layout, byte[] images, int inOff, int count, ImageShape shape,
            float[] out) {
        int c = shape.channels();
        int plane = shape.height() * shape.width();
        if (layout == OnnxSpec.Layout.NHWC) {
            int n = count * plane * c;
            for (int i = 0; i < n; i++) {
                out[i] = table[i % c][images[inOff + i] & 0xFF];
            }
            return;
        }
        for (int img = 0; img < count; img++) {
            int base = img * plane * c;
            for (int k = 0; k < c; k++) {
                float[] tk = table[k];
                int to = base + k * plane;
                int from = inOff + base + k;
                for (int p = 0; p < plane; p++) {
                    out[to + p] = tk[images[from + p * c] & 0xFF];
                }
            }
        }
    }
}
