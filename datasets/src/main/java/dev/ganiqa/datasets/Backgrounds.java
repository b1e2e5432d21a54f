package dev.ganiqa.datasets;

import java.util.Arrays;
import java.util.List;

/**
 * The data's own background, for code that composes synthetic images "on the background" (rejection images,
 * out-of-distribution families): dark on Fashion-MNIST, white on emoji. Compositions are written for a dark
 * background and, on light-background data, made on inverted images and inverted back.
 */
public final class Backgrounds {
    /** Images looked at to decide (the first ones; enough for a median). */
    static final int SAMPLE = 1000;

    private Backgrounds() {
    }

    /** Whether the median over the first images of their four corner pixels' mean value is above mid-gray. */
    public static boolean light(ImageDataset data) {
        ImageShape s = data.shape();
        int n = Math.min(data.size(), SAMPLE);
        if (n == 0) {
            return false;
        }
        int c = s.channels();
        int[] pixels = {0, s.width() - 1, (s.height() - 1) * s.width(), s.height() * s.width() - 1};
        double[] corners = new double[n];
        for (int i = 0; i < n; i++) {
            byte[] image = data.image(i);
            double sum = 0;
            for (int p : pixels) {
                for (int ch = 0; ch < c; ch++) {
                    sum += image[p * c + ch] & 0xFF;
                }
            }
            corners[i] = sum / (4.0 * c);
        }
        Arrays.sort(corners);
        return corners[n / 2] > 127.5;
    }

    /** {@code 255 - v} of one image, in place. */
    public static void invert(byte[] image) {
        for (int p = 0; p < image.length; p++) {
            image[p] = (byte) (255 - (image[p] & 0xFF));
        }
    }

    /** Every image of {@code d} inverted, labels kept. */
    public static ArrayDataset inverted(ImageDataset d) {
        int values = d.shape().values();
        byte[] all = new byte[d.size() * values];
        int[] labels = d.hasLabels() ? new int[d.size()] : null;
        for (int i = 0; i < d.size(); i++) {
            byte[] image = d.image(i).clone();
            invert(image);
            System.arraycopy(image, 0, all, i * values, values);
            if (labels != null) {
                labels[i] = d.label(i);
            }
        }
        return new ArrayDataset(d.description(), d.shape(), all, labels, d.hasLabels() ? d.classNames() : List.of(),
                null, List.of());
    }
}
