package dev.ganiqa.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.metrics.Tolerances;
import org.junit.jupiter.api.Test;

/** Covariances that are none are refused by the check and by FrechetDistance itself, never half-read. */
class CovarianceCheckTest {
    private static final double[] MU = {0, 0, 0};
    /** Symmetric positive definite. */
    private static final double[] SPD = {4, 1, 0.5, 1, 3, 0.25, 0.5, 0.25, 2};

    @Test
    void aCovarianceWithItsTriangleChangedIsRefusedNotHalfRead() {
        double[] upper = SPD.clone();
        upper[1] = 2.5; // sigma[0, 1]; sigma[1, 0] stays 1
        assertThat(CovarianceCheck.problem(new GaussianStats(MU, upper, 0))).startsWith("expected a symmetric sigma")
                .contains("sigma[1, 0] = 1.0 and sigma[0, 1] = 2.5");
        assertThatThrownBy(() -> FrechetDistance.compute(MU, SPD, MU, upper))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a symmetric sigma2");
        assertThatThrownBy(() -> FrechetDistance.compute(MU, upper, MU, SPD))
                .hasMessageContaining("expected a symmetric sigma1");
    }

    @Test
    void asymmetryWithinTheToleranceCountsBothTriangles() {
        double[] a = SPD.clone();
        double[] b = SPD.clone();
        double eps = 1e-7 * 4; // below SYMMETRY_TOLERANCE x max |s| = 4e-6
        a[1] += eps; // upper triangle only
        b[3] += eps; // lower triangle only
        double[] mean = SPD.clone();
        mean[1] += eps / 2;
        mean[3] += eps / 2;
        double[] other = {1, 0, 0, 0, 2, 0, 0, 0, 3};
        double expected = FrechetDistance.compute(MU, mean, MU, other);
        // Either triangle alone would be read as if the other did not exist; averaged, both give the same value.
        assertThat(FrechetDistance.compute(MU, a, MU, other)).isCloseTo(expected, Tolerances.relative(expected));
        assertThat(FrechetDistance.compute(MU, b, MU, other)).isCloseTo(expected, Tolerances.relative(expected));
    }

    @Test
    void negativeDefiniteSigmaIsRefusedOnEveryRoute() {
        double[] minusI = {-1, 0, 0, 0, -1, 0, 0, 0, -1};
        assertThat(CovarianceCheck.problem(new GaussianStats(MU, minusI, 0)))
                .isEqualTo("expected a positive semi-definite sigma (smallest eigenvalue >= -1.0E-4 x largest), found "
                        + "smallest eigenvalue -1.0 and largest -1.0");
        // Cholesky of SPD succeeds, so sigma2 is seen through L^T sigma2 L (Sylvester's law of inertia).
        assertThatThrownBy(() -> FrechetDistance.compute(MU, SPD, MU, minusI))
                .hasMessageContaining("expected a positive semi-definite sigma2");
        assertThatThrownBy(() -> FrechetDistance.compute(MU, minusI, MU, SPD))
                .hasMessageContaining("expected a positive semi-definite sigma1");
        // Neither factorises: the eigendecomposition route.
        assertThatThrownBy(() -> FrechetDistance.compute(MU, minusI, MU, minusI))
                .hasMessageContaining("expected a positive semi-definite sigma1");
        double[] indefinite = {1, 0, 0, 0, 1, 0, 0, 0, -0.5};
        assertThat(CovarianceCheck.problem(new GaussianStats(MU, indefinite, 0)))
                .contains("found smallest eigenvalue -0.5 and largest 1.0");
    }

    @Test
    void singularCovariancesPass() {
        // Rank 1: x x^T, zero eigenvalues computed as rounding noise around 0.
        double[] x = {0.3, -1.7, 2.9};
        double[] rank1 = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                rank1[i * 3 + j] = x[i] * x[j];
            }
        }
        assertThat(CovarianceCheck.problem(new GaussianStats(MU, rank1, 2))).isNull();
        double fid = FrechetDistance.compute(MU, rank1, MU, rank1);
        // The zero eigenvalues of a singular product come out as +-1e-16 of the largest, and their square roots
        // as 1e-8: FID of singular statistics is exact only to about sqrt(machine epsilon) x tr(sigma) (3.5e-7 here
        // with netlib's pure-Java LAPACK, exactly 0 with OpenBLAS).
        double trace = rank1[0] + rank1[4] + rank1[8];
        assertThat(fid).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-7 * trace));
        assertThat(CovarianceCheck.problem(new GaussianStats(MU, new double[9], 1))).isNull();
    }

    @Test
    void fewerVectorsThanDimensionsGiveAWarning() {
        assertThat(FrechetDistance.smallSampleWarning(500, 2048))
                .startsWith("FID from 500 feature vectors of dimension 2048 is biased")
                .contains("use at least 2048 vectors");
        assertThat(FrechetDistance.smallSampleWarning(2048, 2048)).isNull();
        assertThat(FrechetDistance.smallSampleWarning(new GaussianStats(MU, SPD, 0))).as("count unknown").isNull();
        assertThat(FrechetDistance.smallSampleWarning(new GaussianStats(MU, SPD, 2))).contains("FID from 2 feature vectors");
    }
}
