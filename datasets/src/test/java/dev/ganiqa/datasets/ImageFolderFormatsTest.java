package dev.ganiqa.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every supported encoding, written for real, read back by content through one image folder. */
class ImageFolderFormatsTest {
    @TempDir
    static Path dir;
    static ArrayDataset dataset;
    static final Map<String, Integer> INDEX = new HashMap<>();

    @BeforeAll
    static void writeAll() throws Exception {
        TestImages.write(TestImages.rgb8(), "png", dir.resolve("png-rgb8.png"));
        TestImages.write(TestImages.rgb16(), "png", dir.resolve("png-rgb16.png"));
        TestImages.write(TestImages.gray8(), "png", dir.resolve("png-gray8.png"));
        TestImages.write(TestImages.gray16(), "png", dir.resolve("png-gray16.png"));
        TestImages.write(TestImages.palette(), "png", dir.resolve("png-palette.png"));
        TestImages.write(TestImages.rgba8(128), "png", dir.resolve("png-rgba-half.png"));
        TestImages.write(TestImages.grayAlpha8(255), "png", dir.resolve("png-gray-alpha-opaque.png"));
        TestImages.writeJpeg(TestImages.rgb8(), dir.resolve("jpeg-baseline.jpg"), false);
        TestImages.writeJpeg(TestImages.rgb8(), dir.resolve("jpeg-progressive.jpg"), true);
        TestImages.write(TestImages.rgb8(), "bmp", dir.resolve("bmp-rgb.bmp"));
        TestImages.write(TestImages.palette(), "gif", dir.resolve("gif-palette.gif"));
        TestImages.write(TestImages.rgb8(), "tiff", dir.resolve("tiff-rgb8.tif"));
        TestImages.writeJdkTiff(TestImages.rgb16(), dir.resolve("tiff-rgb16.tif"));
        TestImages.copyResource("gradient-8x6-lossless.webp", dir.resolve("webp-lossless.webp"));
        TestImages.copyResource("gradient-8x6-lossy.webp", dir.resolve("webp-lossy.webp"));
        // Decoding goes by content: a PNG named .jpg and a BMP without an extension.
        TestImages.write(TestImages.rgb8(), "png", dir.resolve("png-named.jpg"));
        TestImages.write(TestImages.rgb8(), "bmp", dir.resolve("bmp-no-extension"));
        dataset = ImageFolderReader.read(dir, DatasetOptions.defaults().withThreads(2));
        for (int i = 0; i < dataset.size(); i++) {
            INDEX.put(dataset.name(i), i);
        }
    }

    @Test
    void everyFileLoadsInSortedOrderWithTheCommonShape() {
        assertThat(dataset.skipped()).isEmpty();
        assertThat(dataset.size()).isEqualTo(17);
        assertThat(dataset.shape()).isEqualTo(new ImageShape(TestImages.H, TestImages.W, 3));
        assertThat(dataset.name(0)).isEqualTo("bmp-no-extension");
        assertThat(dataset.name(16)).isEqualTo("webp-lossy.webp");
        assertThat(dataset.hasLabels()).isFalse();
        assertThat(dataset.label(0)).isEqualTo(-1);
    }

