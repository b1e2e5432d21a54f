package dev.ganiqa.metrics.image;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import java.util.Optional;

/**
 * Noise where the real images are flat: the background. Fitted on a real set of one shape, the background is every
 * pixel value (position and channel) that stays within {@link #TOLERANCE} gray levels of its
 * median in at least {@link #SHARE} of the real images (on Fashion-MNIST: the black surround, 0 in 95% of the test
 * images). The measure of one image is Immerkaer's fast noise estimate (Immerkaer 1996, "Fast Noise Variance
 * Estimation", eq. 2: sigma = sqrt(pi/2) / (6 N) * sum |I * M| with M the 3x3 mask [1 -2 1; -2 4 -2; 1 -2 1])
 * restricted to those N background positions, in gray levels, the mask reaching across the border by reflection
 * (OpenCV's BORDER_REFLECT_101). The mask cancels smooth structure, so a blurred edge
 * bleeding into the background scores little and speckle scores high: a generator that draws noise where real
 * images are clean scores high, one that draws clean backgrounds scores like the real images, whatever its garments
 * look like. For photographs, where no such background exists ({@link #fit} returns empty below {@link #MIN_AREA}
 * of the image), the noise measure is Immerkaer's sigma over the whole image instead.
 *
 * <p>{@link #chroma}: the same estimate on the two chroma planes of colour images (JPEG's full-range BT.601 Cb and
 * Cr, {@link Planes.Chroma}), averaged, over the background pixels (those whose three values are all background):
 * colour noise where the real images are flat, the study's "RGB noise", which a luma measure cannot see.
 */
public final class BackgroundNoise {
    public static final double SHARE = 0.95;
    public static final int TOLERANCE = 2;
    public static final double MIN_AREA = 0.05;

    private final ImageShape shape;
    private final int[] positions;
    /** Pixel indices (y * w + x) whose every channel is background: where chroma is measured. */
    private final int[] pixels;

    private BackgroundNoise(ImageShape shape, int[] positions) {
        this.shape = shape;
        this.positions = positions;
        int c = shape.channels();
        int[] perPixel = new int[shape.height() * shape.width()];
        for (int p : positions) {
            perPixel[p / c]++;
        }
        this.pixels = java.util.stream.IntStream.range(0, perPixel.length).filter(i -> perPixel[i] == c).toArray();
    }

    /** The background of {@code real}, or empty when it covers less than {@link #MIN_AREA} of the image. */
    public static Optional<BackgroundNoise> fit(ImageDataset real) {
        int values = real.shape().values();
        int n = real.size();
        if (n == 0) {
            throw new IllegalArgumentException(real.description() + ": expected real images to fit a background, "
                    + "found none");
        }
        // A histogram of 256 levels per value position: the medians and the shares near them in two passes.
        int[] histogram = new int[values * 256];
        for (int i = 0; i < n; i++) {
            byte[] image = real.image(i);
            for (int p = 0; p < values; p++) {
                histogram[p * 256 + (image[p] & 0xFF)]++;
            }
        }
        int[] median = new int[values];
        int[] keep = new int[values];
        int count = 0;
        for (int p = 0; p < values; p++) {
            int seen = 0;
            int m = 0;
            while (seen + histogram[p * 256 + m] < (n + 1) / 2) {
                seen += histogram[p * 256 + m];
                m++;
            }
            median[p] = m;
            int near = 0;
            for (int v = Math.max(0, m - TOLERANCE); v <= Math.min(255, m + TOLERANCE); v++) {
                near += histogram[p * 256 + v];
            }
            if (near >= SHARE * n) {
                keep[count++] = p;
            }
        }
        if (count < MIN_AREA * values) {
            return Optional.empty();
        }
        return Optional.of(new BackgroundNoise(real.shape(), java.util.Arrays.copyOf(keep, count)));
    }

    public ImageShape shape() {
        return shape;
    }

    /** The share of the image's values that are background. */
    public double area() {
        return (double) positions.length / shape.values();
    }

