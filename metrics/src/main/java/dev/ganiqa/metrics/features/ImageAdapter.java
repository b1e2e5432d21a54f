package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.ImageShape;

/**
 * Adapts HWC uint8 images of one shape to the shape an extractor expects, and says how.
 *
 * <p>Policy (documented in the README): channels 3 -> 1 by BT.601 luma, round(0.299 R + 0.587 G + 0.114 B),
 * before resizing; 1 -> 3 by tiling the gray plane, as pytorch-fid and Lucic et al. (2018) do for
 * grayscale images, after resizing. Size: area averaging when shrinking (each output pixel is the
 * overlap-weighted mean of the source pixels it covers, the definition of OpenCV's INTER_AREA) and
 * bilinear interpolation with half-pixel centres when enlarging (OpenCV INTER_LINEAR), separably per
 * axis, rounded to the nearest integer at the end. Extractors that resize themselves (Inception) only
 * get their channels adapted.
 *
 * <p>TODO(lead): switch to the datasets module's preprocessing policy once it is in main, so that
 * metrics and training adapt images the same way; this class is the one place to change.
 */
public final class ImageAdapter {
    private final ImageShape source;
    private final ImageShape target;
    private final AxisWeights rows;
    private final AxisWeights cols;

    private ImageAdapter(ImageShape source, ImageShape target) {
        this.source = source;
        this.target = target;
        this.rows = AxisWeights.of(source.height(), target.height());
        this.cols = AxisWeights.of(source.width(), target.width());
    }

    /** The adapter from {@code source} to what {@code info} accepts (identity when it already does). */
    public static ImageAdapter forExtractor(ExtractorInfo info, ImageShape source) {
        ImageShape target = info.anySize()
                ? new ImageShape(source.height(), source.width(), info.input().channels())
                : info.input();
        return new ImageAdapter(source, target);
    }

    public static ImageAdapter of(ImageShape source, ImageShape target) {
        return new ImageAdapter(source, target);
    }

    public ImageShape source() {
        return source;
    }

    public ImageShape target() {
        return target;
    }

    public boolean isIdentity() {
        return source.equals(target);
    }

    /** E.g. {@code adapted 32x32x3 -> 28x28x1: area resize, BT.601 luma}; {@code as is} for identity. */
    public String description() {
        if (isIdentity()) {
            return "fed as is (" + source + ")";
        }
        StringBuilder how = new StringBuilder();
        if (source.height() != target.height() || source.width() != target.width()) {
            boolean shrink = target.height() <= source.height() && target.width() <= source.width();
            how.append(shrink ? "area resize" : "bilinear resize");
        }
        if (source.channels() != target.channels()) {
            if (how.length() > 0) {
                how.append(", ");
            }
            how.append(target.channels() == 1 ? "BT.601 luma" : "gray tiled to 3 channels");
        }
        return "adapted " + source + " -> " + target + ": " + how;
    }

    /** Adapts one image from {@code src[srcOff..]} into {@code dst[dstOff..]}. */
    public void apply(byte[] src, int srcOff, byte[] dst, int dstOff) {
        if (isIdentity()) {
            System.arraycopy(src, srcOff, dst, dstOff, source.values());
            return;
        }
        int c = source.channels();
        float[] plane = new float[source.pixels() * c];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = src[srcOff + i] & 0xFF;
        }
        if (c == 3 && target.channels() == 1) {
            float[] gray = new float[source.pixels()];
            for (int p = 0; p < gray.length; p++) {
                gray[p] = Math.round(0.299f * plane[3 * p] + 0.587f * plane[3 * p + 1] + 0.114f * plane[3 * p + 2]);
            }
            plane = gray;
            c = 1;
        }
        float[] resized = resize(plane, c);
        int pixels = target.pixels();
        for (int p = 0; p < pixels; p++) {
            for (int k = 0; k < target.channels(); k++) {
                float v = resized[p * c + (c == 1 ? 0 : k)];
                dst[dstOff + p * target.channels() + k] = (byte) Math.min(255, Math.max(0, Math.round(v)));
            }
        }
    }

    private float[] resize(float[] in, int c) {
        int sh = source.height();
        int sw = source.width();
        int th = target.height();
        int tw = target.width();
        if (sh == th && sw == tw) {
            return in;
        }
        float[] horizontal = new float[sh * tw * c];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < tw; x++) {
                for (int k = 0; k < c; k++) {
                    double sum = 0;
                    for (int t = cols.start[x]; t < cols.start[x + 1]; t++) {
                        sum += cols.weight[t] * in[(y * sw + cols.index[t]) * c + k];
                    }
                    horizontal[(y * tw + x) * c + k] = (float) sum;
                }
            }
        }
        float[] out = new float[th * tw * c];
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                for (int k = 0; k < c; k++) {
                    double sum = 0;
                    for (int t = rows.start[y]; t < rows.start[y + 1]; t++) {
                        sum += rows.weight[t] * horizontal[(rows.index[t] * tw + x) * c + k];
                    }
                    out[(y * tw + x) * c + k] = (float) sum;
                }
            }
        }
        return out;
    }

    /** Per output index, the source indices {@code index[start[o]..start[o+1])} and their weights. */
    record AxisWeights(int[] start, int[] index, double[] weight) {
        static AxisWeights of(int from, int to) {
            return to <= from ? area(from, to) : bilinear(from, to);
        }

        /** Output pixel o covers source interval [o s, (o+1) s) with s = from/to; weights are overlaps / s. */
        private static AxisWeights area(int from, int to) {
            double scale = (double) from / to;
            int[] start = new int[to + 1];
            java.util.List<int[]> idx = new java.util.ArrayList<>();
            java.util.List<Double> w = new java.util.ArrayList<>();
            for (int o = 0; o < to; o++) {
                start[o] = idx.size();
                double lo = o * scale;
                double hi = (o + 1) * scale;
                for (int s = (int) Math.floor(lo); s < Math.min(from, (int) Math.ceil(hi)); s++) {
                    double overlap = Math.min(hi, s + 1) - Math.max(lo, s);
                    if (overlap > 1e-12) {
                        idx.add(new int[] {s});
                        w.add(overlap / scale);
                    }
                }
            }
            start[to] = idx.size();
            return new AxisWeights(start, idx.stream().mapToInt(a -> a[0]).toArray(),
                    w.stream().mapToDouble(Double::doubleValue).toArray());
        }

        /** Half-pixel centres: source coordinate (o + 0.5) from / to - 0.5, clamped to the border. */
        private static AxisWeights bilinear(int from, int to) {
            int[] start = new int[to + 1];
            int[] index = new int[2 * to];
            double[] weight = new double[2 * to];
            double scale = (double) from / to;
            for (int o = 0; o < to; o++) {
                double x = Math.max(0, (o + 0.5) * scale - 0.5);
                int x0 = Math.min((int) Math.floor(x), from - 1);
                int x1 = Math.min(x0 + 1, from - 1);
                double f = x - x0;
                start[o] = 2 * o;
                index[2 * o] = x0;
                weight[2 * o] = 1 - f;
                index[2 * o + 1] = x1;
                weight[2 * o + 1] = f;
            }
            start[to] = 2 * to;
            return new AxisWeights(start, index, weight);
        }
    }
}
