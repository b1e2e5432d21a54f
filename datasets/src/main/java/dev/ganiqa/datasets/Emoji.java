package dev.ganiqa.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * {@code emoji}, {@code emoji:google}, {@code emoji:twitter}: a colour dataset of 64x64 emoji images from the npm
 * packages emoji-datasource-google and emoji-datasource-twitter 16.0.0 (iamcal/emoji-data), installed by
 * {@code scripts/install-emoji.sh}. Each image is labelled with its emoji's category (emoji.json
 * {@code category}; the nine of {@link #CLASS_NAMES}; the five "Component" swatches are left out) and named
 * {@code VENDOR-FILE.png} (e.g. {@code twitter-1f600.png}), so the vendor stays with every image and exports. Skin-tone variants are images of their own.
 *
 * <p>RGBA is composited onto white ({@link #BACKGROUND}; the colour emoji are drawn to be seen on light pages):
 * {@code c = round((a c + (255 - a) 255) / 255)} per channel, alpha and colour as the PNG stores them (sRGB,
 * not premultiplied). The test split is 15% of the emoji of each category, drawn with a fixed seed
 * ({@link #SPLIT_SEED}) over the base emoji, so an emoji's skin-tone variants and both vendors' drawings of it
 * are always on the same side; the rest is train (ganiqa compare carves its validation part from it).
 */
public final class Emoji {
    public static final String VERSION = "16.0.0";
    public static final List<String> VENDORS = List.of("google", "twitter");
    public static final List<String> CLASS_NAMES = List.of("Smileys & Emotion", "People & Body",
            "Animals & Nature", "Food & Drink", "Travel & Places", "Activities", "Objects", "Symbols", "Flags");
    public static final int SIDE = 64;
    public static final int BACKGROUND = 255;
    static final double TEST_SHARE = 0.15;
    static final long SPLIT_SEED = 2022;
    public static final String LICENCE = "Noto Emoji images Apache-2.0 (Google LLC); Twemoji images CC-BY-4.0 "
            + "(Twitter, Inc. and other contributors); emoji-datasource metadata MIT (Cal Henderson)";
    private static final ImageShape SHAPE = new ImageShape(SIDE, SIDE, 3);

    private Emoji() {
    }

    /** One image of the dataset: its vendor, file, category index and base emoji (the split's unit). */
    public record Entry(String vendor, String file, int label, String base) {
    }

    static DatasetSource create(String argument, DatasetOptions options) {
        List<String> vendors;
        if (argument.isEmpty()) {
            vendors = VENDORS;
        } else if (VENDORS.contains(argument)) {
            vendors = List.of(argument);
        } else {
            throw new DatasetException("emoji:" + argument + ": expected emoji, emoji:google or emoji:twitter");
        }
        return source(defaultDir(), vendors);
    }

    /**
     * Where {@code scripts/install-emoji.sh} puts the data: {@code $GANIQA_EMOJI_DIR}, else the system folder
     * when it holds a complete install, else the user's.
     */
    public static Path defaultDir() {
        String env = System.getenv("GANIQA_EMOJI_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path system = Path.of("/usr/local/share/ganiqa/emoji-" + VERSION);
        if (Files.isRegularFile(system.resolve(".complete"))) {
            return system;
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return data.resolve("ganiqa").resolve("emoji-" + VERSION);
    }

    /** The dataset of {@code vendors} installed in {@code dir}. */
    public static DatasetSource source(Path dir, List<String> vendors) {
        if (!Files.isRegularFile(dir.resolve(".complete"))) {
            throw new DatasetException("emoji: " + dir + ": expected a complete install, found "
                    + (Files.exists(dir) ? "an incomplete one" : "nothing")
                    + "; run scripts/install-emoji.sh (or set GANIQA_EMOJI_DIR)");
        }
        List<Entry> entries = new ArrayList<>();
        for (String vendor : vendors) {
            entries.addAll(entries(dir, vendor));
        }
        java.util.Set<String> test = testBases(entries);
        String spec = vendors.size() == VENDORS.size() ? "emoji" : "emoji:" + vendors.get(0);
        Map<Split, Supplier<ImageDataset>> openers = new EnumMap<>(Split.class);
        openers.put(Split.TRAIN, () -> load(dir, spec + " train", entries.stream()
                .filter(e -> !test.contains(e.base())).toList()));
        openers.put(Split.TEST, () -> load(dir, spec + " test", entries.stream()
                .filter(e -> test.contains(e.base())).toList()));
        return new SplitSource(spec, openers, LICENCE);
    }

    /** Every image of {@code vendor} in emoji.json order (base emoji, then its skin-tone variants). */
    public static List<Entry> entries(Path dir, String vendor) {
        Path json = dir.resolve(vendor).resolve("emoji.json");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new DatasetException(json + ": expected the emoji-datasource metadata, found " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new DatasetException(json + ": expected a JSON array of emoji, found " + (root == null ? "nothing"
                    : root.getNodeType()));
        }
        String flag = "has_img_" + vendor;
        List<Entry> out = new ArrayList<>();
        for (JsonNode e : root) {
            int label = CLASS_NAMES.indexOf(e.path("category").asText());
            if (label < 0) {
                continue;
            }
            String base = e.path("unified").asText();
            if (e.path(flag).asBoolean(false)) {
                out.add(new Entry(vendor, e.path("image").asText(), label, base));
            }
            JsonNode variants = e.path("skin_variations");
            if (variants.isObject()) {
                // Sorted by key so the order does not depend on the JSON's.
                Map<String, JsonNode> sorted = new TreeMap<>();
                variants.fields().forEachRemaining(f -> sorted.put(f.getKey(), f.getValue()));
                for (JsonNode v : sorted.values()) {
                    if (v.path(flag).asBoolean(false)) {
                        out.add(new Entry(vendor, v.path("image").asText(), label, base));
                    }
                }
            }
        }
        return out;
    }

    /** The base emoji of the test split: {@link #TEST_SHARE} of each category's, by a seeded permutation. */
    static java.util.Set<String> testBases(List<Entry> entries) {
        Map<Integer, java.util.SortedSet<String>> perClass = new TreeMap<>();
        for (Entry e : entries) {
            perClass.computeIfAbsent(e.label(), k -> new java.util.TreeSet<>()).add(e.base());
        }
        java.util.Set<String> test = new java.util.HashSet<>();
        for (Map.Entry<Integer, java.util.SortedSet<String>> c : perClass.entrySet()) {
            List<String> bases = new ArrayList<>(c.getValue());
            int[] order = Batches.permutation(bases.size(), SPLIT_SEED * 31 + c.getKey());
            int n = (int) Math.round(bases.size() * TEST_SHARE);
            for (int i = 0; i < n; i++) {
                test.add(bases.get(order[i]));
            }
        }
        return test;
    }

    private static ArrayDataset load(Path dir, String description, List<Entry> entries) {
        byte[] pixels = new byte[Math.multiplyExact(entries.size(), SHAPE.values())];
        int[] labels = new int[entries.size()];
        List<String> names = new ArrayList<>(entries.size());
        java.util.stream.IntStream.range(0, entries.size()).parallel().forEach(i -> {
            Entry e = entries.get(i);
            composite(dir.resolve(e.vendor()).resolve("img").resolve(e.vendor()).resolve("64").resolve(e.file()),
                    pixels, i * SHAPE.values());
        });
        for (Entry e : entries) {
            labels[names.size()] = e.label();
            names.add(e.vendor() + "-" + e.file());
        }
        return new ArrayDataset(description, SHAPE, pixels, labels, CLASS_NAMES, names, List.of());
    }

    /** Decodes one RGBA PNG and writes it composited onto {@link #BACKGROUND} at {@code offset}, HWC. */
    public static void composite(Path file, byte[] out, int offset) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DatasetException(file + ": expected a PNG image, found " + e.getMessage(), e);
        }
        if (image == null) {
            throw new DatasetException(file + ": expected a PNG image, found " + (Files.exists(file)
                    ? "a file no decoder reads" : "nothing") + "; reinstall with scripts/install-emoji.sh");
        }
        if (image.getWidth() != SIDE || image.getHeight() != SIDE) {
            throw new DatasetException(file + ": expected " + SIDE + "x" + SIDE + " pixels, found " + image.getWidth()
                    + "x" + image.getHeight());
        }
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int argb = image.getRGB(x, y);
                int a = argb >>> 24;
                int p = offset + (y * SIDE + x) * 3;
                for (int c = 0; c < 3; c++) {
                    int v = (argb >>> (16 - 8 * c)) & 0xFF;
                    out[p + c] = (byte) Math.round((a * v + (255 - a) * BACKGROUND) / 255.0);
                }
            }
        }
    }
}
