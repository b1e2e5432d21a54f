/**
 * The metrics module of ganiqa: {@code image} (per-image sharpness and noise measures), {@code stats}
 * (Gaussian statistics, FID, KID, precision/recall, density/coverage, IS on feature matrices), {@code io}
 * (numpy .npy/.npz interop) and {@code features} (network feature extractors).
 */
package dev.ganiqa.metrics;
