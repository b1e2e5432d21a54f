/**
 * numpy file interop: {@code .npy} arrays (float32/float64, C order, little-endian) and {@code .npz}
 * Gaussian statistics with keys {@code mu} and {@code sigma} as pytorch-fid and TTUR write them. Malformed
 * files fail with one line naming the file and the problem. The statistics themselves live in {@code stats}.
 */
package dev.ganiqa.metrics.io;
