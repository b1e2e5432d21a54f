/** The metrics module of ganiqa. */
package dev.ganiqa.metrics;
