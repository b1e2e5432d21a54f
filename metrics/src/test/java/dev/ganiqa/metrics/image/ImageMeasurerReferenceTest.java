package dev.ganiqa.metrics.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.ImageShape;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Fashion-MNIST test image and a set of synthetic gray/RGB images up to 768x1024 against OpenCV,
 * scikit-image and numpy values made by src/test/python/make_references.py.
 */
class ImageMeasurerReferenceTest {
    private static final double REL = 1e-6;
    private static final double ABS = 1e-9;

    @Test
    void everyFashionMnistTestImageMatchesTheReferences() throws Exception {
        byte[][] images = FashionMnist.testImages();
        ReferenceTable table = ReferenceTable.load("/dev/ganiqa/metrics/image/fashion-mnist-t10k.csv.gz");
        assertThat(table.rows()).hasSize(images.length).hasSizeGreaterThanOrEqualTo(10_000);
        ImageMeasurer measurer = new ImageMeasurer();
        ImageShape shape = new ImageShape(28, 28, 1);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < images.length; i++) {
            compare("fmnist " + i, measurer.measure(images[i], shape), table.rows().get(i), mismatches);
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void syntheticGrayAndRgbImagesMatchTheReferences() throws Exception {
        ReferenceTable table = ReferenceTable.load("/dev/ganiqa/metrics/image/synthetic.csv.gz");
        List<String> specs = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(getClass().getResourceAsStream(
                "/dev/ganiqa/metrics/image/synthetic-specs.csv"), StandardCharsets.US_ASCII))) {
            r.readLine();
            r.lines().forEach(specs::add);
        }
        assertThat(specs).hasSameSizeAs(table.rows()).hasSizeGreaterThan(10);
        ImageMeasurer measurer = new ImageMeasurer();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String[] f = specs.get(i).split(",");
            int h = Integer.parseInt(f[1]);
            int w = Integer.parseInt(f[2]);
            int c = Integer.parseInt(f[3]);
            byte[] img = SyntheticImages.synth(h, w, c, Integer.parseInt(f[4]), Integer.parseInt(f[5]));
            assertThat(f[0]).isEqualTo(table.names().get(i));
            compare(f[0], measurer.measure(img, new ImageShape(h, w, c)), table.rows().get(i), mismatches);
        }
        assertThat(mismatches).isEmpty();
    }

    static void compare(String name, ImageMeasures got, double[] expected, List<String> mismatches) {
        for (Measure m : Measure.values()) {
            double e = expected[m.ordinal()];
            MeasureValue v = got.get(m);
            if (Double.isNaN(e) != !v.isPresent()) {
                mismatches.add(name + " " + m.column() + ": expected " + e + ", found " + v);
            } else if (v.isPresent() && Math.abs(v.value() - e) > Math.max(ABS, REL * Math.abs(e))) {
                mismatches.add(name + " " + m.column() + ": expected " + e + ", found " + v.value());
            }
        }
    }
}
