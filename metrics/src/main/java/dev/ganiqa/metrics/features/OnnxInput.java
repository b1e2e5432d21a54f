package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Resize;

/**
 * The resolved feeding of an ONNX model: every choice of {@link OnnxSpec} made (from the spec, the model's input
 * shape, the preset, the defaults) and written in one canonical line that is part of the extractor's identity.
 * Pixels arrive as HWC values 0..255 already resized and channel-adapted by {@link ImageAdapter}; here each value v
 * becomes {@code (v * scale - mean[c]) / std[c]} in the model's layout.
 */
record OnnxInput(String name, OnnxSpec.Size size, int channels, OnnxSpec.Layout layout, OnnxSpec.Range range,
        double[] mean, double[] std, Resize resize) {

    /** E.g. {@code size=224x224&channels=3&layout=nchw&range=0-1&mean=..&std=..&resize=bicubic}. */
    String canonical() {
        StringBuilder s = new StringBuilder("size=").append(size).append("&channels=").append(channels)
                .append("&layout=").append(layout.label()).append("&range=")
                .append(range == OnnxSpec.Range.IMAGENET ? OnnxSpec.Range.UNIT.label : range.label);
        if (mean != null) {
            s.append("&mean=").append(join(mean)).append("&std=").append(join(std));
        }
        return s.append("&resize=").append(resize.label()).toString();
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

    /**
     * {@code count} HWC images of {@code shape} (values 0..255) from {@code images[inOff..]} into the start of
     * {@code out} in the model's layout, each value v as {@code (v * scale - mean[c]) / std[c]} in double, then float;
     * the rest of {@code out} (padding up to a static batch) is left as it is.
     */
    void convert(float[] images, int inOff, int count, ImageShape shape, float[] out) {
        int c = shape.channels();
        double[] m = new double[c];
        double[] sd = new double[c];
        for (int k = 0; k < c; k++) {
            m[k] = mean == null ? 0 : mean[mean.length == 1 ? 0 : k];
            sd[k] = std == null ? 1 : std[std.length == 1 ? 0 : k];
        }
        double scale = range.scale;
        int plane = shape.height() * shape.width();
        if (layout == OnnxSpec.Layout.NHWC) {
            int n = count * plane * c;
            for (int i = 0; i < n; i++) {
                int k = i % c;
                out[i] = (float) ((images[inOff + i] * scale - m[k]) / sd[k]);
            }
            return;
        }
        for (int img = 0; img < count; img++) {
            int base = img * plane * c;
            for (int k = 0; k < c; k++) {
                int to = base + k * plane;
                int from = inOff + base + k;
                for (int p = 0; p < plane; p++) {
                    out[to + p] = (float) ((images[from + p * c] * scale - m[k]) / sd[k]);
                }
            }
        }
    }
}
