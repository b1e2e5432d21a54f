/**
 * JMH benchmarks, run from the module classpath by the scripts in {@code scripts/} and {@code benchmarks/},
 * next to their Python peers on the same data; figures and the machine they ran on go to BENCHMARKS.md.
 * Nothing here is used by the CLI.
 */
package dev.ganiqa.harness.bench;
