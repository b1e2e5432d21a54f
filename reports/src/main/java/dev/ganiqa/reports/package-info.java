/**
 * The reports module: the results model ({@code model}), the self-contained HTML report ({@code html}) and the
 * static site ({@code site}). It knows nothing of training or metrics, only results.json. {@link
 * dev.ganiqa.reports.AtomicFiles} is the one place files are written.
 */
package dev.ganiqa.reports;
