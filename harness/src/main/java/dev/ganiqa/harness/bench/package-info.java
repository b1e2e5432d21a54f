/**
 * JMH benchmarks, run from the module classpath ({@code scripts/bench-datasets.sh}); figures and the
 * machine they ran on go to BENCHMARKS.md. Nothing here is used by the CLI.
 */
package dev.ganiqa.harness.bench;
