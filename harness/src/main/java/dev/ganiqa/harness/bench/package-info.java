/**
 * JMH benchmarks: training steps of each GAN variant and a large TF matmul as the hardware reference.
 * Run from the harness classpath with {@code benchmarks/trainers.sh}; figures go to BENCHMARKS.md.
 */
package dev.ganiqa.harness.bench;
