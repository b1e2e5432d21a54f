/**
 * JMH benchmarks, run by benchmarks/run_metrics_benchmarks.sh against the Python peers on the same data
 * (BENCHMARKS.md). Data comes from the folder in system property {@code ganiqa.bench.dir}, written by
 * benchmarks/metrics_peers.py, so Java and Python measure the same statistics and the same image files.
 */
package dev.ganiqa.harness.bench;
