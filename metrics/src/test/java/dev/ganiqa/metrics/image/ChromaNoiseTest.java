package dev.ganiqa.metrics.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.Emoji;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chroma noise where real colour images are flat ({@link BackgroundNoise#chroma}) on real emoji images: equal to
 * an independent numpy/scipy/OpenCV computation (src/test/python/make_chroma_references.py) within 1e-9 relative,
 * and higher for the same images with colour noise added, while blur does not raise it.
 */
class ChromaNoiseTest {
    private static final ImageShape SHAPE = new ImageShape(64, 64, 3);
    private static List<String> files;
    private static double[] reference;
    private static ImageDataset images;

    @BeforeAll
    static void load() throws Exception {
        files = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(ChromaNoiseTest.class.getResourceAsStream(
                "/dev/ganiqa/metrics/image/emoji-chroma.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(",");
                files.add(f[0]);
                values.add(Double.parseDouble(f[1]));
            }
        }
        reference = values.stream().mapToDouble(Double::doubleValue).toArray();
        Path dir = Emoji.defaultDir();
        List<Emoji.Entry> google = Emoji.entries(dir, "google").subList(0, files.size());
        byte[] pixels = new byte[files.size() * SHAPE.values()];
        for (int i = 0; i < files.size(); i++) {
            assertThat(google.get(i).file()).isEqualTo(files.get(i));
            Emoji.composite(dir.resolve("google/img/google/64").resolve(files.get(i)), pixels, i * SHAPE.values());
        }
        images = new ArrayDataset("emoji google, first " + files.size(), SHAPE, pixels, null, List.of(), null,
                List.of());
    }

    @Test
    void agreesWithTheNumpyReferenceOnRealImages() {
        BackgroundNoise bg = BackgroundNoise.fit(images).orElseThrow();
        assertThat(bg.hasChroma()).isTrue();
        assertThat(bg.pixelArea()).isBetween(0.05, 0.2);
        double[] chroma = bg.chroma(images);
        for (int i = 0; i < chroma.length; i++) {
            assertThat(chroma[i]).as(files.get(i)).isCloseTo(reference[i],
                    org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(reference[i]))));
        }
    }

    /** Gaussian noise of {@code sigma} added to each channel independently (so to chroma), clipped. */
    private static ImageDataset noisy(double sigma, long seed) {
        byte[] out = new byte[images.size() * SHAPE.values()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < images.size(); i++) {
            byte[] im = images.image(i);
            for (int p = 0; p < im.length; p++) {
                double v = (im[p] & 0xFF) + sigma * random.nextGaussian();
                out[i * SHAPE.values() + p] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        return new ArrayDataset("noisy", SHAPE, out, null, List.of(), null, List.of());
    }

    /** A 3x3 box blur per channel (reflected border): smooths, adds no colour noise. */
    private static ImageDataset blurred() {
        byte[] out = new byte[images.size() * SHAPE.values()];
        for (int i = 0; i < images.size(); i++) {
            byte[] im = images.image(i);
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    for (int c = 0; c < 3; c++) {
                        int sum = 0;
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int yy = Math.abs(y + dy) > 63 ? 126 - (y + dy) : Math.abs(y + dy);
                                int xx = Math.abs(x + dx) > 63 ? 126 - (x + dx) : Math.abs(x + dx);
                                sum += im[(yy * 64 + xx) * 3 + c] & 0xFF;
                            }
                        }
                        out[i * SHAPE.values() + (y * 64 + x) * 3 + c] = (byte) Math.round(sum / 9.0);
                    }
                }
            }
        }
        return new ArrayDataset("blurred", SHAPE, out, null, List.of(), null, List.of());
    }

    @Test
    void colourNoiseRanksNoisierAndBlurDoesNot() {
        BackgroundNoise bg = BackgroundNoise.fit(images).orElseThrow();
        double[] clean = bg.chroma(images);
        double[] light = bg.chroma(noisy(4, 1));
        double[] heavy = bg.chroma(noisy(16, 2));
        for (int i = 0; i < clean.length; i++) {
            assertThat(light[i]).as(files.get(i)).isGreaterThan(clean[i]);
            assertThat(heavy[i]).as(files.get(i)).isGreaterThan(light[i]);
        }
        double cleanMean = java.util.Arrays.stream(clean).average().orElseThrow();
        double blurMean = java.util.Arrays.stream(bg.chroma(blurred())).average().orElseThrow();
        assertThat(blurMean).isLessThanOrEqualTo(cleanMean + 0.05);
        // The signed shift of the primary measures: noisy sets lie above the real one, in order.
        assertThat(dev.ganiqa.metrics.stats.Wasserstein1.signed(light, clean)).isPositive();
        assertThat(dev.ganiqa.metrics.stats.Wasserstein1.signed(heavy, clean))
                .isGreaterThan(dev.ganiqa.metrics.stats.Wasserstein1.signed(light, clean));
    }

    @Test
    void grayImagesHaveNoChroma() {
        ImageDataset gray = new ArrayDataset("gray", new ImageShape(8, 8, 1), new byte[64 * 4], null, List.of(),
                null, List.of());
        BackgroundNoise bg = BackgroundNoise.fit(gray).orElseThrow();
        assertThat(bg.hasChroma()).isFalse();
        assertThat(bg.chroma(gray.image(0))).isNaN();
    }
}
