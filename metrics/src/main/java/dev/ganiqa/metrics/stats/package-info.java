/**
 * Set-level metric math on feature matrices, all in double: the streaming mean/covariance accumulator and
 * {@link dev.ganiqa.metrics.stats.GaussianStats}, the Frechet distance (pytorch-fid's FID), KID, improved
 * precision/recall, density/coverage and the Inception Score from class probabilities. Dense linear algebra
 * goes through dev.ludovic.netlib (system OpenBLAS). No neural networks here: feature extraction lives in
 * {@code features}, per-image measures in {@code image}, numpy files in {@code io}.
 *
 * <p>Every caller enters through {@code dev.ganiqa.metrics.eval.Evaluation} (image sets or feature matrices against
 * a reference: {@code ganiqa metrics}, {@code compare-features}, {@code compare}, the Java API), which calls the small
 * functions here
 * ({@link dev.ganiqa.metrics.stats.FrechetDistance}, {@link dev.ganiqa.metrics.stats.KernelInceptionDistance},
 * {@link dev.ganiqa.metrics.stats.NearestNeighbourMetrics}, {@link dev.ganiqa.metrics.stats.InceptionScore}).
 * A real reference measured against many generated sets keeps its share of the work in
 * {@link dev.ganiqa.metrics.stats.NeighbourRadii} (k-NN radii) and {@link dev.ganiqa.metrics.stats.KidRealTerms}
 * (KID's real-real subset sums); every shortcut gives the same doubles as the direct computation, or, where it
 * runs other BLAS routines (dsyrk, gathered sums), the same value to float64 rounding.
 *
 * <p>{@link dev.ganiqa.metrics.stats.CovarianceCheck} says whether statistics can be a Gaussian of real features
 * (finite, sigma symmetric and positive semi-definite, tolerances stated there); statistics from files pass it
 * before use, and {@link dev.ganiqa.metrics.stats.FrechetDistance#smallSampleWarning} flags FIDs from fewer
 * vectors than dimensions.
 */
package dev.ganiqa.metrics.stats;
