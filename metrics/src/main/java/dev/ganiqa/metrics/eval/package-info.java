/**
 * The one evaluation layer: how a set of images becomes metrics. An image set ({@code dev.ganiqa.datasets.ImageSet},
 * each image at its own size) goes through a feature extractor once ({@link dev.ganiqa.metrics.eval.ExtractedSet}:
 * statistics always, streamed through the one fold route; vectors when kept); a real set becomes a
 * {@link dev.ganiqa.metrics.eval.Reference} (statistics, per-class statistics, k-NN radii and KID terms computed
 * once and shared); {@link dev.ganiqa.metrics.eval.Evaluation#evaluate} turns a reference and a generated set into
 * FID, IS, KID, precision/recall and density/coverage, naming what it could not compute and why;
 * {@link dev.ganiqa.metrics.eval.ClassFid} gives FID per class. Metric ids and defaults are in
 * {@link dev.ganiqa.metrics.eval.MetricDefinitions}; statistics are cached on disk by
 * {@link dev.ganiqa.metrics.eval.StatsCache}. {@code ganiqa fid}, {@code ganiqa metrics --real} and
 * {@code ganiqa compare} all call this package, so they agree to the last bit on the same images. The formulas
 * themselves are in {@code dev.ganiqa.metrics.stats}; the command line around this is the harness's.
 */
package dev.ganiqa.metrics.eval;
