/**
 * Stand-ins for weights that cannot be downloaded on build machines (the Inception graph), with the real
 * files' tensor names and structure, and small networks written as ONNX and as TensorFlow graphs from Java
 * ({@code OnnxWriter}, {@code TinyConvNet}); used by tests and benchmarks to exercise the loaders, never for metrics.
 * In the test tree: the metrics jar does not ship them; its test-jar (this package only) does, for the harness.
 */
package dev.ganiqa.metrics.features.testing;
