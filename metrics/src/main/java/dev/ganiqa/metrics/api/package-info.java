/**
 * The public Java API of ganiqa's metrics: {@link dev.ganiqa.metrics.api.Ganiqa} (FID and every set metric of two
 * sets in one call) and {@link dev.ganiqa.metrics.api.SetSpec} (how a set is named). This package, and the result
 * types it returns ({@link dev.ganiqa.metrics.eval.Evaluation.Result} and its values), are the contract kept
 * between versions; every other package of the metrics module is internal and may change: {@code image}
 * (per-image sharpness and noise measures), {@code stats} (Gaussian statistics, FID, KID, precision/recall,
 * density/coverage, IS on feature matrices), {@code io} (numpy .npy/.npz interop), {@code features} (network
 * feature extractors and the extractor trainer) and {@code eval} (one evaluation of a set against a reference).
 */
package dev.ganiqa.metrics.api;
