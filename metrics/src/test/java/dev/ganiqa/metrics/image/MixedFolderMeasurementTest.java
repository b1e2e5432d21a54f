package dev.ganiqa.metrics.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganiqa.datasets.DatasetOptions;
import dev.ganiqa.datasets.FolderImages;
import dev.ganiqa.datasets.FolderLayout;
import dev.ganiqa.datasets.SkippedFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder as users have it (28x28 gray PNGs at the top level beside subfolders of gray and RGB JPEG and PNG
 * photos up to 1100x1500, thin 1x3000, 3x2000 and 3000x5 images, RGBA and gray + alpha PNGs), streamed through
 * {@link FolderImages} and {@link DatasetMeasurement}: every image is measured at its own size and matches
 * OpenCV / scikit-image run on that file alone (make_mixed_folder.py wrote mixed-folder.csv).
 */
class MixedFolderMeasurementTest {
    private static final double REL = 1e-6;
    private static final double ABS = 1e-9;

    @TempDir
    Path tmp;

    static Path fixture() throws Exception {
        return Path.of(MixedFolderMeasurementTest.class.getResource("/dev/ganiqa/metrics/image/mixed-folder").toURI());
    }

    /** file -> {width, height, channels, measures...} from mixed-folder.csv. */
    static Map<String, double[]> references() throws IOException {
        Map<String, double[]> rows = new LinkedHashMap<>();
        try (var in = MixedFolderMeasurementTest.class.getResourceAsStream("/dev/ganiqa/metrics/image/mixed-folder.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
            assertThat(lines.get(0)).isEqualTo("file,width,height,channels,laplacian_var,tenengrad,immerkaer_sigma,"
                    + "wavelet_sigma,chroma_noise,hf_energy_ratio,saturation");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                double[] v = new double[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    v[i - 1] = f[i].isEmpty() ? Double.NaN : Double.parseDouble(f[i]);
                }
                rows.put(f[0], v);
            }
        }
        return rows;
    }

    static List<String> mismatches(DatasetMeasurement.Result result, Map<String, double[]> expected) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < result.set().size(); i++) {
            String name = result.set().name(i);
            double[] e = expected.get(name);
            ImageMeasures m = result.images().get(i);
            if (e == null || m == null) {
                continue;
            }
            double[] shape = {m.shape().width(), m.shape().height(), m.shape().channels()};
            for (int k = 0; k < 3; k++) {
                if (shape[k] != e[k]) {
                    out.add(name + ": expected " + (int) e[0] + "x" + (int) e[1] + "x" + (int) e[2] + " (WxHxC), found "
                            + m.shape());
                    break;
                }
            }
            double[] measures = java.util.Arrays.copyOfRange(e, 3, e.length);
            ImageMeasurerReferenceTest.compare(name, m, measures, out);
        }
        return out;
    }

    @Test
    void everyImageIsMeasuredAtItsOwnSizeAsOpenCvMeasuresTheFileAlone() throws Exception {
        Map<String, double[]> expected = references();
        FolderImages set = FolderImages.open(fixture(), DatasetOptions.defaults());
        assertThat(set.layout().kind()).isEqualTo(FolderLayout.Kind.MIXED);
        assertThat(set.notices()).hasSize(1);
        DatasetMeasurement.Result result = DatasetMeasurement.run(set, 2, done -> { });
        assertThat(result.skipped()).isEmpty();
        assertThat(names(result)).containsExactlyElementsOf(expected.keySet());
        assertThat(result.images()).doesNotContainNull();
        assertThat(mismatches(result, expected)).isEmpty();
        ImageMeasures thin = result.images().get(names(result).indexOf("thin/gray-1x3000.png"));
        assertThat(thin.get(Measure.LAPLACIAN_VAR).reason()).isEqualTo("image 1x3000 is smaller than the 3x3 stencil");
    }

    @Test
    void looseImagesBesideASubfolderAreAllMeasuredAndTheCorruptOneIsReported() throws Exception {
        copyTree(fixture(), tmp);
        byte[] jpeg = Files.readAllBytes(tmp.resolve("photos/rgb-333x501.jpg"));
        Files.write(tmp.resolve("broken.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.write(tmp.resolve("empty.png"), new byte[0]);
        Files.createDirectories(tmp.resolve(".hidden"));
        Files.write(tmp.resolve(".hidden/x.png"), new byte[] {1});
        FolderImages set = FolderImages.open(tmp, DatasetOptions.defaults());
        DatasetMeasurement.Result result = DatasetMeasurement.run(set, 3, done -> { });
        assertThat(set.size()).isEqualTo(15);
        assertThat(result.images().stream().filter(java.util.Objects::nonNull).count()).isEqualTo(13);
        assertThat(result.skipped()).extracting(SkippedFile::path).containsExactly("broken.jpg", "empty.png");
        assertThat(result.skipped().get(0).reason()).contains("truncated");
        assertThat(result.skipped().get(1).reason()).isEqualTo("empty file (0 bytes)");
        assertThat(mismatches(result, references())).isEmpty();
    }

    @Test
    void imagesInFlightStayWithinTheMemoryBudgetAndResultsDoNotDependOnIt() throws Exception {
        Random random = new Random(5);
        long total = 0;
        for (int i = 0; i < 16; i++) {
            int w = 300 + 37 * i;
            int h = 200 + 23 * i;
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    image.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
            ImageIO.write(image, "png", tmp.resolve(String.format("%02d.png", i)).toFile());
            total += ImageMeasurer.workingBytes(h, w, 3);
        }
        long budget = ImageMeasurer.workingBytes(200 + 23 * 15, 300 + 37 * 15, 3) * 3 / 2;
        assertThat(total).as("holding every image at once would exceed the budget").isGreaterThan(3 * budget);
        FolderImages set = FolderImages.open(tmp, DatasetOptions.defaults());
        DatasetMeasurement.Result bounded = DatasetMeasurement.run(set, 4, budget, done -> { });
        DatasetMeasurement.Result alone = DatasetMeasurement.run(set, 1, Long.MAX_VALUE, done -> { });
        assertThat(bounded.peakWorkingBytes()).isPositive().isLessThanOrEqualTo(budget);
        assertThat(bounded.skipped()).isEmpty();
        assertThat(bounded.images()).isEqualTo(alone.images());
        DatasetMeasurement.Result tiny = DatasetMeasurement.run(set, 4, 1, done -> { });
        assertThat(tiny.peakWorkingBytes()).as("an image above the budget runs alone")
                .isEqualTo(ImageMeasurer.workingBytes(200 + 23 * 15, 300 + 37 * 15, 3));
        assertThat(tiny.images()).isEqualTo(alone.images());
    }

    private static List<String> names(DatasetMeasurement.Result result) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < result.set().size(); i++) {
            names.add(result.set().name(i));
        }
        return names;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
