/**
 * JMH benchmarks, run from the module classpath by the scripts in {@code scripts/} and {@code benchmarks/}
 * (trainer steps and the TF matmul reference: {@code benchmarks/trainers.sh}), next to their Python peers on
 * the same data; figures and the machine they ran on go to BENCHMARKS.md. Nothing here is used by the CLI.
 */
package dev.ganiqa.harness.bench;
