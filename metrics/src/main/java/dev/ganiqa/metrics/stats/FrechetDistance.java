package dev.ganiqa.metrics.stats;

import org.netlib.util.intW;

/**
 * Frechet distance between two Gaussians (Dowson and Landau 1982; FID of Heusel et al. 2017):
 * |mu1 - mu2|^2 + tr(S1) + tr(S2) - 2 tr sqrt(S1 S2), the value of pytorch-fid's
 * {@code calculate_frechet_distance} (src/pytorch_fid/fid_score.py).
 *
 * <p>pytorch-fid takes {@code scipy.linalg.sqrtm} of the non-symmetric product (about 3.7 s at d = 2048 here).
 * For symmetric positive semi-definite S1, S2 the eigenvalues of S1 S2 are those of the symmetric
 * L^T S2 L where S1 = L L^T, real and >= 0, so tr sqrt(S1 S2) = sum sqrt(max(lambda_i, 0)) needs one Cholesky
 * factorisation ({@code dpotrf}), two triangular products ({@code dtrmm}) and the eigenvalues alone of a
 * symmetric matrix ({@code dsyevr}, jobz "N"). When neither covariance is positive definite (fewer samples
 * than dimensions, constant features) L is replaced by V diag(sqrt(max(w, 0))) from the eigendecomposition
 * S1 = V diag(w) V^T, which handles the singular case exactly; rounding can make tiny eigenvalues slightly
 * negative, and clamping them to zero is what taking the real part of sqrtm does in pytorch-fid.
 *
 * <p>pytorch-fid retries with 1e-6 added to both diagonals when sqrtm returns non-finite values (exactly
 * singular products). That offset is a workaround for sqrtm, not part of the definition; this route never
 * needs it, so on such inputs the result is the un-offset value, which differs from pytorch-fid's by O(1e-6 d).
 *
 * <p>The LAPACK routines read one triangle of each covariance, so an asymmetric sigma would be measured by half
 * of it; sigmas are checked to be symmetric to {@link CovarianceCheck#SYMMETRY_TOLERANCE} (and averaged with
 * their transpose within it), and an eigenvalue met on the way below
 * -{@link CovarianceCheck#NEGATIVE_EIGENVALUE_TOLERANCE} times the largest, which no covariance has, is refused
 * instead of clamped. {@link CovarianceCheck#problem} checks statistics in full before they get here.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    public static double compute(GaussianStats a, GaussianStats b) {
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("expected statistics of the same dimension, found " + a.dimension()
                    + " and " + b.dimension());
        }
        return compute(a.mu(), a.sigma(), b.mu(), b.sigma());
    }

    /** {@code sigma1}, {@code sigma2}: d x d symmetric, row-major (or column-major: the same for symmetric). */
    public static double compute(double[] mu1, double[] sigma1, double[] mu2, double[] sigma2) {
        int d = mu1.length;
        if (mu2.length != d || sigma1.length != d * d || sigma2.length != d * d) {
            throw new IllegalArgumentException("expected mu of length " + d + " and sigma of " + d + "x" + d
                    + ", found mu " + mu2.length + ", sigma " + sigma1.length + " and " + sigma2.length + " values");
        }
        checkFinite(mu1, "mu1");
        checkFinite(mu2, "mu2");
        checkFinite(sigma1, "sigma1");
        checkFinite(sigma2, "sigma2");
        sigma1 = symmetric(sigma1, d, "sigma1");
        sigma2 = symmetric(sigma2, d, "sigma2");
        double diff = 0;
        for (int i = 0; i < d; i++) {
            double t = mu1[i] - mu2[i];
            diff += t * t;
        }
        double tr1 = 0;
        double tr2 = 0;
        for (int i = 0; i < d; i++) {
            tr1 += sigma1[i * d + i];
            tr2 += sigma2[i * d + i];
        }
        return diff + tr1 + tr2 - 2 * traceSqrtProduct(sigma1, sigma2, d);
    }

    /**
     * tr sqrt(S1 S2) for symmetric positive semi-definite S1, S2 (d x d; the lower triangles are read).
     *
     * @throws IllegalArgumentException when S1 S2 has an eigenvalue clearly below zero: L^T B L has as many
     *         negative eigenvalues as B (Sylvester's law of inertia), so one of the two is not a covariance
     */
    public static double traceSqrtProduct(double[] s1, double[] s2, int d) {
        double[] eig = choleskyRoute(s1, s2, d);
        String other = "sigma2";
        if (eig == null) {
            eig = choleskyRoute(s2, s1, d);
            other = "sigma1";
        }
        if (eig == null) {
            eig = eigenRoute(s1, s2, d);
            other = "sigma2";
        }
        String indefinite = CovarianceCheck.indefinite(eig, other + " (eigenvalues of sigma1 sigma2)");
        if (indefinite != null) {
            throw new IllegalArgumentException(indefinite);
        }
        double sum = 0;
        for (double v : eig) {
            sum += Math.sqrt(Math.max(v, 0));
        }
        return sum;
    }

    /** Eigenvalues of L^T B L with A = L L^T, or null when A is not numerically positive definite. */
    private static double[] choleskyRoute(double[] a, double[] b, int d) {
        double[] l = a.clone();
        intW info = new intW(0);
        LinearAlgebra.lapack().dpotrf("L", d, l, d, info);
        if (info.val != 0) {
            return null;
        }
        double[] m = b.clone();
        // m := B L, then m := L^T (B L); only the lower triangle of l is read.
        LinearAlgebra.blas().dtrmm("R", "L", "N", "N", d, d, 1.0, l, d, m, d);
        LinearAlgebra.blas().dtrmm("L", "L", "T", "N", d, d, 1.0, l, d, m, d);
        return eigenvalues(m, d);
    }

    /** Eigenvalues of R^T B R with R = V diag(sqrt(max(w, 0))) over the positive eigenpairs of A. */
    private static double[] eigenRoute(double[] a, double[] b, int d) {
        double[] w = new double[d];
        double[] z = new double[d * d];
        symmetricEigen(a.clone(), d, w, z);
        String indefinite = CovarianceCheck.indefinite(w, "sigma1");
        if (indefinite != null) {
            throw new IllegalArgumentException(indefinite);
        }
        int r = 0;
        double[] root = new double[d * d];
        for (int k = 0; k < d; k++) {
            if (w[k] > 0) {
                double s = Math.sqrt(w[k]);
                for (int i = 0; i < d; i++) {
                    root[r * d + i] = z[k * d + i] * s;
                }
                r++;
            }
        }
        if (r == 0) {
            return new double[0];
        }
        double[] br = new double[d * r];
        LinearAlgebra.blas().dgemm("N", "N", d, r, d, 1.0, b, d, root, d, 0.0, br, d);
        double[] m = new double[r * r];
        LinearAlgebra.blas().dgemm("T", "N", r, r, d, 1.0, root, d, br, d, 0.0, m, r);
        return eigenvalues(m, r);
    }

    /** All eigenvalues of the symmetric matrix {@code m} (lower triangle read), via dsyevr. */
    static double[] eigenvalues(double[] m, int n) {
        double[] w = new double[n];
        run(m, n, w, null);
        return w;
    }

    /** Eigenvalues {@code w} and column-major eigenvectors {@code z} of symmetric {@code a}, via dsyevr. */
    static void symmetricEigen(double[] a, int n, double[] w, double[] z) {
        run(a, n, w, z);
    }

    private static void run(double[] a, int n, double[] w, double[] z) {
        String jobz = z == null ? "N" : "V";
        double[] zz = z == null ? new double[n] : z; // netlib bounds-checks z even for jobz "N"
        int ldz = z == null ? 1 : n;
        int[] isuppz = new int[2 * n];
        intW m = new intW(0);
        intW info = new intW(0);
        double[] work = new double[1];
        int[] iwork = new int[1];
        LinearAlgebra.lapack().dsyevr(jobz, "A", "L", n, a, n, 0, 0, 0, 0, 0.0, m, w, zz, ldz, isuppz,
                work, -1, iwork, -1, info);
        work = new double[(int) work[0]];
        iwork = new int[iwork[0]];
        LinearAlgebra.lapack().dsyevr(jobz, "A", "L", n, a, n, 0, 0, 0, 0, 0.0, m, w, zz, ldz, isuppz,
                work, work.length, iwork, iwork.length, info);
        if (info.val != 0) {
            throw new ArithmeticException("dsyevr failed to converge (info " + info.val + ") on a " + n + "x" + n
                    + " matrix");
        }
    }

    /**
     * {@code s} itself when exactly symmetric, else the average of s and s^T when they differ within
     * {@link CovarianceCheck#SYMMETRY_TOLERANCE}: every entry then counts, not just the triangle LAPACK reads.
     */
    private static double[] symmetric(double[] s, int d, String name) {
        String problem = CovarianceCheck.asymmetry(s, d, name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        double[] out = null;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double a = s[i * d + j];
                double b = s[j * d + i];
                if (a != b) {
                    if (out == null) {
                        out = s.clone();
                    }
                    out[i * d + j] = 0.5 * (a + b);
                    out[j * d + i] = 0.5 * (a + b);
                }
            }
        }
        return out == null ? s : out;
    }

    /**
     * A warning when statistics come from fewer feature vectors than dimensions, or null (also when the count
     * is unknown, {@code n} = 0, as in pytorch-fid's and TTUR's files). With N < d the covariance has rank at
     * most N - 1 and FID is biased upward, strongly dependent on N (pytorch-fid asks for at least 2,048 samples
     * with its 2048-d features for this reason): such numbers compare only with others of the same N.
     */
    public static String smallSampleWarning(long n, int dimension) {
        if (n <= 0 || n >= dimension) {
            return null;
        }
        return "FID from " + n + " feature vectors of dimension " + dimension + " is biased: with fewer vectors than "
                + "dimensions the covariance is singular and FID depends strongly on the count; compare it only "
                + "with FIDs of the same count, or use at least " + dimension + " vectors";
    }

    /** {@link #smallSampleWarning(long, int)} for the count and dimension of {@code stats}. */
    public static String smallSampleWarning(GaussianStats stats) {
        return smallSampleWarning(stats.n(), stats.dimension());
    }

    private static void checkFinite(double[] v, String name) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("expected finite " + name + ", found " + x);
            }
        }
    }
}