    /** Immerkaer's sigma of {@code image} over the background positions, in gray levels. */
    public double measure(byte[] image) {
        if (image.length != shape.values()) {
            throw new IllegalArgumentException("expected an image of " + shape + " (" + shape.values() + " values), "
                    + "found " + image.length + " values");
        }
        int c = shape.channels();
        int h = shape.height();
        int w = shape.width();
        double sum = 0;
        for (int p : positions) {
            int ch = p % c;
            int y = p / c / w;
            int x = p / c % w;
            // M = [1 -2 1; -2 4 -2; 1 -2 1] around (y, x) in channel ch.
            int r = 4 * v(image, y, x, ch, h, w, c)
                    - 2 * (v(image, y, x - 1, ch, h, w, c) + v(image, y, x + 1, ch, h, w, c)
                    + v(image, y - 1, x, ch, h, w, c) + v(image, y + 1, x, ch, h, w, c))
                    + v(image, y - 1, x - 1, ch, h, w, c) + v(image, y - 1, x + 1, ch, h, w, c)
                    + v(image, y + 1, x - 1, ch, h, w, c) + v(image, y + 1, x + 1, ch, h, w, c);
            sum += Math.abs(r);
        }
        return Math.sqrt(Math.PI / 2) * sum / (6.0 * positions.length);
    }

    /** Whether {@link #chroma} applies: three or four channels and at least one background pixel. */
    public boolean hasChroma() {
        return shape.channels() >= 3 && pixels.length > 0;
    }

    /** The share of the image's pixels whose every channel is background. */
    public double pixelArea() {
        return (double) pixels.length / (shape.height() * shape.width());
    }

    /**
     * Immerkaer's sigma of the Cb and Cr planes of {@code image} over the background pixels, averaged, in chroma
     * levels (0..255 scale); NaN where {@link #hasChroma} is false.
     */
    public double chroma(byte[] image) {
        if (image.length != shape.values()) {
            throw new IllegalArgumentException("expected an image of " + shape + " (" + shape.values() + " values), "
                    + "found " + image.length + " values");
        }
        if (!hasChroma()) {
            return Double.NaN;
        }
        int h = shape.height();
        int w = shape.width();
        int c = shape.channels();
        double[] sums = new double[2];
        Planes.Chroma[] planes = {Planes.Chroma.CB, Planes.Chroma.CR};
        double[] plane = new double[h * w];
        double[] row = new double[w];
        for (int q = 0; q < 2; q++) {
            // The plane once per image (each value is read by nine stencils), in Planes.Chroma's order of terms.
            for (int y = 0; y < h; y++) {
                planes[q].row(image, y, w, c, row);
                System.arraycopy(row, 0, plane, y * w, w);
            }
            double sum = 0;
            for (int pixel : pixels) {
                int y = pixel / w;
                int x = pixel % w;
                double r = 4 * at(plane, y, x, h, w)
                        - 2 * (at(plane, y, x - 1, h, w) + at(plane, y, x + 1, h, w)
                        + at(plane, y - 1, x, h, w) + at(plane, y + 1, x, h, w))
                        + at(plane, y - 1, x - 1, h, w) + at(plane, y - 1, x + 1, h, w)
                        + at(plane, y + 1, x - 1, h, w) + at(plane, y + 1, x + 1, h, w);
                sum += Math.abs(r);
            }
            sums[q] = Math.sqrt(Math.PI / 2) * sum / (6.0 * pixels.length);
        }
        return (sums[0] + sums[1]) / 2.0;
    }

    /** The plane's value at (y, x), reflected at the border without repeating the edge (BORDER_REFLECT_101). */
    private static double at(double[] plane, int y, int x, int h, int w) {
        int yy = y < 0 ? -y : y >= h ? 2 * h - 2 - y : y;
        int xx = x < 0 ? -x : x >= w ? 2 * w - 2 - x : x;
        return plane[yy * w + xx];
    }

    /** {@link #chroma} of every image of {@code set}. */
    public double[] chroma(ImageDataset set) {
        double[] out = new double[set.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = chroma(set.image(i));
        }
        return out;
    }

    /** The value at (y, x, ch), reflected at the border without repeating the edge (BORDER_REFLECT_101). */
    private static int v(byte[] image, int y, int x, int ch, int h, int w, int c) {
        int yy = y < 0 ? -y : y >= h ? 2 * h - 2 - y : y;
        int xx = x < 0 ? -x : x >= w ? 2 * w - 2 - x : x;
        return image[(yy * w + xx) * c + ch] & 0xFF;
    }

    /** The measure of every image of {@code set}. */
    public double[] measure(ImageDataset set) {
        double[] out = new double[set.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = measure(set.image(i));
        }
        return out;
    }
}
