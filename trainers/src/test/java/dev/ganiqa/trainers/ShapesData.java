package dev.ganiqa.trainers;

import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Real (if simple) image data for tests until {@code synthetic:shapes} lands: white filled squares, square frames,
 * horizontal and vertical bars of random size near the centre on black, one class each.
 */
final class ShapesData implements ImageDataset {
    private final ImageShape shape;
    private final byte[][] images;
    private final int[] labels;

    ShapesData(int size, int channels, int n, long seed) {
        shape = new ImageShape(size, size, channels);
        images = new byte[n][];
        labels = new int[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            images[i] = draw(labels[i], random);
        }
    }

    private byte[] draw(int kind, SplittableRandom random) {
        int s = shape.height();
        byte[] out = new byte[shape.values()];
        int r = s / 4 + random.nextInt(2);
        // Centred within +-1 pixel: classes stay separable by a nearest-centroid classifier (ImageStats).
        int cx = s / 2 - 1 + random.nextInt(3);
        int cy = s / 2 - 1 + random.nextInt(3);
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                int dx = x - cx;
                int dy = y - cy;
                boolean on = switch (kind) {
                    case 0 -> Math.abs(dx) <= r && Math.abs(dy) <= r;
                    case 1 -> Math.abs(dx) <= r && Math.abs(dy) <= r && (Math.abs(dx) >= r - 1 || Math.abs(dy) >= r - 1);
                    case 2 -> Math.abs(dy) <= 1 && Math.abs(dx) <= r + 1;
                    default -> Math.abs(dx) <= 1 && Math.abs(dy) <= r + 1;
                };
                if (on) {
                    for (int c = 0; c < shape.channels(); c++) {
                        out[(y * s + x) * shape.channels() + c] = (byte) 255;
                    }
                }
            }
        }
        return out;
    }

    @Override
    public String description() {
        return "test shapes " + shape;
    }

    @Override
    public int size() {
        return images.length;
    }

    @Override
    public ImageShape shape() {
        return shape;
    }

    @Override
    public List<String> classNames() {
        return List.of("square", "frame", "hbar", "vbar");
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public byte[] image(int index) {
        return images[index].clone();
    }
}
