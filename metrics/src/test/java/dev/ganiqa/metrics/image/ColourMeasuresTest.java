package dev.ganiqa.metrics.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganiqa.datasets.ArrayDataset;
import dev.ganiqa.datasets.Emoji;
import dev.ganiqa.datasets.ImageDataset;
import dev.ganiqa.datasets.ImageShape;
import dev.ganiqa.metrics.stats.Wasserstein1;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The colour measures on real emoji of both vendors: per-image saturation equal to OpenCV's 8-bit RGB2HSV mean
 * (src/test/python/make_colour_references.py), the hue distance equal to the optimal transport linear programme
 * on the circle solved by scipy, and both moving the known way on constructed sets (washed out, more saturated,
 * hues turned by a third of the circle).
 */
class ColourMeasuresTest {
    private static final ImageShape SHAPE = new ImageShape(64, 64, 3);
    private static final Map<String, Double> saturation = new LinkedHashMap<>();
    private static final Map<String, Double> hueDistance = new LinkedHashMap<>();
    private static ImageDataset google;
    private static ImageDataset twitter;

    @BeforeAll
    static void load() throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(ColourMeasuresTest.class.getResourceAsStream(
                "/dev/ganiqa/metrics/image/emoji-colour.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(",");
                (f[0].equals("saturation") ? saturation : hueDistance).put(f[1], Double.parseDouble(f[2]));
            }
        }
        google = vendor("google");
        twitter = vendor("twitter");
    }

    private static ImageDataset vendor(String vendor) {
        List<String> files = new ArrayList<>();
        for (String key : saturation.keySet()) {
            if (key.startsWith(vendor + "/")) {
                files.add(key.substring(vendor.length() + 1));
            }
        }
        Path dir = Emoji.defaultDir();
        List<Emoji.Entry> entries = Emoji.entries(dir, vendor).subList(0, files.size());
        byte[] pixels = new byte[files.size() * SHAPE.values()];
        for (int i = 0; i < files.size(); i++) {
            assertThat(entries.get(i).file()).isEqualTo(files.get(i));
            Emoji.composite(dir.resolve(vendor + "/img/" + vendor + "/64").resolve(files.get(i)), pixels,
                    i * SHAPE.values());
        }
        return new ArrayDataset("emoji " + vendor, SHAPE, pixels, null, List.of(), null, List.of());
    }

    private static ImageDataset slice(ImageDataset d, int from, int to) {
        byte[] pixels = new byte[(to - from) * SHAPE.values()];
        for (int i = from; i < to; i++) {
            System.arraycopy(d.image(i), 0, pixels, (i - from) * SHAPE.values(), SHAPE.values());
        }
        return new ArrayDataset(d.description() + " " + from + "-" + to, SHAPE, pixels, null, List.of(), null, List.of());
    }

    private static ImageDataset map(ImageDataset d, UnaryOperator<int[]> pixel) {
        byte[] out = new byte[d.size() * SHAPE.values()];
        for (int i = 0; i < d.size(); i++) {
            byte[] im = d.image(i);
            for (int p = 0; p < SHAPE.pixels(); p++) {
                int[] rgb = pixel.apply(new int[] {im[3 * p] & 0xFF, im[3 * p + 1] & 0xFF, im[3 * p + 2] & 0xFF});
                for (int c = 0; c < 3; c++) {
                    out[i * SHAPE.values() + 3 * p + c] = (byte) Math.max(0, Math.min(255, rgb[c]));
                }
            }
        }
        return new ArrayDataset(d.description() + " mapped", SHAPE, out, null, List.of(), null, List.of());
    }

    private static double[] saturations(ImageDataset d) {
        ImageMeasurer m = new ImageMeasurer(java.util.EnumSet.of(Measure.SATURATION));
        double[] out = new double[d.size()];
        for (int i = 0; i < d.size(); i++) {
            out[i] = m.measure(d.image(i), SHAPE).get(Measure.SATURATION).value();
        }
        return out;
    }

    @Test
    void hsvOfKnownColoursIsOpenCvs() {
        assertThat(Hsv.hue(255, 0, 0)).isZero();
        assertThat(Hsv.hue(255, 255, 0)).isEqualTo(30);
        assertThat(Hsv.hue(0, 255, 0)).isEqualTo(60);
        assertThat(Hsv.hue(0, 0, 255)).isEqualTo(120);
        assertThat(Hsv.hue(255, 0, 64)).as("a negative h' wraps round").isEqualTo(172);
        assertThat(Hsv.saturation(255, 0, 0)).isEqualTo(255);
        assertThat(Hsv.saturation(128, 128, 128)).isZero();
        assertThat(Hsv.saturation(0, 0, 0)).isZero();
        assertThat(Hsv.saturation(200, 100, 100)).isEqualTo(127);
    }

    @Test
    void saturationIsOpenCvsOnRealImages() {
        int checked = 0;
        for (ImageDataset d : List.of(google, twitter)) {
            String vendor = d == google ? "google/" : "twitter/";
            List<String> keys = saturation.keySet().stream().filter(k -> k.startsWith(vendor)).toList();
            double[] s = saturations(d);
            for (int i = 0; i < s.length; i++) {
                double ref = saturation.get(keys.get(i));
                assertThat(s[i]).as(keys.get(i)).isCloseTo(ref, within(1e-9 * Math.max(1, ref)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(800);
    }

    @Test
    void hueDistanceIsTheTransportProgrammesOptimum() {
        Map<String, double[]> got = Map.of(
                "google 0-199 vs google 200-399", new double[] {PrimaryMeasures.hueDistance(
                        PrimaryMeasures.hues(slice(google, 0, 200)), PrimaryMeasures.hues(slice(google, 200, 400)))},
                "google 0-399 vs twitter 0-399", new double[] {PrimaryMeasures.hueDistance(
                        PrimaryMeasures.hues(google), PrimaryMeasures.hues(twitter))},
                "google 0-99 vs twitter 300-399", new double[] {PrimaryMeasures.hueDistance(
                        PrimaryMeasures.hues(slice(google, 0, 100)), PrimaryMeasures.hues(slice(twitter, 300, 400)))});
        assertThat(hueDistance).hasSize(3);
        hueDistance.forEach((what, ref) -> assertThat(got.get(what)[0]).as(what)
                .isCloseTo(ref, within(1e-6 * ref)));
        // The same emoji drawn by two vendors share a palette far more than two different groups of emoji do.
        assertThat(hueDistance.get("google 0-399 vs twitter 0-399"))
                .isLessThan(hueDistance.get("google 0-199 vs google 200-399"));
    }

    @Test
    void washedOutSetsRankLessSaturatedAndTurnedHuesRankFarther() {
        double[] real = saturations(google);
        // Half way towards each pixel's own gray: every coloured image loses saturation.
        ImageDataset washed = map(google, p -> {
            int y = Planes.gray(p[0], p[1], p[2]);
            return new int[] {(p[0] + y) / 2, (p[1] + y) / 2, (p[2] + y) / 2};
        });
        // Away from gray by half: more saturated, clipped.
        ImageDataset vivid = map(google, p -> {
            int y = Planes.gray(p[0], p[1], p[2]);
            return new int[] {p[0] + (p[0] - y) / 2, p[1] + (p[1] - y) / 2, p[2] + (p[2] - y) / 2};
        });
        double[] w = saturations(washed);
        double[] v = saturations(vivid);
        assertThat(Wasserstein1.signed(w, real)).isNegative();
        assertThat(Wasserstein1.signed(v, real)).isPositive();
        for (int i = 0; i < real.length; i++) {
            assertThat(w[i]).isLessThanOrEqualTo(real[i]);
        }
        // (R, G, B) -> (B, R, G) turns every hue by 120 degrees: farther than two halves of the real set (different
        // emoji, 23 degrees), at most the turn itself (the emoji's hues spread round the circle, so much less).
        long[] hues = PrimaryMeasures.hues(google);
        double turned = PrimaryMeasures.hueDistance(PrimaryMeasures.hues(map(google, p -> new int[] {p[2], p[0], p[1]})),
                hues);
        assertThat(turned).isGreaterThan(hueDistance.get("google 0-199 vs google 200-399")).isLessThanOrEqualTo(121);
        assertThat(PrimaryMeasures.hueDistance(hues, hues)).isZero();
        // Washing out keeps the hues where they were, up to the 8-bit rounding of the mix and the pixels that fall
        // below the saturation floor (6.6 degrees): much nearer than a different set of real emoji.
        assertThat(PrimaryMeasures.hueDistance(PrimaryMeasures.hues(washed), hues))
                .isLessThan(hueDistance.get("google 0-199 vs google 200-399") / 2);
    }

    /**
     * The sharpness measure on colour images (Tenengrad of OpenCV's 8-bit luma): every real emoji blurred by a 3x3
     * box per channel ranks blurrier than itself, and the set's signed shift is negative (colour noise is measured
     * on the chroma planes instead, ChromaNoiseTest).
     */
    @Test
    void blurredColourImagesRankBlurrier() {
        ImageDataset blurred = boxBlur(google);
        ImageMeasurer m = new ImageMeasurer(java.util.EnumSet.of(Measure.TENENGRAD));
        double[] real = new double[google.size()];
        double[] blur = new double[google.size()];
        for (int i = 0; i < real.length; i++) {
            real[i] = m.measure(google.image(i), SHAPE).get(Measure.TENENGRAD).value();
            blur[i] = m.measure(blurred.image(i), SHAPE).get(Measure.TENENGRAD).value();
            assertThat(blur[i]).as("emoji " + i).isLessThan(real[i]);
        }
        assertThat(Wasserstein1.signed(blur, real)).isNegative();
    }

    private static ImageDataset boxBlur(ImageDataset d) {
        byte[] out = new byte[d.size() * SHAPE.values()];
        int w = SHAPE.width();
        int h = SHAPE.height();
        for (int i = 0; i < d.size(); i++) {
            byte[] im = d.image(i);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 3; c++) {
                        int sum = 0;
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int yy = Math.max(0, Math.min(h - 1, y + dy));
                                int xx = Math.max(0, Math.min(w - 1, x + dx));
                                sum += im[(yy * w + xx) * 3 + c] & 0xFF;
                            }
                        }
                        out[i * SHAPE.values() + (y * w + x) * 3 + c] = (byte) Math.round(sum / 9.0);
                    }
                }
            }
        }
        return new ArrayDataset("blurred", SHAPE, out, null, List.of(), null, List.of());
    }

    @Test
    void graySetsHaveNoColourMeasures() {
        ImageShape gray = new ImageShape(8, 8, 1);
        ImageMeasures m = new ImageMeasurer().measure(new byte[64], gray);
        assertThat(m.get(Measure.SATURATION).isPresent()).isFalse();
        assertThat(PrimaryMeasures.hueDistance(new long[180], PrimaryMeasures.hues(google))).isNaN();
    }
}
