package dev.ganiqa.datasets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code synthetic:shapes?size=32&channels=3&n=5000&seed=1}: labelled shapes drawn procedurally (circle,
 * square, triangle, cross, diamond, ring) in one of eight colours, at a random position and size on a dark
 * background, with 2x2 supersampled edges. Classes are balanced (image i has label i mod 6) and every pixel
 * follows from the seed, so tests and demos get a cheap, visually learnable dataset.
 */
public final class SyntheticShapes {
    public static final List<String> CLASS_NAMES = List.of("circle", "square", "triangle", "cross", "diamond", "ring");
    private static final int[][] COLOURS = {
        {230, 40, 40}, {40, 200, 60}, {50, 90, 240}, {240, 220, 40},
        {220, 60, 220}, {40, 220, 230}, {250, 140, 30}, {245, 245, 245}};
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>(Map.of(
            "size", "32", "channels", "3", "n", "5000", "seed", "1"));

    /** The parameters of a synthetic dataset, validated. */
    public record Config(int size, int channels, int count, long seed) {
        public Config {
            if (size < 8 || size > 1024) {
                throw new DatasetException("synthetic:shapes: expected size 8..1024, found " + size);
            }
            if (channels != 1 && channels != 3) {
                throw new DatasetException("synthetic:shapes: expected channels 1 or 3, found " + channels);
            }
            if (count < 1 || (long) count * size * size * channels > Integer.MAX_VALUE - 8) {
                throw new DatasetException("synthetic:shapes: expected n from 1 to fit in 2 GiB, found " + count);
            }
        }

        public String spec() {
            return "synthetic:shapes?size=" + size + "&channels=" + channels + "&n=" + count + "&seed=" + seed;
        }
    }

    private SyntheticShapes() {
    }

    static DatasetSource create(String argument, DatasetOptions options) {
        Config config = parse(argument);
        return new SplitSource(config.spec(), Map.of(Split.TRAIN, () -> generate(config)));
    }

    static Config parse(String argument) {
        int q = argument.indexOf('?');
        String kind = q < 0 ? argument : argument.substring(0, q);
        if (!kind.equals("shapes")) {
            throw new DatasetException("synthetic:" + argument + ": expected synthetic:shapes[?size=..&channels=..&n=..&seed=..], found kind '" + kind + "'");
        }
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        if (q >= 0 && q < argument.length() - 1) {
            for (String pair : argument.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (eq < 0 || !DEFAULTS.containsKey(key)) {
                    throw new DatasetException("synthetic:" + argument + ": expected key=value with a key of " + DEFAULTS.keySet() + ", found '" + pair + "'");
                }
                values.put(key, pair.substring(eq + 1));
            }
        }
        try {
            return new Config(Integer.parseInt(values.get("size")), Integer.parseInt(values.get("channels")),
                    Integer.parseInt(values.get("n")), Long.parseLong(values.get("seed")));
        } catch (NumberFormatException e) {
            throw new DatasetException("synthetic:" + argument + ": expected integer values, found " + e.getMessage());
        }
    }

    public static ArrayDataset generate(Config config) {
        int s = config.size();
        int c = config.channels();
        int per = s * s * c;
        byte[] pixels = new byte[config.count() * per];
        int[] labels = new int[config.count()];
        SplittableRandom random = new SplittableRandom(config.seed());
        for (int i = 0; i < config.count(); i++) {
            int label = i % CLASS_NAMES.size();
            labels[i] = label;
            double r = s * (0.2 + 0.18 * random.nextDouble());
            double cx = r + random.nextDouble() * (s - 2 * r);
            double cy = r + random.nextDouble() * (s - 2 * r);
            int[] colour = COLOURS[random.nextInt(COLOURS.length)];
            int background = random.nextInt(48);
            draw(pixels, i * per, s, c, label, cx, cy, r, colour, background);
        }
        return new ArrayDataset(config.spec(), new ImageShape(s, s, c), pixels, labels, CLASS_NAMES, null, List.of());
    }

    private static void draw(byte[] out, int base, int s, int c, int shape, double cx, double cy, double r,
                             int[] colour, int background) {
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                int hits = 0;
                for (int sy = 0; sy < 2; sy++) {
                    for (int sx = 0; sx < 2; sx++) {
                        if (inside(shape, (x + 0.25 + 0.5 * sx - cx) / r, (y + 0.25 + 0.5 * sy - cy) / r)) {
                            hits++;
                        }
                    }
                }
                int o = base + (y * s + x) * c;
                int[] rgb = new int[3];
                for (int k = 0; k < 3; k++) {
                    rgb[k] = (colour[k] * hits + background * (4 - hits) + 2) / 4;
                }
                if (c == 1) {
                    out[o] = (byte) Preprocessing.luma(rgb[0], rgb[1], rgb[2]);
                } else {
                    out[o] = (byte) rgb[0];
                    out[o + 1] = (byte) rgb[1];
                    out[o + 2] = (byte) rgb[2];
                }
            }
        }
    }

    /** Whether the point (u, v), in units of the shape's radius from its centre, lies inside the shape. */
    private static boolean inside(int shape, double u, double v) {
        double au = Math.abs(u);
        double av = Math.abs(v);
        return switch (shape) {
            case 0 -> u * u + v * v <= 1;
            case 1 -> au <= 0.8 && av <= 0.8;
            case 2 -> v <= 0.5 && v >= -1 + 1.732 * au;
            case 3 -> (au <= 0.3 && av <= 1) || (av <= 0.3 && au <= 1);
            case 4 -> au + av <= 1;
            case 5 -> u * u + v * v <= 1 && u * u + v * v >= 0.36;
            default -> throw new IllegalArgumentException("shape " + shape);
        };
    }
}
