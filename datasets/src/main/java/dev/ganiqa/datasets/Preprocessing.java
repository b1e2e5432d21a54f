package dev.ganiqa.datasets;

/**
 * The one policy that brings any decoded image to a target shape, in this order:
 * <ol>
 *   <li>16-bit (and other depths) were already reduced to 8-bit by the decoder: round(v * 255 / max).</li>
 *   <li>Alpha is composited on black: c' = round(c * a / 255).</li>
 *   <li>RGB to gray, when the target has one channel, with ITU-R BT.601 luma
 *       Y = round(0.299 R + 0.587 G + 0.114 B) (the formula of PIL's {@code convert("L")} and OpenCV's RGB2GRAY).</li>
 *   <li>Resize so the image covers the target (one scale for both axes, so the aspect ratio is kept): area
 *       filter when shrinking, bilinear when enlarging ({@link Resampler}), or Pillow's bicubic both ways when
 *       {@code filter} is {@link Resize#BICUBIC}; then a centre crop of the overflow. The reference modes of
 *       {@link Resize} instead resize straight to the target size, in float, as clean-fid does.</li>
 *   <li>Gray to RGB, when the target has three channels, by copying the gray value to R, G and B.</li>
 * </ol>
 * {@link #apply} gives 8-bit samples (the reference modes rounded); {@link #applyFloat} gives what an extractor is
 * fed: the policy's 8-bit values, or the reference modes' unrounded values clipped to 0..255.
 */
public record Preprocessing(ImageShape target, Resize filter) {

    private static final double LUMA_R = 0.299;
    private static final double LUMA_G = 0.587;
    private static final double LUMA_B = 0.114;

    public Preprocessing {
        java.util.Objects.requireNonNull(target, "target");
        java.util.Objects.requireNonNull(filter, "filter");
    }

    /** The default policy (area / bilinear) to {@code target}. */
    public Preprocessing(ImageShape target) {
        this(target, Resize.AREA);
    }

    /** Every image of {@code dataset} in the target shape, with the same labels, class names and names. */
    public ArrayDataset applyTo(ImageDataset dataset) {
        return applyTo(dataset, 1);
    }

    /** {@link #applyTo(ImageDataset)} on {@code threads} threads; the result does not depend on the count. */
    public ArrayDataset applyTo(ImageDataset dataset, int threads) {
        ImageShape from = dataset.shape();
        int n = dataset.size();
        if ((long) n * target.values() > Integer.MAX_VALUE - 8) {
            throw new DatasetException(dataset.description() + ": expected at most 2 GiB of pixels, found " + n
                    + " images of " + target);
        }
        byte[] pixels = new byte[n * target.values()];
        int[] labels = dataset.hasLabels() ? new int[n] : null;
        java.util.List<String> names = new java.util.ArrayList<>(n);
        ImageFolderReader.parallel(n, threads, i -> {
            byte[] image = from.equals(target) ? dataset.image(i)
                    : apply(new DecodedImage(from.width(), from.height(), from.channels(), dataset.image(i)));
            System.arraycopy(image, 0, pixels, i * target.values(), target.values());
        });
        for (int i = 0; i < n; i++) {
            if (labels != null) {
                labels[i] = dataset.label(i);
            }
            names.add(dataset.name(i));
        }
        return new ArrayDataset(dataset.description() + " as " + target, target, pixels, labels, dataset.classNames(),
                names, dataset.skipped());
    }

    /** HWC uint8 pixels of {@code image} in the target shape. */
    public byte[] apply(DecodedImage image) {
        if (image.width() == target.width() && image.height() == target.height() && !image.hasAlpha()
                && image.channels() == target.channels()) {
            return image.samples().clone();
        }
        if (!filter.isPolicy()) {
            float[] values = applyFloat(image);
            byte[] out = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = clamp(values[i]);
            }
            return out;
        }
        int w = image.width();
        int h = image.height();
        int colour = image.isGray() ? 1 : 3;
        int working = target.channels() == 1 ? 1 : colour;
        float[] plane = flatten(image, working);
        double scale = Math.max((double) target.height() / h, (double) target.width() / w);
        int rh = Math.max(target.height(), (int) Math.round(h * scale));
        int rw = Math.max(target.width(), (int) Math.round(w * scale));
        float[] resized = Resampler.resize(plane, h, w, working, rh, rw, filter);
        int top = (rh - target.height()) / 2;
        int left = (rw - target.width()) / 2;
        byte[] out = new byte[target.values()];
        int c = target.channels();
        for (int y = 0; y < target.height(); y++) {
            for (int x = 0; x < target.width(); x++) {
                int from = ((top + y) * rw + left + x) * working;
                int to = (y * target.width() + x) * c;
                for (int k = 0; k < c; k++) {
                    out[to + k] = clamp(resized[from + (working == 1 ? 0 : k)]);
                }
            }
        }
        return out;
    }

    /**
     * HWC values 0..255 of {@code image} in the target shape, as an extractor is fed them: for ganiqa's policy the
     * 8-bit values of {@link #apply}; for a reference mode of {@link Resize} the image (alpha composited, luma for
     * one channel) resized straight to the target without rounding, clipped to 0..255 (clean-fid's {@code clip}).
     */
    public float[] applyFloat(DecodedImage image) {
        if (filter.isPolicy()) {
            byte[] bytes = apply(image);
            float[] out = new float[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                out[i] = bytes[i] & 0xFF;
            }
            return out;
        }
        int colour = image.isGray() ? 1 : 3;
        int working = target.channels() == 1 ? 1 : colour;
        float[] resized = Resampler.resize(flatten(image, working), image.height(), image.width(), working,
                target.height(), target.width(), filter);
        int c = target.channels();
        int pixels = target.height() * target.width();
        float[] out = new float[pixels * c];
        for (int p = 0; p < pixels; p++) {
            for (int k = 0; k < c; k++) {
                float v = resized[p * working + (working == 1 ? 0 : k)];
                out[p * c + k] = Math.max(0f, Math.min(255f, v));
            }
        }
        return out;
    }

    /** Samples with alpha composited on black and, for {@code channels == 1}, colour reduced to luma. */
    private static float[] flatten(DecodedImage image, int channels) {
        byte[] s = image.samples();
        int n = image.width() * image.height();
        int in = image.channels();
        int colour = image.isGray() ? 1 : 3;
        float[] out = new float[n * channels];
        int[] px = new int[3];
        for (int p = 0; p < n; p++) {
            int base = p * in;
            int alpha = image.hasAlpha() ? s[base + in - 1] & 0xFF : 255;
            for (int k = 0; k < colour; k++) {
                int v = s[base + k] & 0xFF;
                px[k] = alpha == 255 ? v : (v * alpha + 127) / 255;
            }
            if (channels == 1) {
                out[p] = colour == 1 ? px[0] : luma(px[0], px[1], px[2]);
            } else {
                for (int k = 0; k < 3; k++) {
                    out[p * 3 + k] = px[colour == 1 ? 0 : k];
                }
            }
        }
        return out;
    }

    /** BT.601 luma rounded to the nearest integer. */
    public static int luma(int r, int g, int b) {
        return (int) Math.round(LUMA_R * r + LUMA_G * g + LUMA_B * b);
    }

    private static byte clamp(float v) {
        int rounded = Math.round(v);
        return (byte) Math.max(0, Math.min(255, rounded));
    }
}
