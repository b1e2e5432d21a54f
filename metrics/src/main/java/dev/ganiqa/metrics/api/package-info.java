/**
 * The public Java API of ganiqa's metrics: {@link dev.ganiqa.metrics.api.Ganiqa} (FID and every set metric of two
 * sets in one call) and {@link dev.ganiqa.metrics.api.SetSpec} (how a set is named). This package, and the result
 * types it returns ({@link dev.ganiqa.metrics.eval.Evaluation.Result} and its values), are the contract kept
 * between versions; every other package of the metrics module is internal and may change.
 */
package dev.ganiqa.metrics.api;