    @Test
    void headerPassAgreesWithDecoding() throws Exception {
        // A gray-palette PNG: gray by its header and by its decoded samples.
        byte[] levels = new byte[256];
        for (int i = 0; i < 256; i++) {
            levels[i] = (byte) i;
        }
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 2, java.awt.image.BufferedImage.TYPE_BYTE_INDEXED,
                new java.awt.image.IndexColorModel(8, 256, levels, levels, levels));
        image.getRaster().setSample(1, 0, 0, 77);
        Path file = TestImages.write(image, "gif", dir.resolveSibling(dir.getFileName() + "-gray").resolve("g.gif"));
        ImageDecoder decoder = new ImageDecoder(DatasetOptions.DEFAULT_MAX_PIXELS);
        assertThat(decoder.header(file)).isEqualTo(new ImageDecoder.Header(4, 2, true, "gif"));
        DecodedImage decoded = decoder.decode(file);
        assertThat(decoded.channels()).isEqualTo(1);
        assertThat(decoded.samples()[1] & 0xFF).isEqualTo(77);
    }

    @Test
    void losslessEncodingsGiveThePatternExactly() {
        for (String name : new String[] {"png-rgb8.png", "png-rgb16.png", "png-palette.png", "bmp-rgb.bmp",
            "gif-palette.gif", "tiff-rgb8.tif", "tiff-rgb16.tif", "webp-lossless.webp", "png-named.jpg", "bmp-no-extension"}) {
            assertThat(maxError(name, (x, y) -> TestImages.rgb(x, y))).as(name).isZero();
        }
    }

    @Test
    void grayImagesAreReadThroughTheRasterAndCopiedToRgb() {
        for (String name : new String[] {"png-gray8.png", "png-gray16.png", "png-gray-alpha-opaque.png"}) {
            int g0 = TestImages.gray(3, 2);
            assertThat(maxError(name, (x, y) -> new int[] {TestImages.gray(x, y), TestImages.gray(x, y), TestImages.gray(x, y)}))
                    .as(name + " (first expected value " + g0 + ")").isZero();
        }
    }

    @Test
    void alphaIsCompositedOnBlack() {
        // c * 128 / 255, rounded: PNG stores the straight (not premultiplied) colour.
        assertThat(maxError("png-rgba-half.png", (x, y) -> {
            int[] c = TestImages.rgb(x, y);
            return new int[] {(c[0] * 128 + 127) / 255, (c[1] * 128 + 127) / 255, (c[2] * 128 + 127) / 255};
        })).isZero();
    }

    @Test
    void lossyEncodingsStayCloseToThePattern() {
        for (String name : new String[] {"jpeg-baseline.jpg", "jpeg-progressive.jpg"}) {
            assertThat(meanError(name)).as(name).isLessThan(8.0);
        }
    }

    @Test
    void lossyWebpMatchesLibwebpsOwnDecoding(@TempDir Path other) throws Exception {
        TestImages.copyResource("gradient-8x6-lossy.dwebp-nofancy.png", other.resolve("reference.png"));
        byte[] reference = ImageFolderReader.read(other, DatasetOptions.defaults()).image(0);
        assertThat(maxError("webp-lossy.webp", (x, y) -> at(reference, TestImages.W, x, y))).isLessThanOrEqualTo(2);
    }

    @Test
    void cmykJpegIsConvertedToRgb(@TempDir Path other) throws Exception {
        TestImages.copyResource("cmyk-cyan-yellow-16x8.jpg", other.resolve("cmyk.jpg"));
        ArrayDataset cmyk = ImageFolderReader.read(other, DatasetOptions.defaults());
        assertThat(cmyk.shape()).isEqualTo(new ImageShape(8, 16, 3));
        byte[] px = cmyk.image(0);
        int[] cyan = at(px, 16, 2, 4);
        int[] yellow = at(px, 16, 12, 4);
        assertThat(cyan[0]).as("cyan has little red").isLessThan(80);
        assertThat(cyan[2]).as("cyan has much blue").isGreaterThan(180);
        assertThat(yellow[2]).as("yellow has little blue").isLessThan(80);
        assertThat(yellow[0]).as("yellow has much red").isGreaterThan(200);
    }

    interface Pattern {
        int[] at(int x, int y);
    }

    private static int maxError(String name, Pattern pattern) {
        byte[] px = dataset.image(INDEX.get(name));
        int worst = 0;
        for (int y = 0; y < TestImages.H; y++) {
            for (int x = 0; x < TestImages.W; x++) {
                int[] got = at(px, TestImages.W, x, y);
                int[] want = pattern.at(x, y);
                for (int k = 0; k < 3; k++) {
                    worst = Math.max(worst, Math.abs(got[k] - want[k]));
                }
            }
        }
        return worst;
    }

    private static double meanError(String name) {
        byte[] px = dataset.image(INDEX.get(name));
        double sum = 0;
        for (int y = 0; y < TestImages.H; y++) {
            for (int x = 0; x < TestImages.W; x++) {
                int[] got = at(px, TestImages.W, x, y);
                int[] want = TestImages.rgb(x, y);
                for (int k = 0; k < 3; k++) {
                    sum += Math.abs(got[k] - want[k]);
                }
            }
        }
        return sum / (TestImages.W * TestImages.H * 3);
    }

    static int[] at(byte[] px, int width, int x, int y) {
        int o = (y * width + x) * 3;
        return new int[] {px[o] & 0xFF, px[o + 1] & 0xFF, px[o + 2] & 0xFF};
    }
}
