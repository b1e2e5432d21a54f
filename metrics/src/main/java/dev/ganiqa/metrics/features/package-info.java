/**
 * Feature extractors: images in, feature vectors (and class probabilities) out. {@link
 * dev.ganiqa.metrics.features.FeatureExtractor} is the interface, {@link dev.ganiqa.metrics.features.Extractors}
 * opens one from a spec ({@code ganiqa-fmnist-v17}, {@code ganiqa-fmnist-v1}, {@code inception:PATH},
 * {@code savedmodel:DIR}, {@code frozen:FILE}, {@code onnx:FILE} and its presets),
 * {@link dev.ganiqa.metrics.features.FeatureRunner} streams a dataset through it batch by batch,
 * adapting image shapes by the documented {@link dev.ganiqa.metrics.features.ImageAdapter} policy. TensorFlow
 * models run in {@code SessionExtractor}, ONNX models through ONNX Runtime in {@code OnnxExtractor}. What a model
 * declares is bounded ({@code ModelBounds}) before anything is sized from it, and what it returns must be finite
 * ({@code FiniteFeatures}): a model's faults are {@link dev.ganiqa.metrics.features.ExtractorException}s. The metric
 * math (FID, KID, IS, precision/recall) and statistics accumulation live elsewhere in the metrics module and
 * consume the batches this package delivers.
 */
package dev.ganiqa.metrics.features;
