package dev.ganiqa.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganiqa.metrics.Tolerances;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The shared-work routes give the same results as the direct ones: one-pass radii for several k and set metrics
 * with precomputed real radii (the same dgemm distance blocks, so the same doubles), and KID through reused
 * buffers, dsyrk and gathered kernel sums against the original dgemm loop. Those are other BLAS routines, whose
 * last bits depend on the OpenBLAS kernels the CPU (or OPENBLAS_CORETYPE) selects, so KID is compared with
 * {@link Tolerances#FLOAT64}; repeats of one route are compared bit for bit.
 */
class SetMetricsFastPathTest {
    /** Rounded to a coarse grid so that distance ties (the hard case for k-th neighbour selection) occur. */
    private static FeatureMatrix features(int n, int d, double shift, double grid, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            double v = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()) + shift;
            x[i] = grid > 0 ? Math.rint(v / grid) * grid : v;
        }
        return new FeatureMatrix(n, d, x);
    }

    @Test
    void onePassRadiiEqualThePerKPasses() {
        // 2,500 rows: three distance blocks, so rows of later blocks are covered too.
        for (double grid : new double[] {0, 0.5}) {
            FeatureMatrix x = features(2500, 6, 0, grid, 11);
            NeighbourRadii radii = NeighbourRadii.of(x, 5, 1, 3);
            for (int k : new int[] {1, 3, 5}) {
                assertThat(radii.squaredCopy(k)).as("k=%d grid=%s", k, grid)
                        .containsExactly(PairwiseDistances.kthNeighbourSquared(x, k));
            }
        }
    }

    @Test
    void precomputedRadiiGiveIdenticalMetrics() {
        FeatureMatrix real = features(1500, 10, 0, 0, 21);
        FeatureMatrix fake = features(700, 10, 0.3, 0, 22);
        NeighbourRadii radii = NeighbourRadii.forPrdc(real);
        for (FeatureMatrix f : new FeatureMatrix[] {fake, features(300, 10, -0.2, 0.5, 23)}) {
            assertThat(NearestNeighbourMetrics.precisionRecall(real, radii, f, 3))
                    .isEqualTo(NearestNeighbourMetrics.precisionRecall(real, f, 3));
            assertThat(NearestNeighbourMetrics.densityCoverage(real, radii, f, 5))
                    .isEqualTo(NearestNeighbourMetrics.densityCoverage(real, f, 5));
            NearestNeighbourMetrics.Prdc onePass = NearestNeighbourMetrics.prdc(real, radii, f);
            assertThat(onePass.precisionRecall()).isEqualTo(NearestNeighbourMetrics.precisionRecall(real, f, 3));
            assertThat(onePass.densityCoverage()).isEqualTo(NearestNeighbourMetrics.densityCoverage(real, f, 5));
        }
    }

    @Test
    void radiiOfAnotherSetOrAnotherKAreRefused() {
        FeatureMatrix real = features(200, 4, 0, 0, 31);
        FeatureMatrix fake = features(100, 4, 0, 0, 32);
        NeighbourRadii radii = NeighbourRadii.of(real, 3);
        FeatureMatrix copy = new FeatureMatrix(200, 4, real.data().clone());
        assertThatThrownBy(() -> NearestNeighbourMetrics.precisionRecall(copy, radii, fake, 3))
                .hasMessageContaining("radii of another set");
        assertThatThrownBy(() -> NearestNeighbourMetrics.densityCoverage(real, radii, fake, 5))
                .hasMessageContaining("expected k in [3], found k = 5");
        assertThatThrownBy(() -> NeighbourRadii.of(real, 3, 3)).hasMessageContaining("distinct");
        assertThatThrownBy(() -> NeighbourRadii.of(real, 200)).hasMessageContaining("1 <= k < 200");
    }

    @Test
    void kidEqualsTheOriginalDgemmComputationOnBothRoutes() {
        // Unequal set sizes, subset sizes that are odd and no multiple of the mirror tile.
        FeatureMatrix real = features(900, 24, 0, 0, 41);
        FeatureMatrix fake = features(400, 24, 0.1, 0, 42);
        KidConfig gathered = new KidConfig(7, 301, 2020);
        KidConfig perSubset = new KidConfig(2, 301, 7);
        assertThat(GatheredKernelSums.worthIt(900, 400, 301, 301, gathered.subsets())).isTrue();
        assertThat(GatheredKernelSums.worthIt(900, 400, 301, 301, perSubset.subsets())).isFalse();
        for (KidConfig config : new KidConfig[] {gathered, perSubset}) {
            double[] expected = NaiveKid.meanStd(NaiveKid.subsetValues(real, fake, config));
            KernelInceptionDistance.Result got = KernelInceptionDistance.compute(real, fake, config);
            assertThat(got.mean()).as("%s", config).isCloseTo(expected[0], Tolerances.relative(expected[0]));
            assertThat(got.std()).as("%s", config).isCloseTo(expected[1], Tolerances.relative(expected[1]));
            assertThat(got.subsetSizeReal()).isEqualTo(301);
            assertThat(got.subsetSizeFake()).isEqualTo(301);
        }
        double mmd2 = NaiveKid.mmd2(real, fake);
        assertThat(KernelInceptionDistance.mmd2(real, fake)).isCloseTo(mmd2, Tolerances.relative(mmd2));
    }

    @Test
    void sharedRealTermsGiveTheSameKidForEveryGeneratedSet() {
        FeatureMatrix real = features(900, 24, 0, 0, 51);
        KidRealTerms terms = new KidRealTerms(real);
        KidConfig config = new KidConfig(6, 250, 3);
        for (long seed : new long[] {52, 53}) {
            FeatureMatrix fake = features(400, 24, 0.2, 0, seed);
            double[] expected = NaiveKid.meanStd(NaiveKid.subsetValues(real, fake, config));
            KernelInceptionDistance.Result got = KernelInceptionDistance.compute(real, fake, config, terms);
            assertThat(got.mean()).isCloseTo(expected[0], Tolerances.relative(expected[0]));
            assertThat(got.std()).isCloseTo(expected[1], Tolerances.relative(expected[1]));
        }
        // Another generated size draws other real subsets: its own entry, still equal to the oracle.
        FeatureMatrix smaller = features(300, 24, 0.2, 0, 54);
        double smallerKid = NaiveKid.meanStd(NaiveKid.subsetValues(real, smaller, config))[0];
        assertThat(KernelInceptionDistance.compute(real, smaller, config, terms).mean())
                .isCloseTo(smallerKid, Tolerances.relative(smallerKid));
        // Few subsets: the per-subset Gram route, which takes the shared real terms too.
        KidConfig few = new KidConfig(2, 250, 3);
        assertThat(GatheredKernelSums.worthIt(900, 400, 250, 250, few.subsets())).isFalse();
        double fewKid = NaiveKid.meanStd(NaiveKid.subsetValues(real, smaller, few))[0];
        double firstRound = KernelInceptionDistance.compute(real, smaller, few, terms).mean();
        assertThat(firstRound).isCloseTo(fewKid, Tolerances.relative(fewKid));
        // The second round reads the cached real terms: the same route, so the same double.
        assertThat(KernelInceptionDistance.compute(real, smaller, few, terms).mean()).isEqualTo(firstRound);
        FeatureMatrix copy = new FeatureMatrix(900, 24, real.data().clone());
        assertThatThrownBy(() -> KernelInceptionDistance.compute(copy, smaller, config, terms))
                .hasMessageContaining("another set");
    }

    @Test
    void mirrorCopiesTheUpperTriangle() {
        int k = 131;
        double[] c = new double[k * k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i <= j; i++) {
                c[j * k + i] = i * 1000 + j;
            }
        }
        KernelSums.mirrorUpper(c, k);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                assertThat(c[j * k + i]).isEqualTo(Math.min(i, j) * 1000 + Math.max(i, j));
            }
        }
    }
}
