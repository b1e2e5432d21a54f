package dev.ganiqa.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ganiqa.metrics.Resources;
import dev.ganiqa.metrics.io.NpyArray;
import dev.ganiqa.metrics.io.NumpyFiles;
import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {
    @ParameterizedTest
    @ValueSource(strings = {"pd-64", "ill-conditioned-64", "rank-deficient-64", "one-singular-64", "zero-feature-16"})
    void equalsPytorchFidOnScipyReferences(String name) throws IOException {
        Map<String, NpyArray> z = NumpyFiles.readArchive(Resources.path("stats/fid-" + name + ".npz"));
        double fid = FrechetDistance.compute(z.get("mu1").data(), z.get("sigma1").data(), z.get("mu2").data(),
                z.get("sigma2").data());
        double expected = z.get("fid_sqrtm").data()[0];
        assertThat(fid).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
    }

    @Test
    void isZeroForIdenticalStatistics() throws IOException {
        Map<String, NpyArray> z = NumpyFiles.readArchive(Resources.path("stats/fid-ill-conditioned-64.npz"));
        double[] mu = z.get("mu1").data();
        double[] s = z.get("sigma1").data();
        double trace = 0;
        for (int i = 0; i < mu.length; i++) {
            trace += s[i * mu.length + i];
        }
        assertThat(FrechetDistance.compute(mu, s, mu, s)).isCloseTo(0.0, within(1e-9 * trace));
    }

    @Test
    void isTheSquaredMeanDistanceBetweenUnitGaussians() {
        int d = 300;
        double[] eye = new double[d * d];
        for (int i = 0; i < d; i++) {
            eye[i * d + i] = 1;
        }
        double[] m = new SplittableRandom(3).doubles(d, -2, 2).toArray();
        double expected = 0;
        for (double v : m) {
            expected += v * v;
        }
        assertThat(FrechetDistance.compute(new double[d], eye, m, eye)).isCloseTo(expected, within(1e-9 * expected));
    }

    @Test
    void matchesClosedFormForCommutingDiagonalCovariances() {
        // For diagonal S1, S2: tr sqrt(S1 S2) = sum sqrt(a_i b_i); with a singular S1 too.
        double[] a = {4, 0, 9, 1e-12};
        double[] b = {1, 5, 0.25, 2};
        double[] s1 = new double[16];
        double[] s2 = new double[16];
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            s1[i * 4 + i] = a[i];
            s2[i * 4 + i] = b[i];
            expected += a[i] + b[i] - 2 * Math.sqrt(a[i] * b[i]);
        }
        assertThat(FrechetDistance.compute(new double[4], s1, new double[4], s2)).isCloseTo(expected, within(1e-12));
        assertThat(FrechetDistance.compute(new double[4], s2, new double[4], s1)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void refusesNonFiniteOrMismatchedInput() {
        double[] s = {1, 0, 0, 1};
        assertThatThrownBy(() -> FrechetDistance.compute(new double[] {0, Double.NaN}, s, new double[2], s))
                .hasMessageContaining("expected finite mu1");
        assertThatThrownBy(() -> FrechetDistance.compute(new double[2], s, new double[3], s))
                .hasMessageContaining("expected mu of length 2");
    }

    /**
     * scripts/install-deps.sh installs OpenBLAS, so the default configuration must find it. Skipped when the
     * netlib library was chosen by hand ({@code -Ddev.ludovic.netlib.blas.nativeLib=...}, e.g. a missing one
     * to run the suite on the pure-Java fallback).
     */
    @Test
    void usesTheNativeBackend() {
        for (String lib : new String[] {"blas", "lapack"}) {
            for (String key : new String[] {"nativeLib", "nativeLibPath"}) {
                String property = "dev.ludovic.netlib." + lib + "." + key;
                org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty(property) == null,
                        () -> property + " is set: the backend was chosen by hand");
            }
        }
        assertThat(LinearAlgebra.backend()).contains("JNILAPACK");
        assertThat(LinearAlgebra.isNative()).isTrue();
    }
}
