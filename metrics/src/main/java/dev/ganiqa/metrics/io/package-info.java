/**
 * numpy file interop: {@code .npy} arrays (float32/float64, C order, little-endian) and {@code .npz}
 * Gaussian statistics with keys {@code mu} and {@code sigma} as pytorch-fid and TTUR write them. Malformed
 * files, and files whose values are no features or statistics (non-finite, sigma not a covariance, a shape the
 * file cannot hold), fail with one line naming the file and the problem ({@link
 * dev.ganiqa.metrics.io.MalformedFileException}, exit 1 in the CLI). The statistics themselves live in {@code stats}.
 */
package dev.ganiqa.metrics.io;
