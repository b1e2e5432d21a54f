package dev.ganiqa.metrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.metrics.Resources;
import dev.ganiqa.metrics.stats.FeatureMatrix;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** numpy-made fixtures (make_references.py io_fixtures) read back to the bit, and malformed files refused. */
class NumpyFilesTest {
    @TempDir
    Path tmp;

    private static double[] expected(String key) throws IOException {
        for (String line : Files.readAllLines(Resources.path("io/expected.txt"))) {
            if (line.startsWith(key + " ")) {
                return Arrays.stream(line.substring(key.length() + 1).split(" ")).mapToDouble(Double::parseDouble).toArray();
            }
        }
        throw new IOException("no " + key + " in expected.txt");
    }

    @Test
    void readsStoredAndDeflatedStatisticsInFloat64AndFloat32() throws IOException {
        for (String name : List.of("stats-stored-f8.npz", "stats-deflated-f8.npz")) {
            GaussianStats s = NumpyFiles.readStats(Resources.path("io/" + name));
            assertThat(s.mu()).containsExactly(expected("mu"));
            assertThat(s.sigma()).containsExactly(expected("sigma"));
        }
        GaussianStats f4 = NumpyFiles.readStats(Resources.path("io/stats-deflated-f4.npz"));
        double[] mu = expected("mu");
        for (int i = 0; i < mu.length; i++) {
            assertThat(f4.mu()[i]).isEqualTo((double) (float) mu[i]);
        }
    }

    @Test
    void readsFloat32AndFloat64FeatureMatrices() throws IOException {
        double[] x = expected("x");
        FeatureMatrix f8 = NumpyFiles.readFeatures(Resources.path("io/features-f8.npy"));
        assertThat(f8.rows()).isEqualTo(20);
        assertThat(f8.cols()).isEqualTo(5);
        assertThat(f8.data()).containsExactly(x);
        FeatureMatrix f4 = NumpyFiles.readFeatures(Resources.path("io/features-f4.npy"));
        assertThat(f4.data()[7]).isEqualTo((double) (float) x[7]);
    }

    @Test
    void refusesMalformedFilesWithOneLineNamingFileAndProblem() {
        assertProblem("io/features-fortran.npy", "fortran_order");
        assertProblem("io/features-i4.npy", "found <i4");
        assertProblem("io/features-big-endian.npy", "found >f8");
        assertProblem("io/features-truncated.npy", "truncated");
        assertProblem("io/features-1d.npy", "expected a 2-D feature matrix");
        assertProblem("io/stats-deflated-f8.npz", "expected the .npy magic");
        assertThatThrownBy(() -> NumpyFiles.readStats(Resources.path("io/stats-no-sigma.npz")))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("expected key 'sigma'")
                .hasMessageContaining("stats-no-sigma.npz");
        assertThatThrownBy(() -> NumpyFiles.readStats(Resources.path("io/stats-sigma-wrong-shape.npz")))
                .hasMessageContaining("expected sigma of shape (5, 5), found [4, 5]");
        assertThatThrownBy(() -> NumpyFiles.readStats(Resources.path("io/features-f8.npy")))
                .hasMessageContaining("expected an .npz (zip) file");
    }

    private static void assertProblem(String resource, String fragment) {
        assertThatThrownBy(() -> NumpyFiles.readFeatures(Resources.path(resource)))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining(Resources.path(resource).getFileName().toString())
                .hasMessageContaining(fragment)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void writtenStatisticsAreDeflatedFloat64AndRoundTrip() throws IOException {
        GaussianStats s = NumpyFiles.readStats(Resources.path("io/stats-stored-f8.npz"));
        Path out = tmp.resolve("sub/stats.npz");
        NumpyFiles.writeStats(out, s);
        GaussianStats back = NumpyFiles.readStats(out);
        assertThat(back.mu()).containsExactly(s.mu());
        assertThat(back.sigma()).containsExactly(s.sigma());
        try (ZipFile zip = new ZipFile(out.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("mu.npy", "sigma.npy");
            assertThat(zip.getEntry("sigma.npy").getMethod()).isEqualTo(ZipEntry.DEFLATED);
        }
        assertThat(NumpyFiles.readArchive(out).get("sigma").dtype()).isEqualTo("<f8");
        try (var files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("stats.npz");
        }
    }

    @Test
    void writtenFeaturesRoundTrip() throws IOException {
        FeatureMatrix f = NumpyFiles.readFeatures(Resources.path("io/features-f4.npy"));
        Path out = tmp.resolve("f.npy");
        NumpyFiles.writeFeatures(out, f);
        assertThat(NumpyFiles.readFeatures(out).data()).containsExactly(f.data());
        byte[] head = Files.readAllBytes(out);
        assertThat((10 + (head[8] & 0xFF)) % 64).isZero();
    }
}
