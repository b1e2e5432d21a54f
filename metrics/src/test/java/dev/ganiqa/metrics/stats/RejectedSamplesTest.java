package dev.ganiqa.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Samples flagged outside the data are points at infinity in the k-NN metrics: the result equals the reference
 * metrics of the kept samples, with precision and density divided by the whole set's size; with nothing flagged
 * it is the reference result bit for bit.
 */
class RejectedSamplesTest {
    private static FeatureMatrix features(int n, int d, double shift, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()) + shift;
        }
        return new FeatureMatrix(n, d, x);
    }

    @Test
    void nothingFlaggedIsTheReferenceResult() {
        FeatureMatrix real = features(800, 8, 0, 1);
        FeatureMatrix fake = features(500, 8, 0.2, 2);
        NeighbourRadii radii = NeighbourRadii.forPrdc(real);
        assertThat(NearestNeighbourMetrics.prdc(real, radii, fake, new boolean[500]))
                .isEqualTo(NearestNeighbourMetrics.prdc(real, radii, fake));
    }

    /** The rule written out naively: squared distances, the k-th neighbour radii of each whole set, flags. */
    private static double[] naive(FeatureMatrix real, FeatureMatrix fake, boolean[] outside) {
        int n = real.rows();
        int m = fake.rows();
        double[][] rf = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                rf[i][j] = squared(real, i, fake, j);
            }
        }
        double[] r3 = radii(real, 3);
        double[] r5 = radii(real, 5);
        double[] f3 = radii(fake, 3);
        int p = 0;
        for (int j = 0; j < m; j++) {
            boolean in = false;
            for (int i = 0; i < n && !outside[j]; i++) {
                in |= rf[i][j] < r3[i];
            }
            p += in ? 1 : 0;
        }
        int rec = 0;
        long dens = 0;
        int cov = 0;
        for (int i = 0; i < n; i++) {
            boolean recalled = false;
            int count = 0;
            for (int j = 0; j < m; j++) {
                if (!outside[j]) {
                    recalled |= rf[i][j] < f3[j];
                    count += rf[i][j] < r5[i] ? 1 : 0;
                }
            }
            rec += recalled ? 1 : 0;
            dens += count;
            cov += count > 0 ? 1 : 0;
        }
        return new double[] {(double) p / m, (double) rec / n, (double) dens / (5.0 * m), (double) cov / n};
    }

    private static double squared(FeatureMatrix a, int i, FeatureMatrix b, int j) {
        double s = 0;
        for (int c = 0; c < a.cols(); c++) {
            double d = a.data()[i * a.cols() + c] - b.data()[j * b.cols() + c];
            s += d * d;
        }
        return s;
    }

    private static double[] radii(FeatureMatrix x, int k) {
        double[] out = new double[x.rows()];
        for (int i = 0; i < x.rows(); i++) {
            double[] d = new double[x.rows()];
            for (int j = 0; j < x.rows(); j++) {
                d[j] = squared(x, i, x, j);
            }
            java.util.Arrays.sort(d);
            out[i] = d[k];
        }
        return out;
    }

    @Test
    void flaggedSamplesCountAsOutsideAndContributeNoBall() {
        FeatureMatrix real = features(300, 6, 0, 3);
        FeatureMatrix fake = features(200, 6, 0.1, 4);
        boolean[] outside = new boolean[200];
        SplittableRandom r = new SplittableRandom(5);
        for (int j = 0; j < outside.length; j++) {
            outside[j] = r.nextDouble() < 0.4;
        }
        NeighbourRadii radii = NeighbourRadii.forPrdc(real);
        NearestNeighbourMetrics.Prdc gated = NearestNeighbourMetrics.prdc(real, radii, fake, outside);
        double[] expected = naive(real, fake, outside);
        assertThat(gated.precisionRecall().precision()).isCloseTo(expected[0], within(1e-12));
        assertThat(gated.precisionRecall().recall()).isCloseTo(expected[1], within(1e-12));
        assertThat(gated.densityCoverage().density()).isCloseTo(expected[2], within(1e-12));
        assertThat(gated.densityCoverage().coverage()).isCloseTo(expected[3], within(1e-12));
        // Precision and density are those of the kept samples, scaled by their share of the set.
        int[] kept = IntStream.range(0, 200).filter(j -> !outside[j]).toArray();
        NearestNeighbourMetrics.Prdc keptOnly = NearestNeighbourMetrics.prdc(real, radii, fake.select(kept));
        assertThat(gated.precisionRecall().precision())
                .isCloseTo(keptOnly.precisionRecall().precision() * kept.length / 200.0, within(1e-12));
        // The same pass also gives the reference packages' values, every sample counted where it lands.
        NearestNeighbourMetrics.Gated both = NearestNeighbourMetrics.gated(real, radii, fake, outside);
        NearestNeighbourMetrics.Prdc reference = NearestNeighbourMetrics.prdc(real, radii, fake);
        assertThat(both.prdc()).isEqualTo(gated);
        assertThat(both.precisionAll()).isEqualTo(reference.precisionRecall().precision());
        assertThat(both.densityAll()).isEqualTo(reference.densityCoverage().density());
        // The ungated precision of these near-real samples is higher by about the flagged share.
        assertThat(NearestNeighbourMetrics.prdc(real, radii, fake).precisionRecall().precision())
                .isGreaterThan(gated.precisionRecall().precision() + 0.2);
    }

    @Test
    void everySampleFlaggedScoresZeroAndAMismatchedMaskIsRefused() {
        FeatureMatrix real = features(300, 4, 0, 6);
        FeatureMatrix fake = features(100, 4, 0, 7);
        boolean[] all = new boolean[100];
        java.util.Arrays.fill(all, true);
        NearestNeighbourMetrics.Prdc none = NearestNeighbourMetrics.prdc(real, NeighbourRadii.forPrdc(real), fake, all);
        assertThat(none.precisionRecall().precision()).isZero();
        assertThat(none.precisionRecall().recall()).isZero();
        assertThat(none.densityCoverage().density()).isZero();
        assertThat(none.densityCoverage().coverage()).isZero();
        assertThatThrownBy(() -> NearestNeighbourMetrics.prdc(real, NeighbourRadii.forPrdc(real), fake,
                new boolean[99])).hasMessageContaining("one outside flag per generated sample (100)");
    }
}
