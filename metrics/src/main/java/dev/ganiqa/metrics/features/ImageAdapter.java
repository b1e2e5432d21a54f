package dev.ganiqa.metrics.features;

import dev.ganiqa.datasets.DecodedImage;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.datasets.Preprocessing;
import dev.ganiqa.datasets.Resize;

/**
 * Adapts HWC uint8 images of one shape to the shape an extractor expects, by the datasets module's one
 * preprocessing policy ({@link Preprocessing}: BT.601 luma for RGB to gray before resizing; a single scale
 * so the image covers the target, area filter when shrinking and bilinear with half-pixel centres when
 * enlarging, or the bicubic filter the extractor asks for, then a centre crop; gray tiled to RGB last) or by
 * the reference resize mode the extractor was opened with ({@link Resize}: clean-fid's clean, legacy-tf,
 * legacy-pytorch, in float), and says how in one line. Extractors that resize themselves (Inception with its
 * own legacy-tf resize) only get their channels adapted.
 */
public final class ImageAdapter {
    private final ImageShape source;
    private final ImageShape target;
    private final Preprocessing policy;

    private ImageAdapter(ImageShape source, ImageShape target, Resize filter) {
        this.source = source;
        this.target = target;
        this.policy = new Preprocessing(target, filter);
    }

    /** The adapter from {@code source} to what {@code info} accepts (identity when it already does). */
    public static ImageAdapter forExtractor(ExtractorInfo info, ImageShape source) {
        ImageShape target = info.anySize()
                ? new ImageShape(source.height(), source.width(), info.input().channels())
                : info.input();
        return new ImageAdapter(source, target, info.resize());
    }

    public static ImageAdapter of(ImageShape source, ImageShape target) {
        return new ImageAdapter(source, target, Resize.AREA);
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

    /** E.g. {@code adapted 32x32x3 -> 28x28x1: area resize, BT.601 luma}; {@code fed as is} for identity. */
    public String description() {
        if (isIdentity()) {
            return "fed as is (" + source + ")";
        }
        StringBuilder how = new StringBuilder();
        if (source.height() != target.height() || source.width() != target.width()) {
            double sy = (double) target.height() / source.height();
            double sx = (double) target.width() / source.width();
            Resize mode = policy.filter();
            how.append(!mode.isPolicy() ? mode.label() + " resize (float, clean-fid's definition)"
                    : mode == Resize.BICUBIC ? "bicubic resize"
                    : Math.max(sy, sx) <= 1 ? "area resize" : "bilinear resize");
            if (sy != sx) {
                how.append(mode.isPolicy() ? " keeping the aspect ratio, centre crop" : " to the target's aspect ratio");
            }
        }
        if (source.channels() != target.channels()) {
            if (how.length() > 0) {
                how.append(", ");
            }
            how.append(target.channels() == 1 ? "BT.601 luma" : "gray tiled to 3 channels");
        }
        return "adapted " + source + " -> " + target + ": " + how;
    }

    /**
     * Adapts one decoded image of the source size (alpha composited on black by the policy) to the target: HWC
     * values 0..255 as the extractor is fed them (whole numbers unless a reference resize mode is used).
     */
    public float[] apply(DecodedImage image) {
        return policy.applyFloat(image);
    }

    /** Adapts one image from {@code src[srcOff..]} into {@code dst[dstOff..]}. */
    public void apply(byte[] src, int srcOff, float[] dst, int dstOff) {
        if (isIdentity()) {
            for (int i = 0; i < source.values(); i++) {
                dst[dstOff + i] = src[srcOff + i] & 0xFF;
            }
            return;
        }
        byte[] samples = srcOff == 0 && src.length == source.values() ? src
                : java.util.Arrays.copyOfRange(src, srcOff, srcOff + source.values());
        float[] out = policy.applyFloat(new DecodedImage(source.width(), source.height(), source.channels(), samples));
        System.arraycopy(out, 0, dst, dstOff, target.values());
    }
}
