package dev.ganiqa.metrics.stats;

/**
 * Whether Gaussian statistics can be the mean and covariance of real feature vectors: mu and sigma finite,
 * sigma symmetric and positive semi-definite, to the tolerances below. Statistics read from files
 * (pytorch-fid's or TTUR's {@code .npz}, or anyone's {@code np.savez}) are checked before use: a sigma that is
 * not a covariance gives an FID that looks plausible and means nothing (sigma = -I still prints a number).
 * {@link FrechetDistance} checks symmetry on every call, since its LAPACK routines read one triangle only.
 */
public final class CovarianceCheck {
    /**
     * Largest |s_ij - s_ji| allowed, relative to the largest |s_ij|. {@code np.cov} forms sigma with one matrix
     * product, symmetric to a few float64 ulps; a float32 copy rounds two nearly equal entries separately, at
     * most one float32 ulp (6e-8 relative) apart. 1e-6 admits both with margin, while a matrix that is not a
     * covariance (two triangles of different matrices) is off by O(1).
     */
    public static final double SYMMETRY_TOLERANCE = 1e-6;
    /**
     * Smallest eigenvalue allowed, as a negative fraction of the largest. A covariance of N < d vectors is
     * singular, and dsyevr returns its zero eigenvalues as +-(a few d) ulps of the largest (about 1e-13 at
     * d = 2048). Storing sigma as float32 perturbs each entry by up to 6e-8 of its size, which moves eigenvalues
     * by up to about 2 sqrt(d) 6e-8 ~ 5e-6 of the largest (Weyl's inequality, random-sign errors). 1e-4 admits
     * both with margin; a direction of clearly negative variance (sigma = -I: -1 relative) is refused.
     */
    public static final double NEGATIVE_EIGENVALUE_TOLERANCE = 1e-4;

    private CovarianceCheck() {
    }

    /** Throws {@link IllegalArgumentException} with {@link #problem(GaussianStats)} unless it is null. */
    public static void check(GaussianStats stats) {
        String problem = problem(stats);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * The first problem, as "expected X, found Y" naming the entry, or null when the statistics are valid.
     * Costs one symmetric eigenvalue problem of size d (about 0.3 s at d = 2048 with OpenBLAS).
     */
    public static String problem(GaussianStats stats) {
        int d = stats.dimension();
        String finite = nonFinite(stats.mu(), "mu", 0);
        if (finite == null) {
            finite = nonFinite(stats.sigma(), "sigma", d);
        }
        if (finite != null) {
            return finite;
        }
        String symmetry = asymmetry(stats.sigma(), d, "sigma");
        if (symmetry != null) {
            return symmetry;
        }
        double[] eig = FrechetDistance.eigenvalues(stats.sigma().clone(), d);
        return indefinite(eig, "sigma");
    }

    /** "expected finite NAME, found ..." for the first NaN or infinity, or null; {@code cols} 0 for a vector. */
    static String nonFinite(double[] values, String name, int cols) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                String at = cols == 0 ? "[" + i + "]" : "[" + i / cols + ", " + i % cols + "]";
                return "expected finite " + name + ", found " + name + at + " = " + values[i];
            }
        }
        return null;
    }

    /** "expected a symmetric NAME, ..." for the worst pair beyond {@link #SYMMETRY_TOLERANCE}, or null. */
    static String asymmetry(double[] s, int d, String name) {
        double scale = 0;
        for (double v : s) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        int wi = 0;
        int wj = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double diff = Math.abs(s[i * d + j] - s[j * d + i]);
                if (diff > worst) {
                    worst = diff;
                    wi = i;
                    wj = j;
                }
            }
        }
        if (worst <= SYMMETRY_TOLERANCE * scale) {
            return null;
        }
        return "expected a symmetric " + name + " (|s_ij - s_ji| <= " + SYMMETRY_TOLERANCE + " x max |s_ij|), found "
                + name + "[" + wi + ", " + wj + "] = " + s[wi * d + wj] + " and " + name + "[" + wj + ", " + wi + "] = "
                + s[wj * d + wi];
    }

    /** "expected a positive semi-definite NAME, ..." when an eigenvalue is below the tolerance, or null. */
    static String indefinite(double[] eigenvalues, String name) {
        if (eigenvalues.length == 0) {
            return null;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : eigenvalues) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min >= -NEGATIVE_EIGENVALUE_TOLERANCE * Math.max(max, 0)) {
            return null;
        }
        return "expected a positive semi-definite " + name + " (smallest eigenvalue >= -" + NEGATIVE_EIGENVALUE_TOLERANCE
                + " x largest), found smallest eigenvalue " + min + " and largest " + max;
    }
}
