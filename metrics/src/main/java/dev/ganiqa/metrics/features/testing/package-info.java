/**
 * Stand-ins for weights that cannot be downloaded on build machines (the Inception graph), with the real
 * files' tensor names and structure, and small networks written as ONNX and as TensorFlow graphs from Java
 * ({@code OnnxWriter}, {@code TinyConvNet}); used by tests and benchmarks to exercise the loaders, never for metrics.
 */
package dev.ganiqa.metrics.features.testing;
