package dev.ganiqa.metrics.stats;

import dev.ludovic.netlib.blas.BLAS;
import java.util.stream.IntStream;

/**
 * KID subsets by lookup (see {@link KernelInceptionDistance}): the kernel values of every real-fake and
 * fake-fake pair are computed once, with one {@code dgemm} and one {@code dsyrk}, and each subset's cross and
 * fake sums are gathered from them in the column-by-column order of {@link KernelSums#kernelSum}. At a
 * comparison's sizes (10,000 real, 2,000 fake, 100 subsets of 1,000) that is 5x fewer flops for the cross
 * term and 10x fewer for the fake term. The real-real sum still uses a Gram matrix per subset: all real pairs
 * would be 800 MB at N = 10,000.
 *
 * <p>Each gathered kernel value is the same expression of an inner product of the same two rows; OpenBLAS
 * accumulates each inner product over d in the same order whatever the matrix sizes, so the sums match the
 * per-subset route (the tests compare the two on every build). The real-real sums can come from a
 * {@link KidRealTerms} shared by every generated set of a comparison.
 */
final class GatheredKernelSums {
    /** The largest real x fake plus fake x fake table kept: 2^25 doubles, 256 MB. */
    static final long MAX_ENTRIES = 1L << 25;

    private final int realRows;
    private final int fakeRows;
    private final int m;
    private final int n;
    private final int d;
    private final FeatureMatrix real;
    /** Column-major realRows x fakeRows kernel values: kxy[j * realRows + i] = k(real_i, fake_j). */
    private final double[] kxy;
    /** Column-major fakeRows x fakeRows kernel values. */
    private final double[] kyy;
    private final double[] x;
    private final double[] gxx;

    GatheredKernelSums(FeatureMatrix real, FeatureMatrix fake, int m, int n) {
        this.real = real;
        this.realRows = real.rows();
        this.fakeRows = fake.rows();
        this.m = m;
        this.n = n;
        this.d = real.cols();
        BLAS blas = LinearAlgebra.blas();
        kxy = new double[realRows * fakeRows];
        blas.dgemm("T", "N", realRows, fakeRows, d, 1.0, real.data(), 0, d, fake.data(), 0, d, 0.0, kxy, 0, realRows);
        kyy = new double[fakeRows * fakeRows];
        blas.dsyrk("U", "T", fakeRows, d, 1.0, fake.data(), 0, d, 0.0, kyy, 0, fakeRows);
        KernelSums.mirrorUpper(kyy, fakeRows);
        IntStream.range(0, fakeRows).parallel().forEach(j -> {
            for (int i = j * realRows, e = i + realRows; i < e; i++) {
                kxy[i] = KernelSums.kernel(kxy[i], d);
            }
            for (int i = j * fakeRows, e = i + fakeRows; i < e; i++) {
                kyy[i] = KernelSums.kernel(kyy[i], d);
            }
        });
        x = new double[m * d];
        gxx = new double[m * m];
    }

    /** Whether the lookup tables fit and cost fewer flops than the per-subset Gram matrices they replace. */
    static boolean worthIt(int realRows, int fakeRows, int m, int n, int subsets) {
        long tables = (long) realRows * fakeRows + (long) fakeRows * fakeRows;
        return tables <= MAX_ENTRIES && (long) subsets * m * n > (long) realRows * fakeRows;
    }

    /**
     * Unbiased MMD^2 of the real rows {@code rx} (m of them) against the fake rows {@code ry} (n);
     * {@code realSum} is their real-real kernel sum when known (from {@link KidRealTerms}), else NaN.
     */
    double mmd2(int[] rx, int[] ry, double realSum) {
        double[] sums = IntStream.range(0, 3).parallel().mapToDouble(t -> switch (t) {
            case 0 -> Double.isNaN(realSum) ? KernelSums.selfSum(real, rx, x, gxx) : realSum;
            case 1 -> fakeSum(ry);
            default -> crossSum(rx, ry);
        }).toArray();
        return KernelSums.combine(sums[0], sums[1], sums[2], m, n);
    }

    private double fakeSum(int[] ry) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            int o = ry[j] * fakeRows;
            for (int i = 0; i < n; i++) {
                if (i != j) {
                    sum += kyy[o + ry[i]];
                }
            }
        }
        return sum;
    }

    private double crossSum(int[] rx, int[] ry) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            int o = ry[j] * realRows;
            for (int i = 0; i < m; i++) {
                sum += kxy[o + rx[i]];
            }
        }
        return sum;
    }
}
