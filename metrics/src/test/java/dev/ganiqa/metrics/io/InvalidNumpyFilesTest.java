package dev.ganiqa.metrics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.metrics.Resources;
import dev.ganiqa.metrics.stats.CovarianceCheck;
import dev.ganiqa.metrics.stats.GaussianStats;
import java.io.IOException;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Files that parse but hold no usable features or statistics (numpy-made, {@code make_references.py
 * invalid_fixtures}): each is refused with one line naming the file and saying what was expected.
 */
class InvalidNumpyFilesTest {
    private static Path io(String name) {
        return Resources.path("io/" + name);
    }

    private static void assertRefused(ThrowingCallable read, String file, String... fragments) {
        assertThatThrownBy(read).isInstanceOf(MalformedFileException.class)
                .satisfies(e -> {
                    MalformedFileException m = (MalformedFileException) e;
                    assertThat(m.file()).endsWith(file);
                    assertThat(m.getMessage()).doesNotContain("\n").startsWith(m.file() + ": ");
                    for (String f : fragments) {
                        assertThat(m.problem()).contains(f);
                    }
                });
    }

    @Test
    void shapesThatCannotBeAllocatedOrAreNotInTheFileAreRefusedBeforeReading() {
        assertRefused(() -> NumpyFiles.readFeatures(io("features-negative-shape.npy")), "features-negative-shape.npy",
                "expected non-negative dimensions in shape, found (-5, 64)");
        assertRefused(() -> NumpyFiles.readFeatures(io("features-huge-shape.npy")), "features-huge-shape.npy",
                "expected under 2 GiB of values, found shape (1000000000, 1000000000) of <f8 (8000000000000000000 bytes)");
        // 1.6 GB announced, 64 bytes present: refused from the file size, nothing allocated.
        assertRefused(() -> NumpyFiles.readFeatures(io("features-shape-beyond-data.npy")),
                "features-shape-beyond-data.npy", "expected 1638400000 data bytes for shape (100000, 2048) of <f8, found 64");
    }

    @Test
    void nonFiniteFeaturesAreRefusedNamingRowAndColumn() {
        assertRefused(() -> NumpyFiles.readFeatures(io("features-nan.npy")), "features-nan.npy",
                "expected finite features, found NaN at row 3, column 2");
    }

    @Test
    void statisticsThatAreNoGaussianAreRefused() {
        assertRefused(() -> NumpyFiles.readStats(io("stats-sigma-negative.npz")), "stats-sigma-negative.npz",
                "expected a positive semi-definite sigma", "found smallest eigenvalue -1.0 and largest -1.0");
        assertRefused(() -> NumpyFiles.readStats(io("stats-sigma-asymmetric.npz")), "stats-sigma-asymmetric.npz",
                "expected a symmetric sigma", "found sigma[1, 0] = ");
        assertRefused(() -> NumpyFiles.readStats(io("stats-mu-nan.npz")), "stats-mu-nan.npz",
                "expected finite mu, found mu[2] = NaN");
        assertRefused(() -> NumpyFiles.readStats(io("stats-sigma-inf.npz")), "stats-sigma-inf.npz",
                "expected finite sigma, found sigma[3, 3] = Infinity");
    }

    @Test
    void aSingularFloat32CovarianceIsAccepted() throws IOException {
        // 6 vectors in 40 dimensions: rank 5, and float32 rounding leaves its zero eigenvalues near -1e-8 of the
        // largest, inside the tolerance; a check demanding eigenvalues >= 0 would refuse a valid file.
        GaussianStats s = NumpyFiles.readStats(io("stats-singular-f4.npz"));
        assertThat(s.dimension()).isEqualTo(40);
        assertThat(CovarianceCheck.problem(s)).isNull();
    }
}
